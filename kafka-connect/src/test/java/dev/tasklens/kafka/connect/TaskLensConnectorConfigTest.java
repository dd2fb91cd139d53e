package dev.tasklens.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's configuration, its partitions and how the connector splits them among tasks. */
class TaskLensConnectorConfigTest {

    private static List<SourceDescriptor> known;

    @BeforeAll
    static void sources() {
        try (TaskLens lens = TaskLens.builder().environment(Map.of()).noMetadata().build()) {
            known = lens.sources();
        }
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("topic", "task-changes");
        props.put("tasklens.sources", "tencent.mps,tencent.cls");
        props.put("tasklens.scopes", "tencent.cls:shipper_id=s-1,tencent.cls:shipper_id=s-2");
        return props;
    }

    @Test
    void everyAccountIsWatchedOnEverySourceInEachOfItsScopes() {
        Map<String, String> props = minimal();
        props.put("tasklens.accounts", "prod,staging");
        TaskLensConnectorConfig config = TaskLensConnectorConfig.parse(props);
        assertThat(config.partitions()).extracting(WatchedPartition::toString).containsExactly(
                "tencent.mps/prod", "tencent.cls/prod/shipper_id=s-1", "tencent.cls/prod/shipper_id=s-2",
                "tencent.mps/staging", "tencent.cls/staging/shipper_id=s-1", "tencent.cls/staging/shipper_id=s-2");
        assertThat(config.pollInterval()).hasSeconds(30);
        assertThat(config.heartbeatTopic()).isEqualTo("task-changes.heartbeats");
        assertThat(config.keyFormat()).isEqualTo(TaskLensConnectorConfig.KeyFormat.STRING);
    }

    @Test
    void aPartitionIsThreeStringsInAFixedKeyOrderAndComesBackAsItWent() {
        WatchedPartition partition = new WatchedPartition(SourceId.of("huawei.ies"), "prod",
                new TreeMap<>(Map.of("project_id", "p&1=x", "region", "cn north")));
        Map<String, Object> map = partition.partition();
        assertThat(new ArrayList<>(map.keySet())).containsExactly("source", "account", "scope");
        assertThat(map.values()).allMatch(String.class::isInstance);
        assertThat(map.get("scope")).isEqualTo("project_id=p%261%3Dx&region=cn+north");
        assertThat(WatchedPartition.from(map)).contains(partition);
        assertThat(WatchedPartition.decode(partition.encode())).isEqualTo(partition);
        assertThat(WatchedPartition.from(Map.of("source", "tencent.mps", "account", "a"))).isEmpty();
        assertThat(WatchedPartition.from(Map.of("source", "tencent.mps", "account", "a", "scope", "", "x", "y")))
                .isEmpty();
        assertThat(WatchedPartition.from(Map.of("source", "not a source", "account", "a", "scope", ""))).isEmpty();
    }

    @Test
    void eachKeyIsCheckedOnItsOwn() {
        for (Map.Entry<String, String> bad : Map.of("topic", "two words", "tasklens.sources", "",
                "tasklens.accounts", "Prod", "tasklens.scopes", "tencent.cls", "tasklens.statuses", "DONE",
                "tasklens.poll.interval.ms", "999", "tasklens.key.format", "avro").entrySet()) {
            Map<String, String> props = minimal();
            props.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> TaskLensConnectorConfig.parse(props)).as(bad.getKey())
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
        Map<String, String> twice = minimal();
        twice.put("tasklens.accounts", "a,a");
        assertThatThrownBy(() -> TaskLensConnectorConfig.parse(twice)).hasMessageContaining("named twice");
    }

    @Test
    void theChecksAcrossKeysSayWhatIsWrongOnTheKeyToFix() {
        Map<String, String> props = minimal();
        props.put("tasklens.sources", "tencent.mps,tencent.cls,acme.jobs");
        // The second CLS scope lacks the shipping rule, which CLS requires.
        props.put("tasklens.scopes", "tencent.cls:shipper_id=s-1,baidu.vod:type=WORKFLOW,tencent.cls:colour=red");
        props.put("tasklens.account.purple.env.TENCENTCLOUD_SECRET_ID", "x");
        props.put("tasklens.account.default.TENCENTCLOUD_SECRET_ID", "x");
        Map<String, List<String>> problems = TaskLensConnectorConfig.problems(props, known,
                (account, environment, source) -> Optional.empty());
        assertThat(problems.get("tasklens.sources")).singleElement().asString().contains("acme.jobs");
        assertThat(problems.get("tasklens.scopes")).anySatisfy(message -> assertThat(message).contains("baidu.vod"))
                .anySatisfy(message -> assertThat(message).contains("shipper_id").contains("required")).hasSize(2);
        assertThat(problems.get("tasklens.accounts")).anySatisfy(message -> assertThat(message).contains("purple"))
                .anySatisfy(message -> assertThat(message).contains("<name>.env.<VARIABLE>")).hasSize(2);

        Map<String, String> required = minimal();
        required.put("tasklens.scopes", "");
        assertThat(TaskLensConnectorConfig.problems(required, known, (account, environment, source) -> Optional.empty())
                .get("tasklens.scopes")).singleElement().asString().contains("shipper_id").contains("required");
    }

