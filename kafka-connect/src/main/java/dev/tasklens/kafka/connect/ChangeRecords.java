package dev.tasklens.kafka.connect;

import dev.tasklens.domain.Task;
import dev.tasklens.domain.watch.TaskChange;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records the connector writes, with Connect schemas so that the JSON, Avro and Protobuf
 * converters all carry them: a change's value is its kind, the status it came from, when it was
 * seen, the partition's account and scope, and the task as {@code tasklens list} prints it; its key
 * is the source, the account and the task id, so that one task's changes stay in order in one Kafka
 * partition. A heartbeat carries its partition and time, and the offset it moves.
 */
public final class ChangeRecords {

    /** A task, as the library models it. */
    public static final Schema TASK = SchemaBuilder.struct().name("dev.tasklens.Task").version(1)
            .field("source", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("type", Schema.STRING_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("rawStatus", Schema.STRING_SCHEMA)
            .field("createdAt", Timestamp.builder().optional().build())
            .field("startedAt", Timestamp.builder().optional().build())
            .field("finishedAt", Timestamp.builder().optional().build())
            .field("message", Schema.OPTIONAL_STRING_SCHEMA)
            .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
            .build();

    /** A change: {@code kind}, {@code from}, {@code observedAt}, {@code account}, {@code scope}, {@code task}. */
    public static final Schema CHANGE = SchemaBuilder.struct().name("dev.tasklens.TaskChange").version(1)
            .field("kind", Schema.STRING_SCHEMA)
            .field("from", Schema.OPTIONAL_STRING_SCHEMA)
            .field("observedAt", Timestamp.SCHEMA)
            .field("account", Schema.STRING_SCHEMA)
            .field("scope", Schema.STRING_SCHEMA)
            .field("task", TASK)
            .build();

    /** A struct key: {@code source}, {@code account}, {@code id}. */
    public static final Schema KEY = SchemaBuilder.struct().name("dev.tasklens.TaskKey").version(1)
            .field("source", Schema.STRING_SCHEMA)
            .field("account", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .build();

    /** A heartbeat: {@code source}, {@code account}, {@code scope}, {@code at}. */
    public static final Schema HEARTBEAT = SchemaBuilder.struct().name("dev.tasklens.Heartbeat").version(1)
            .field("source", Schema.STRING_SCHEMA)
            .field("account", Schema.STRING_SCHEMA)
            .field("scope", Schema.STRING_SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .build();

    private ChangeRecords() {
    }

    /**
     * The record of a change.
     *
     * @param partition the partition the change was found in
     * @param offset the offset to commit with it (the watch position), or null for none
     * @param change the change
     * @param topic the topic
     * @param keys how keys are written
     * @return the record, timestamped with the time the change was seen
     */
    public static SourceRecord change(WatchedPartition partition, Map<String, ?> offset, TaskChange change,
            String topic, TaskLensConnectorConfig.KeyFormat keys) {
        Task task = change.task();
        Struct value = new Struct(CHANGE)
                .put("kind", change.kind().name())
                .put("from", change.previous().map(Enum::name).orElse(null))
                .put("observedAt", Date.from(change.observedAt()))
                .put("account", partition.account())
                .put("scope", partition.scopeText())
                .put("task", new Struct(TASK)
                        .put("source", task.source().value())
                        .put("id", task.id())
                        .put("name", task.name().orElse(null))
                        .put("type", task.type())
                        .put("status", task.status().name())
                        .put("rawStatus", task.rawStatus())
                        .put("createdAt", date(task.createdAt()))
                        .put("startedAt", date(task.startedAt()))
                        .put("finishedAt", date(task.finishedAt()))
                        .put("message", task.message().orElse(null))
                        .put("attributes", task.attributes()));
        Object key;
        Schema keySchema;
        if (keys == TaskLensConnectorConfig.KeyFormat.STRUCT) {
            keySchema = KEY;
            key = new Struct(KEY).put("source", task.source().value()).put("account", partition.account())
                    .put("id", task.id());
        } else {
            keySchema = Schema.STRING_SCHEMA;
            key = task.source().value() + "/" + partition.account() + "/" + task.id();
        }
        return new SourceRecord(partition.partition(), offset, topic, null, keySchema, key, CHANGE, value,
                change.observedAt().toEpochMilli());
    }

    /**
     * A heartbeat record: it moves an idle partition's offset to the watch's latest position.
     *
     * @param partition the partition
     * @param offset the offset it commits
     * @param at when the partition was last polled
     * @param topic the heartbeats' topic
     * @return the record, keyed by the partition
     */
    public static SourceRecord heartbeat(WatchedPartition partition, Map<String, ?> offset, Instant at, String topic) {
        Struct value = new Struct(HEARTBEAT).put("source", partition.source().value())
                .put("account", partition.account()).put("scope", partition.scopeText()).put("at", Date.from(at));
        return new SourceRecord(partition.partition(), offset, topic, null, Schema.STRING_SCHEMA, partition.toString(),
                HEARTBEAT, value, at.toEpochMilli());
    }

    private static Date date(Optional<Instant> time) {
        return time.map(Date::from).orElse(null);
    }
}
