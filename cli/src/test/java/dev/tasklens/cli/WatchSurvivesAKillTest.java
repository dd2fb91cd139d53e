package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.sandbox.Sandbox;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source of a churning sandbox watched by a {@code tasklens watch --state FILE} process that is
 * killed with SIGKILL halfway and started again on the same file: afterwards the last status the two
 * watchers reported for every task is its status in the emulator (and in a clean listing), and no
 * change is reported twice
 * except by the restarted watcher's first poll (the killed one may have printed it and died before
 * writing the state).
 */
class WatchSurvivesAKillTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    @TempDir
    Path files;

    @Test
    void aWatcherKilledAndRestartedOnItsStateMissesNoChangeAndRepeatsOnlyItsLastPoll() throws Exception {
        // The churn runs until the test ends it, after the restart: on a slow machine five JVMs take a
        // while to start, and a churn with a fixed span could end before the kill.
        try (Sandbox sandbox = Sandbox.builder().churn(25).start()) {
            Map<String, String> environment = new HashMap<>(sandbox.environment());
            sandbox.endpoints().forEach((source, uri) -> environment.put("TASKLENS_ENDPOINT_"
                    + source.toUpperCase(Locale.ROOT).replace('.', '_'), uri.toString()));
            Map<String, Process> first = new LinkedHashMap<>();
            for (String source : Sandbox.sourceIds()) {
                first.put(source, watch(sandbox, environment, source, "first"));
            }
            // Halfway: each watcher has printed a poll after its first (so a restart from scratch would be
            // seen), and the churn goes on.
            for (String source : Sandbox.sourceIds()) {
                awaitCondition(() -> Files.exists(state(source)) && lines(source, "first").stream()
                        .anyMatch(change -> !change.get("kind").equals("NEW")), source + " reports a change");
            }
            for (Process watcher : first.values()) {
                watcher.destroyForcibly();
                assertThat(watcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Map<String, FileTime> killedAt = new HashMap<>();
            for (String source : Sandbox.sourceIds()) {
                killedAt.put(source, Files.getLastModifiedTime(state(source)));
            }
            Map<String, Process> second = new LinkedHashMap<>();
            for (String source : Sandbox.sourceIds()) {
                second.put(source, watch(sandbox, environment, source, "second"));
            }
            try {
                // The restarted watchers follow the churn for a poll (their state is written again)
                // before it ends.
                for (String source : Sandbox.sourceIds()) {
                    awaitCondition(() -> modifiedSince(state(source), killedAt.get(source)),
                            source + " polls after the restart");
                }
                sandbox.endChurn();
                assertThat(sandbox.churnEnded()).as("the churn has ended").isTrue();
                Map<String, Map<String, String>> clean = cleanListing(sandbox);
                for (String source : Sandbox.sourceIds()) {
                    Map<String, String> truth = sandbox.statuses(source);
                    assertThat(clean.get(source)).as("a clean listing of %s", source).isEqualTo(truth);
                    awaitCondition(() -> lastReported(source).equals(truth),
                            source + " reports every task's status as the emulator holds it");
                    assertThat(lastReported(source)).as("%s; the restarted watcher's errors: %s", source,
                            errors(source, "second")).isEqualTo(truth);
                    assertRepeatsOnlyTheRestartedFirstPoll(source);
                }
            } finally {
                second.values().forEach(Process::destroyForcibly);
            }
        }
    }

    private Process watch(Sandbox sandbox, Map<String, String> environment, String source, String run)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "watch", "--source",
                source, "--interval", "1s", "--output", "json", "--state", state(source).toString()));
        sandbox.scopes().getOrDefault(source, Map.of()).forEach((key, value) -> {
            command.add("--scope");
            command.add(key + "=" + value);
        });
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output(source, run).toFile())
                .redirectError(files.resolve(source + "-" + run + ".err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_") || name.startsWith("BCE_")
                || name.startsWith("HUAWEICLOUD_") || name.startsWith("KOODRIVE_") || name.startsWith("TASKLENS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private String errors(String source, String run) {
        try {
            return Files.readString(files.resolve(source + "-" + run + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }

    private static boolean modifiedSince(Path file, FileTime before) {
        try {
            return Files.getLastModifiedTime(file).compareTo(before) > 0;
        } catch (IOException e) {
            return false; // being replaced at this moment
        }
    }

    private Path state(String source) {
        return files.resolve(source + ".state");
    }

    private Path output(String source, String run) {
        return files.resolve(source + "-" + run + ".jsonl");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> lines(String source, String run) {
        Path file = output(source, run);
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            List<Map<String, String>> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                // A watcher killed mid-write may leave half a line.
                if (line.endsWith("}")) {
                    lines.add(JSON.fromJson(line, Map.class));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Task id to the last status the watchers reported, in the order they ran. */
    private Map<String, String> lastReported(String source) {
        Map<String, String> last = new TreeMap<>();
        for (String run : List.of("first", "second")) {
            for (Map<String, String> change : lines(source, run)) {
                if (!change.get("kind").equals("VANISHED") && !change.get("kind").equals("STALE")) {
                    last.put(change.get("id"), change.get("status"));
                }
            }
        }
        return last;
    }

    private void assertRepeatsOnlyTheRestartedFirstPoll(String source) {
        List<Map<String, String>> killed = lines(source, "first");
        String lastPoll = killed.isEmpty() ? "" : killed.get(killed.size() - 1).get("observedAt");
        Map<String, String> seen = new HashMap<>();
        java.util.Set<String> killedLastPoll = new java.util.HashSet<>();
        for (Map<String, String> change : killed) {
            seen.put(identity(change), change.get("observedAt"));
            if (change.get("observedAt").equals(lastPoll)) {
                killedLastPoll.add(identity(change));
            }
        }
        List<Map<String, String>> restarted = lines(source, "second");
        String firstPoll = restarted.isEmpty() ? "" : restarted.get(0).get("observedAt");
        for (Map<String, String> change : restarted) {
            String identity = identity(change);
            if (seen.containsKey(identity)) {
                // Only what the killed watcher printed in its last poll, before it could write its state,
                // may come again, and only in the restarted watcher's first poll.
                assertThat(killedLastPoll).as("%s: %s reported again", source, identity).contains(identity);
                assertThat(change.get("observedAt")).as("%s: %s reported again, after the restarted watcher's first"
                        + " poll", source, identity).isEqualTo(firstPoll);
            }
            assertThat(seen.put(identity, change.get("observedAt"))).as("%s: %s reported twice by one watcher",
                    source, identity).isNotEqualTo(change.get("observedAt"));
        }
    }

    private static String identity(Map<String, String> change) {
        return change.get("kind") + " " + change.get("id") + " " + change.get("status") + " "
                + change.get("finishedAt");
    }

    private static Map<String, Map<String, String>> cleanListing(Sandbox sandbox) {
        Map<String, Map<String, String>> clean = new TreeMap<>();
        try (TaskLens lens = Lenses.forSandbox(sandbox, java.time.Clock.systemUTC(), builder -> { })) {
            for (String source : Sandbox.sourceIds()) {
                TaskQuery.Builder query = TaskQuery.forSource(SourceId.of(source));
                sandbox.scopes().getOrDefault(source, Map.of()).forEach(query::scope);
                clean.put(source, lens.list(query.build()).stream().collect(Collectors.toMap(Task::id,
                        task -> task.status().name(), (a, b) -> a, TreeMap::new)));
            }
        }
        return clean;
    }

    /** Waits for a condition, checking it often, for at most two minutes; never a fixed sleep. */
    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return; // the assertion that follows says what differs
            }
            Thread.sleep(100);
        }
    }
}
