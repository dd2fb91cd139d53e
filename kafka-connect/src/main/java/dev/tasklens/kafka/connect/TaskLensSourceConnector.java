package dev.tasklens.kafka.connect;

import dev.tasklens.client.TaskLens;
import dev.tasklens.client.WatchQuery;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.ports.credentials.CredentialsFileException;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Streams task changes from the tasklens sources into Kafka: each account on each source, in each
 * scope, is a partition watched by the library's watch ({@code TaskLens.watch}), whose position is
 * the partition's offset. Connect gives the distribution, the rebalancing, the offset storage and
 * exactly-once delivery; the connector only splits the partitions among tasks.
 *
 * <ul>
 *   <li>{@link #taskConfigs} keeps each account's partitions on one task, so that its rate limit
 *       (per account and source, at the provider) is kept in one place.</li>
 *   <li>{@link #exactlyOnceSupport} is {@code SUPPORTED}: a task hands Connect each poll's records
 *       whole, with the position after it as their offset, so the records and the offset commit in
 *       one transaction.</li>
 *   <li>{@link #validate} reports every problem by field: unknown sources, scopes a source lacks or
 *       does not take, account variables of unnamed accounts, accounts without credentials.</li>
 *   <li>{@link #alterOffsets} accepts an offset changed through the REST API only when it is one of
 *       this configuration's partitions and its position reads as a watch position of it.</li>
 * </ul>
 */
public final class TaskLensSourceConnector extends SourceConnector {

    private Map<String, String> props = Map.of();
    private TaskLensConnectorConfig config;

    /** For the worker, which makes connectors by reflection. */
    public TaskLensSourceConnector() {
    }

    /**
     * The plugin's version.
     *
     * @return the tasklens version it was built from
     */
    static String pluginVersion() {
        try (InputStream in = TaskLensSourceConnector.class.getResourceAsStream("/tasklens-kafka-connect.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String version() {
        return pluginVersion();
    }

    @Override
    public void start(Map<String, String> startProps) {
        this.props = Map.copyOf(startProps);
        this.config = TaskLensConnectorConfig.parse(startProps);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TaskLensSourceTask.class;
    }

    /**
     * Splits the partitions among at most {@code maxTasks} tasks, an account's partitions always on
     * one task: accounts go, largest first, to the task with the fewest partitions so far.
     *
     * @param maxTasks the most tasks the worker runs
     * @return one configuration per task: the connector's, with the task's partitions added
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        Map<String, List<WatchedPartition>> byAccount = new LinkedHashMap<>();
        for (WatchedPartition partition : config.partitions()) {
            byAccount.computeIfAbsent(partition.account(), account -> new ArrayList<>()).add(partition);
        }
        int tasks = Math.max(1, Math.min(maxTasks, byAccount.size()));
        List<List<WatchedPartition>> assigned = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            assigned.add(new ArrayList<>());
        }
        byAccount.values().stream().sorted(Comparator.comparingInt((List<WatchedPartition> list) -> list.size())
                .reversed()).forEach(partitions -> assigned.stream().min(Comparator.comparingInt(List::size))
                .orElseThrow().addAll(partitions));
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<WatchedPartition> partitions : assigned) {
            // The connector's keys as they are, so that the worker puts back the config provider's
            // placeholders in place of the secrets before it stores a task's configuration.
            Map<String, String> task = new HashMap<>(props);
            task.put(TaskLensConnectorConfig.TASK_PARTITIONS, partitions.stream().map(WatchedPartition::encode)
                    .collect(Collectors.joining(",")));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing runs in the connector itself.
    }

    @Override
    public ConfigDef config() {
        return TaskLensConnectorConfig.definition();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        ConfigDef definition = TaskLensConnectorConfig.definition(connectorConfigs);
        List<ConfigValue> values = definition.validate(connectorConfigs);
        Map<String, ConfigValue> byName = new HashMap<>();
        values.forEach(value -> byName.put(value.name(), value));
        Map<String, List<String>> problems;
        try (TaskLens known = TaskLens.builder().environment(Map.of()).noMetadata().build()) {
            problems = TaskLensConnectorConfig.problems(connectorConfigs, known.sources(), TaskLensSourceConnector::missing);
        }
        problems.forEach((key, messages) -> messages.forEach(byName.get(key)::addErrorMessage));
        // The account variables were checked (as passwords); the answer names the fixed keys only,
        // which the worker describes from config(), and never echoes a variable.
        java.util.Set<String> fixed = config().names();
        return new Config(values.stream().filter(value -> fixed.contains(value.name())).toList());
    }

    /** Why an account finds no credentials for a source, looking as the tasks will. */
    private static Optional<String> missing(String account, Map<String, String> environment, SourceId source) {
        try (TaskLens lens = TaskLens.builder().environment(environment).build()) {
            CredentialsOrigin origin = lens.credentialsOrigin(source);
            return origin.found() ? Optional.empty() : Optional.of(origin.description());
        } catch (CredentialsFileException | TaskLensException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Checks offsets changed through the REST API: each partition must be one of this
     * configuration's, and each offset either null (reset: the partition starts over, reporting its
     * tasks as new) or a {@code position} this partition's watch can resume from.
     *
     * @param connectorConfig the connector's configuration
     * @param offsets partition to offset
     * @return true: the connector keeps nothing of its own to alter
     * @throws ConnectException saying which partition or offset is wrong and why
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        TaskLensConnectorConfig checked;
        try {
            checked = TaskLensConnectorConfig.parse(connectorConfig);
        } catch (ConfigException e) {
            throw new ConnectException("the connector's configuration is not valid: " + e.getMessage());
        }
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            WatchedPartition partition = WatchedPartition.from(entry.getKey()).filter(checked.partitions()::contains)
                    .orElseThrow(() -> new ConnectException("partition " + entry.getKey() + " is not one of this"
                            + " connector's; they are {source, account, scope} of " + checked.partitions()));
            Map<String, ?> offset = entry.getValue();
            if (offset == null) {
                continue;
            }
            if (!offset.keySet().equals(java.util.Set.of(WatchedPartition.POSITION))
                    || !(offset.get(WatchedPartition.POSITION) instanceof String position)) {
                throw new ConnectException("the offset of " + partition + " must be {\"position\": \"tw1....\"}, a"
                        + " watch position; got the keys " + offset.keySet());
            }
            try (TaskLens lens = TaskLens.builder().environment(checked.environment(partition.account())).build()) {
                WatchQuery.Builder query = WatchQuery.forSource(partition.source()).resumeFrom(position);
                partition.scope().forEach(query::scope);
                lens.checkWatch(query.build());
            } catch (TaskLensException | IllegalArgumentException | CredentialsFileException e) {
                throw new ConnectException("the offset of " + partition + " is not a position of its watch: "
                        + e.getMessage());
            }
        }
        return true;
    }
}
