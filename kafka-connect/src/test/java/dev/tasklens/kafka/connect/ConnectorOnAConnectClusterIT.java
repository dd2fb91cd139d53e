package dev.tasklens.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.emulators.sandbox.Sandbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The plugin archive on an in-process Kafka broker and two Connect workers, with exactly-once
 * delivery on, against a churning sandbox. The connector class is not on this test's class path:
 * the worker finds it in the unpacked archive through {@code plugin.path}, as a real worker does.
 * Two accounts, two sources: four partitions, two tasks. The secret keys reach the worker through
 * its file config provider and must appear neither in its logs nor in its REST answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorOnAConnectClusterIT {

    private static final String CONNECTOR = "dev.tasklens.kafka.connect.TaskLensSourceConnector";
    private static final String NAME = "tasklens";
    private static final String TOPIC = "task-changes";
    private static final List<String> ACCOUNTS = List.of("blue", "green");
    private static final List<String> SOURCES = List.of("tencent.mps", "huawei.ies");
    private static final Map<String, Object> READ_COMMITTED = Map.of("isolation.level", "read_committed");

    private static Path work;
    private static Path workerLog;
    private static Sandbox sandbox;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        work = Files.createTempDirectory("tasklens-connect-it");
        workerLog = Path.of(System.getProperty("tasklens.worker.log", "target/worker.log"));
        Path plugins = work.resolve("plugins");
        unzip(archive(), plugins);
        Path secrets = work.resolve("secrets.properties");
        Files.writeString(secrets, "tencent.secret=" + Sandbox.TENCENT_SECRET_KEY + "\nhuawei.secret=" + Sandbox.HUAWEI_SK
                + "\n", StandardCharsets.UTF_8);
        sandbox = Sandbox.builder().only(Set.of(SOURCES.toArray(String[]::new))).tasks(40).churn(20)
                .journal(work.resolve("journal.jsonl")).start();

        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.path", plugins.toString());
        worker.put("exactly.once.source.support", "enabled");
        worker.put("offset.flush.interval.ms", "1000");
        // A worker that leaves has its tasks moved after a second, not after the default five minutes.
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        connect = new EmbeddedConnectCluster.Builder().name("tasklens-it").numWorkers(2).numBrokers(1)
                .workerProps(worker).brokerProps(broker).build();
        connect.start();
        connect.assertions().assertAtLeastNumWorkersAreUp(2, "the workers did not start");
        connect.kafka().createTopic(TOPIC, 3);
        secretsFile = secrets;
    }

    private static Path secretsFile;

    @AfterAll
    static void stop() {
        if (connect != null) {
            connect.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The connector's configuration: both accounts on both sources, secrets through the file provider. */
    private static Map<String, String> configuration() {
        Map<String, String> config = new TreeMap<>();
        config.put("name", NAME);
        config.put("connector.class", CONNECTOR);
        config.put("tasks.max", "2");
        config.put("topic", TOPIC);
        config.put("tasklens.sources", String.join(",", SOURCES));
        config.put("tasklens.accounts", String.join(",", ACCOUNTS));
        config.put("tasklens.scopes", "huawei.ies:project_id=" + Sandbox.HUAWEI_PROJECT_ID);
        config.put("tasklens.poll.interval.ms", "1000");
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "poll");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        for (String account : ACCOUNTS) {
            String env = "tasklens.account." + account + ".env.";
            config.put(env + "TENCENTCLOUD_SECRET_ID", Sandbox.TENCENT_SECRET_ID);
            config.put(env + "TENCENTCLOUD_SECRET_KEY", "${file:" + secretsFile + ":tencent.secret}");
            config.put(env + "HUAWEICLOUD_SDK_AK", Sandbox.HUAWEI_AK);
            config.put(env + "HUAWEICLOUD_SDK_SK", "${file:" + secretsFile + ":huawei.secret}");
            config.put(env + "TASKLENS_NO_METADATA", "1");
            config.put(env + "HOME", work.resolve("no-home").toString());
            sandbox.endpoints().forEach((source, uri) -> config.put(env + "TASKLENS_ENDPOINT_"
                    + source.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), uri.toString()));
        }
        return config;
    }

    @Test
    @Order(1)
    void theWorkerFindsTheConnectorInThePluginArchiveOnly() throws IOException {
        assertThatThrownBy(() -> Class.forName(CONNECTOR)).isInstanceOf(ClassNotFoundException.class);
        try (var jars = Files.walk(work.resolve("plugins"))) {
            List<String> names = jars.map(jar -> jar.getFileName().toString()).filter(name -> name.endsWith(".jar"))
                    .toList();
            assertThat(names).anyMatch(name -> name.startsWith("tasklens-kafka-connect-"))
                    .noneMatch(name -> name.startsWith("connect-api") || name.startsWith("kafka-clients"));
        }
        String plugins = String.valueOf(connect.requestGet(connect.endpointForResource("connector-plugins")).getEntity());
        assertThat(plugins).contains(CONNECTOR).contains(System.getProperty("tasklens.plugin.version"));
    }

    @Test
    @Order(2)
    void aBadConfigurationIsRefusedWithAMessagePerField() {
        Map<String, String> bad = configuration();
        bad.put("topic", "no spaces allowed");
        bad.put("tasklens.sources", "tencent.mps,huawei.ies,acme.jobs");
        bad.put("tasklens.poll.interval.ms", "10");
        bad.put("tasklens.statuses", "DONE");
        bad.put("tasklens.account.purple.env.TENCENTCLOUD_SECRET_ID", "x");
        ConfigInfos answer = connect.validateConnectorConfig("TaskLensSourceConnector", bad);
        Map<String, List<String>> errors = new TreeMap<>();
        for (ConfigInfo info : answer.configs()) {
            if (!info.configValue().errors().isEmpty()) {
                errors.put(info.configValue().name(), info.configValue().errors());
            }
        }
        assertThat(errors).containsOnlyKeys("topic", "tasklens.poll.interval.ms", "tasklens.statuses");
        // The checks across fields run once each field is fine on its own.
        Map<String, String> unknown = configuration();
        unknown.put("tasklens.sources", "tencent.mps,huawei.ies,acme.jobs");
        unknown.put("tasklens.scopes", "huawei.ies:colour=blue");
        unknown.put("tasklens.account.purple.env.TENCENTCLOUD_SECRET_ID", "x");
        Map<String, List<String>> across = new TreeMap<>();
        for (ConfigInfo info : connect.validateConnectorConfig("TaskLensSourceConnector", unknown).configs()) {
            if (!info.configValue().errors().isEmpty()) {
                across.put(info.configValue().name(), info.configValue().errors());
            }
        }
        assertThat(across.get("tasklens.sources")).singleElement().asString().contains("acme.jobs");
        assertThat(across.get("tasklens.scopes")).singleElement().asString().contains("colour");
        assertThat(across.get("tasklens.accounts")).singleElement().asString().contains("purple");
    }

    @Test
    @Order(3)
    void streamsEveryChangeOnceAcrossAStopAndAWorkerLeaving() throws Exception {
        connect.configureConnector(NAME, configuration());
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(NAME, 2, "the connector did not start");

        // Two tasks share the four partitions, an account's on one task.
        Map<Integer, Set<String>> partitionsByTask = new TreeMap<>();
        for (TaskInfo task : connect.taskConfigs(NAME)) {
            partitionsByTask.put(task.id().task(), Set.of(task.config().get("tasklens.task.partitions").split(",")));
        }
        assertThat(partitionsByTask).hasSize(2);
        Set<String> all = new HashSet<>();
        partitionsByTask.values().forEach(partitions -> {
            assertThat(partitions).hasSize(2);
            assertThat(partitions.stream().map(token -> token.split("\\|")[1]).distinct()).hasSize(1);
            partitionsByTask.values().stream().filter(other -> other != partitions)
                    .forEach(other -> assertThat(other).doesNotContainAnyElementsOf(partitions));
            all.addAll(partitions);
        });
        assertThat(all).hasSize(4);

        awaitCondition(() -> seenPerAccountAndSource().values().stream().allMatch(count -> count > 40)
                && seenPerAccountAndSource().size() == 4, "every partition writes records");

        connect.stopConnector(NAME);
        connect.assertions().assertConnectorIsStopped(NAME, "the connector did not stop");
        int beforeResume = records().size();
        connect.resumeConnector(NAME);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(NAME, 2, "the connector did not resume");
        awaitCondition(() -> records().size() > beforeResume + 20, "records after the resume");

        // The worker running task 0 leaves; its task moves to the other worker.
        ConnectorStateInfo status = connect.connectorStatus(NAME);
        String workerOfTask0 = status.tasks().stream().filter(task -> task.id() == 0).findFirst().orElseThrow()
                .workerId();
        WorkerHandle leaving = connect.workers().stream().filter(handle -> workerOfTask0.contains(
                String.valueOf(handle.url().getPort()))).findFirst().orElseThrow();
        int beforeLeaving = records().size();
        connect.removeWorker(leaving);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(NAME, 2, "the tasks did not move");
        awaitCondition(() -> records().size() > beforeLeaving + 20, "records after the worker left");

        sandbox.endChurn();
        Map<String, Map<String, String>> truth = emulatorStatuses();
        for (String account : ACCOUNTS) {
            awaitCondition(() -> lastStatuses(account).equals(truth), "account " + account
                    + " reports every task's status as the emulators hold it");
            assertThat(lastStatuses(account)).as(account).isEqualTo(truth);
        }

        List<JsonObject> changes = records();
        // Nothing repeats: a task takes each status once, so each (account, task, status) is one record.
        Map<String, Integer> times = new HashMap<>();
        for (JsonObject change : changes) {
            times.merge(identity(change), 1, Integer::sum);
        }
        assertThat(times.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("records written twice").isEmpty();
        // Nothing is lost: every task that finished or failed in the churn is reported so, per account.
        for (String line : Files.readAllLines(work.resolve("journal.jsonl"), StandardCharsets.UTF_8)) {
            JsonObject made = Json.createReader(new StringReader(line)).readObject();
            String terminal = made.getString("status");
            if (terminal.equals("SUCCEEDED") || terminal.equals("FAILED")) {
                for (String account : ACCOUNTS) {
                    assertThat(times).as("the churn's %s of %s for %s", terminal, made.getString("id"), account)
                            .containsKey(account + " " + made.getString("source") + " " + made.getString("id") + " "
                                    + terminal);
                }
            }
        }
    }

    @Test
    @Order(4)
    void noSecretAppearsInTheWorkersLogsOrRestAnswers() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String resource : List.of("connectors/" + NAME, "connectors/" + NAME + "/config", "connectors/" + NAME
                + "/tasks", "connectors/" + NAME + "/status", "connectors/" + NAME + "/offsets",
                "connectors?expand=info&expand=status")) {
            answers.add(String.valueOf(connect.requestGet(connect.endpointForResource(resource)).getEntity()));
        }
        String log = Files.readString(workerLog, StandardCharsets.UTF_8);
        assertThat(log).as("the worker's log is captured").contains("watching 2 partitions");
        for (String secret : List.of(Sandbox.TENCENT_SECRET_KEY, Sandbox.HUAWEI_SK)) {
            assertThat(log).doesNotContain(secret);
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
        }
        assertThat(answers.get(1)).contains("${file:");
    }

    @Test
    @Order(5)
    void anOffsetAlteredToSomethingThatIsNotAPositionIsRefused() throws InterruptedException {
        connect.stopConnector(NAME);
        connect.assertions().assertConnectorIsStopped(NAME, "the connector did not stop");
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("source", "tencent.mps");
        partition.put("account", "blue");
        partition.put("scope", "");
        assertThatThrownBy(() -> connect.alterSourceConnectorOffset(NAME, partition, Map.of("position", "tw1.AAAA")))
                .hasMessageContaining("not a position of its watch");
        Map<String, Object> stranger = new LinkedHashMap<>(partition);
        stranger.put("account", "purple");
        assertThatThrownBy(() -> connect.alterSourceConnectorOffset(NAME, stranger, Map.of("position", "x")))
                .hasMessageContaining("not one of this connector's");
    }

    /** Every change record, read committed. */
    private static List<JsonObject> records() {
        List<JsonObject> changes = new ArrayList<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(60_000, READ_COMMITTED, null,
                    TOPIC)) {
                changes.add(Json.createReader(new StringReader(new String(record.value(), StandardCharsets.UTF_8)))
                        .readObject());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + TOPIC, e);
        }
        return changes;
    }

    private static Map<String, Integer> seenPerAccountAndSource() {
        Map<String, Integer> seen = new TreeMap<>();
        for (JsonObject change : records()) {
            seen.merge(change.getString("account") + " " + change.getJsonObject("task").getString("source"), 1,
                    Integer::sum);
        }
        return seen;
    }

    /** Source to task id to the last status written for an account, in the topic's order per key. */
    private static Map<String, Map<String, String>> lastStatuses(String account) {
        Map<String, Map<String, String>> last = new TreeMap<>();
        for (JsonObject change : records()) {
            JsonObject task = change.getJsonObject("task");
            if (change.getString("account").equals(account) && !change.getString("kind").equals("VANISHED")
                    && !change.getString("kind").equals("STALE")) {
                last.computeIfAbsent(task.getString("source"), source -> new TreeMap<>()).put(task.getString("id"),
                        task.getString("status"));
            }
        }
        return last;
    }

    private static String identity(JsonObject change) {
        JsonObject task = change.getJsonObject("task");
        return change.getString("account") + " " + task.getString("source") + " " + task.getString("id") + " "
                + task.getString("status");
    }

    /** Source to task id to status, from the emulators' data. */
    private static Map<String, Map<String, String>> emulatorStatuses() {
        Map<String, Map<String, String>> statuses = new TreeMap<>();
        SOURCES.forEach(source -> statuses.put(source, sandbox.statuses(source)));
        return statuses;
    }

    /** Waits for a condition, checking it every half second, for at most three minutes. */
    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited three minutes for: " + what).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static Path archive() throws IOException {
        Path target = Path.of(System.getProperty("tasklens.plugin.archive.directory", "target"));
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-plugin.zip")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no plugin archive in " + target
                            + "; run ./mvnw verify, which makes it before the integration tests"));
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("an archive entry points outside it: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out);
                }
            }
        }
    }
}
