package dev.tasklens.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.watch.ChangeKind;
import dev.tasklens.domain.watch.TaskChange;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** A change record carries its schema through a converter and back unchanged. */
class ChangeRecordsTest {

    private static final WatchedPartition PARTITION = new WatchedPartition(SourceId.of("tencent.cls"), "prod",
            new TreeMap<>(Map.of("shipper_id", "s-1")));

    private static TaskChange change() {
        Task task = Task.builder(SourceId.of("tencent.cls"), "task-1").type("shipping")
                .status(TaskStatus.FAILED, "failed").createdAt(Instant.parse("2026-12-04T10:00:00Z")).finishedAt(Instant.parse("2026-12-04T10:05:00Z"))
                .message("disk full").attribute("rangeStart", "1").build();
        return new TaskChange(ChangeKind.FAILED, task, Optional.of(TaskStatus.RUNNING),
                Instant.parse("2026-12-04T10:06:00Z"));
    }

    @Test
    void theJsonConverterWritesAndReadsTheChangeWithItsSchema() {
        SourceRecord record = ChangeRecords.change(PARTITION, Map.of("position", "tw1.x"), change(), "changes",
                TaskLensConnectorConfig.KeyFormat.STRING);
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        byte[] written = converter.fromConnectData("changes", record.valueSchema(), record.value());
        SchemaAndValue read = converter.toConnectData("changes", written);

        assertThat(read.schema()).isEqualTo(ChangeRecords.CHANGE);
        assertThat(read.value()).isEqualTo(record.value());
        Struct value = (Struct) read.value();
        assertThat(value.getString("kind")).isEqualTo("FAILED");
        assertThat(value.getString("from")).isEqualTo("RUNNING");
        assertThat(value.getString("scope")).isEqualTo("shipper_id=s-1");
        assertThat(value.getStruct("task").getString("message")).isEqualTo("disk full");
        assertThat(value.getStruct("task").getMap("attributes")).containsEntry("rangeStart", "1");
        assertThat(record.key()).isEqualTo("tencent.cls/prod/task-1");
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-12-04T10:06:00Z").toEpochMilli());
        assertThat(record.sourcePartition()).isEqualTo(PARTITION.partition());
        assertThat(record.sourceOffset()).isEqualTo(Map.of("position", "tw1.x"));
    }

    @Test
    void aStructKeyNamesSourceAccountAndTask() {
        SourceRecord record = ChangeRecords.change(PARTITION, null, change(), "changes",
                TaskLensConnectorConfig.KeyFormat.STRUCT);
        Struct key = (Struct) record.key();
        assertThat(key.getString("source")).isEqualTo("tencent.cls");
        assertThat(key.getString("account")).isEqualTo("prod");
        assertThat(key.getString("id")).isEqualTo("task-1");
        assertThat(record.sourceOffset()).isNull();
    }

    @Test
    void aHeartbeatCarriesItsPartitionAndTheOffsetItMoves() {
        SourceRecord heartbeat = ChangeRecords.heartbeat(PARTITION, Map.of("position", "tw1.y"),
                Instant.parse("2026-12-04T11:00:00Z"), "changes.heartbeats");
        assertThat(heartbeat.topic()).isEqualTo("changes.heartbeats");
        assertThat(heartbeat.key()).isEqualTo("tencent.cls/prod/shipper_id=s-1");
        assertThat(((Struct) heartbeat.value()).getString("account")).isEqualTo("prod");
        assertThat(heartbeat.sourceOffset()).isEqualTo(Map.of("position", "tw1.y"));
    }
}
