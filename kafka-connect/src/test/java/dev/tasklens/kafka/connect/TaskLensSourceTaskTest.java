package dev.tasklens.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.emulators.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One task against the sandbox, with the offsets Connect would hand back: the first poll reports
 * every task as new in one batch whose last record carries the position; a task restarted on that
 * offset reports nothing new, and an idle partition writes heartbeats that move its offset; an
 * offset that is no position fails the task saying how to reset it.
 */
class TaskLensSourceTaskTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().only(Set.of("tencent.mps")).tasks(50).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, String> props(long heartbeatMillis) {
        Map<String, String> props = new HashMap<>();
        props.put("topic", "changes");
        props.put("tasklens.sources", "tencent.mps");
        props.put("tasklens.poll.interval.ms", "1000");
        props.put("tasklens.heartbeat.interval.ms", Long.toString(heartbeatMillis));
        props.put("tasklens.task.partitions", "tencent.mps|default|");
        String env = "tasklens.account.default.env.";
        props.put(env + "TENCENTCLOUD_SECRET_ID", Sandbox.TENCENT_SECRET_ID);
        props.put(env + "TENCENTCLOUD_SECRET_KEY", Sandbox.TENCENT_SECRET_KEY);
        props.put(env + "TASKLENS_NO_METADATA", "1");
        props.put(env + "TASKLENS_ENDPOINT_TENCENT_MPS", sandbox.endpoints().get("tencent.mps").toString());
        return props;
    }

    /** A context whose offset reader answers from a map, as Connect's does from its offsets topic. */
    private static SourceTaskContext context(Map<Map<String, Object>, Map<String, Object>> stored) {
        OffsetStorageReader reader = new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return stored.get(new LinkedHashMap<String, Object>(partition));
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
                partitions.forEach(partition -> found.put(partition, offset(partition)));
                return found;
            }
        };
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
    }

    /** Polls until a batch comes, for at most a minute. */
    private static List<SourceRecord> nextBatch(TaskLensSourceTask task) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            if (batch != null && !batch.isEmpty()) {
                return batch;
            }
        }
        throw new AssertionError("no records within a minute");
    }

    @Test
    void theFirstPollIsOneBatchThenARestartOnItsOffsetOnlyWritesHeartbeats() throws Exception {
        TaskLensSourceTask first = new TaskLensSourceTask();
        first.initialize(context(Map.of()));
        first.start(props(0));
        List<SourceRecord> batch;
        try {
            batch = nextBatch(first);
        } finally {
            first.stop();
        }
        assertThat(batch).hasSize(50).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("changes");
            assertThat(((Struct) record.value()).getString("kind")).isEqualTo("NEW");
        });
        assertThat(batch.subList(0, 49)).allSatisfy(record -> assertThat(record.sourceOffset()).isNull());
        Map<String, ?> offset = batch.get(49).sourceOffset();
        assertThat((String) offset.get("position")).startsWith("tw1.");

        Map<Map<String, Object>, Map<String, Object>> stored = new HashMap<>();
        stored.put(batch.get(49).sourcePartition().entrySet().stream().collect(LinkedHashMap::new,
                (map, entry) -> map.put(entry.getKey(), entry.getValue()), Map::putAll), new HashMap<>(offset));
        TaskLensSourceTask restarted = new TaskLensSourceTask();
        restarted.initialize(context(stored));
        restarted.start(props(1));
        try {
            List<SourceRecord> next = nextBatch(restarted);
            assertThat(next).singleElement().satisfies(record -> {
                assertThat(record.topic()).isEqualTo("changes.heartbeats");
                assertThat(record.valueSchema()).isEqualTo(ChangeRecords.HEARTBEAT);
                assertThat((String) record.sourceOffset().get("position")).startsWith("tw1.");
            });
        } finally {
            restarted.stop();
        }
    }

    @Test
    void anOffsetThatIsNoPositionFailsTheTaskSayingHowToResetIt() throws Exception {
        Map<Map<String, Object>, Map<String, Object>> stored = new HashMap<>();
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("source", "tencent.mps");
        partition.put("account", "default");
        partition.put("scope", "");
        stored.put(partition, Map.of("position", "tw1.AAAA"));
        TaskLensSourceTask task = new TaskLensSourceTask();
        task.initialize(context(stored));
        task.start(props(0));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            List<Throwable> thrown = new ArrayList<>();
            while (thrown.isEmpty() && System.nanoTime() < deadline) {
                try {
                    task.poll();
                } catch (ConnectException e) {
                    thrown.add(e);
                }
            }
            assertThat(thrown).singleElement().satisfies(error -> assertThat(error.getMessage())
                    .contains("tencent.mps/default").contains("reset it through the connector's offsets REST API"));
            assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class);
        } finally {
            task.stop();
        }
    }
}