    @Test
    void anAccountWithoutCredentialsIsNamedWithWhereItLooked() {
        Map<String, String> props = minimal();
        props.put("tasklens.account.default.env.TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE");
        Set<String> asked = new HashSet<>();
        Map<String, List<String>> problems = TaskLensConnectorConfig.problems(props, known, (account, environment,
                source) -> {
            asked.add(account + " " + source + " " + environment.keySet());
            return source.value().equals("tencent.cls") ? Optional.of("TENCENTCLOUD_SECRET_KEY unset") : Optional.empty();
        });
        assertThat(asked).containsExactlyInAnyOrder("default tencent.mps [TENCENTCLOUD_SECRET_ID]",
                "default tencent.cls [TENCENTCLOUD_SECRET_ID]");
        assertThat(problems.get("tasklens.accounts")).containsExactly(
                "account 'default' has no credentials for tencent.cls: TENCENTCLOUD_SECRET_KEY unset");
    }

    @Test
    void accountVariablesArePasswordsAndNeverPrinted() {
        Map<String, String> props = minimal();
        props.put("tasklens.account.default.env.TENCENTCLOUD_SECRET_KEY", "CANARYsecret7f3a9c1e55");
        ConfigDef definition = TaskLensConnectorConfig.definition(props);
        assertThat(definition.configKeys().get("tasklens.account.default.env.TENCENTCLOUD_SECRET_KEY").type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
        TaskLensConnectorConfig config = TaskLensConnectorConfig.parse(props);
        assertThat(config.environment("default")).containsEntry("TENCENTCLOUD_SECRET_KEY", "CANARYsecret7f3a9c1e55");
        assertThat(config.toString()).doesNotContain("CANARY");
    }

    @Test
    void anAccountStaysOnOneTaskAndTheTasksShareThePartitionsWithoutOverlap() {
        Map<String, String> props = minimal();
        props.put("tasklens.accounts", "a,b,c");
        props.put("tasklens.account.a.env.TENCENTCLOUD_SECRET_KEY", "${file:/secrets:a}");
        TaskLensSourceConnector connector = new TaskLensSourceConnector();
        connector.start(props);

        List<Map<String, String>> two = connector.taskConfigs(2);
        assertThat(two).hasSize(2);
        Set<String> all = new HashSet<>();
        for (Map<String, String> task : two) {
            List<WatchedPartition> partitions = List.of(task.get("tasklens.task.partitions").split(",")).stream()
                    .map(WatchedPartition::decode).toList();
            for (WatchedPartition partition : partitions) {
                assertThat(all.add(partition.encode())).as("%s on two tasks", partition).isTrue();
            }
            // The connector's keys as given, so the worker can put the placeholders back.
            assertThat(task).containsEntry("tasklens.account.a.env.TENCENTCLOUD_SECRET_KEY", "${file:/secrets:a}");
        }
        assertThat(all).hasSize(9);
        for (String account : List.of("a", "b", "c")) {
            assertThat(two).filteredOn(task -> task.get("tasklens.task.partitions").contains("|" + account + "|"))
                    .as("tasks with account %s", account).hasSize(1);
        }
        assertThat(connector.taskConfigs(10)).as("no more tasks than accounts").hasSize(3);
        assertThat(connector.taskConfigs(1)).singleElement().satisfies(task -> assertThat(task
                .get("tasklens.task.partitions").split(",")).hasSize(9));
    }

    @Test
    void validateAsksEachAccountsCredentialsChainAndReportsItOnTheAccountsField() {
        Map<String, String> props = minimal();
        props.put("name", "tasklens");
        props.put("tasklens.accounts", "keyed,bare");
        props.put("tasklens.account.keyed.env.TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE0123456789");
        props.put("tasklens.account.keyed.env.TENCENTCLOUD_SECRET_KEY", "CANARYsecret7f3a9c1e55");
        for (String account : List.of("keyed", "bare")) {
            props.put("tasklens.account." + account + ".env.TASKLENS_NO_METADATA", "1");
            props.put("tasklens.account." + account + ".env.HOME", "/nonexistent-tasklens-home");
        }
        org.apache.kafka.common.config.Config answer = new TaskLensSourceConnector().validate(props);
        Map<String, List<String>> errors = new TreeMap<>();
        answer.configValues().forEach(value -> {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        });
        assertThat(errors).containsOnlyKeys("tasklens.accounts");
        assertThat(errors.get("tasklens.accounts")).hasSize(2).allSatisfy(message -> assertThat(message)
                .startsWith("account 'bare' has no credentials for tencent.").contains("TENCENTCLOUD_SECRET_ID"));
        assertThat(answer.configValues()).noneMatch(value -> value.name().startsWith("tasklens.account."));
        assertThat(answer.configValues().toString()).doesNotContain("CANARY");
    }
}
