package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code tasklens sandbox} as a separate process, as a user runs it: what it prints is enough to list
 * every source from it, it scales, it answers slowly or badly on request, and a wrong option is one
 * clear line with exit code 2.
 */
class SandboxCommandTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sandbox"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Runs a sandbox, hands its output lines up to the first blank-free stop to the test, then stops it. */
    private static void withSandbox(int lines, Consumer<List<String>> test, String... args) throws Exception {
        Process process = start(args);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> printed = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                String line = reader.readLine();
                assertThat(line).as("line %d of the sandbox's output; stderr: %s", i,
                        line == null ? new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) : "")
                        .isNotNull();
                printed.add(line);
            }
            test.accept(printed);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        return JSON.fromJson(line, LinkedHashMap.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonLineHoldsWhatAListingSignedWithInstanceRolesNeeds(@org.junit.jupiter.api.io.TempDir Path home)
            throws Exception {
        withSandbox(1, lines -> {
            Map<String, Object> message = json(lines.get(0));
            Map<String, String> endpoints = (Map<String, String>) message.get("endpoints");
            Map<String, String> services = (Map<String, String>) message.get("credentialServices");
            assertThat(services).containsOnlyKeys("tencent.metadata", "tencent.sts", "huawei.metadata");
            Map<String, String> env = new java.util.HashMap<>((Map<String, String>) message.get("credentialServiceEnv"));
            env.put("HOME", home.toString());
            for (String source : List.of("tencent.mps", "huawei.ies")) {
                List<String> args = new ArrayList<>(List.of("list", "--source", source, "--endpoint",
                        endpoints.get(source), "--output", "json", "--limit", "5"));
                ((Map<String, Map<String, String>>) message.get("scopes")).getOrDefault(source, Map.of())
                        .forEach((name, value) -> args.addAll(List.of("--scope", name + "=" + value)));
                CliTest.Run run = CliTest.run(env, args.toArray(String[]::new));
                assertThat(run.code()).as(source + ": " + run.err()).isZero();
                assertThat(run.lines()).as(source).hasSize(5);
            }
            assertThat((String) message.get("tkeWebIdentityToken")).isNotBlank();
        }, "--json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonLineHoldsEverythingAListOfEverySourceNeeds() throws Exception {
        withSandbox(1, lines -> {
            Map<String, Object> message = json(lines.get(0));
            Map<String, String> endpoints = (Map<String, String>) message.get("endpoints");
            Map<String, Map<String, String>> scopes = (Map<String, Map<String, String>>) message.get("scopes");
            Map<String, String> env = (Map<String, String>) message.get("env");
            Map<String, Object> credentials = (Map<String, Object>) message.get("credentials");

            assertThat(credentials).containsKey("tencent");
            assertThat(scopes.get("tencent.cls")).containsKey("shipper_id");
            for (String source : endpoints.keySet()) {
                List<String> args = new ArrayList<>(List.of("list", "--source", source, "--endpoint",
                        endpoints.get(source), "--output", "json"));
                scopes.getOrDefault(source, Map.of()).forEach((name, value) -> args.addAll(List.of("--scope",
                        name + "=" + value)));

                CliTest.Run run = CliTest.run(env, args.toArray(String[]::new));

                assertThat(run.code()).as(source + ": " + run.err()).isZero();
                assertThat(run.lines()).as(source).hasSize(((Number) ((Map<String, Object>) message.get("tasks"))
                        .get(source)).intValue());
            }
        }, "--json");
    }

    @Test
    void theCommandItPrintsListsEveryTaskOfALargeSlowSandbox() throws Exception {
        withSandbox(5, lines -> {
            assertThat(lines.get(1)).contains("tencent.mps").contains("(20000 tasks)");
            String tryLine = lines.stream().filter(line -> line.contains("--source tencent.mps")).findFirst()
                    .orElseThrow().trim();
            Map<String, String> env = new LinkedHashMap<>();
            List<String> args = new ArrayList<>();
            for (String word : tryLine.split(" ")) {
                if (word.matches("[A-Z_]+=.*")) {
                    env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
                } else if (!word.equals("./tasklens")) {
                    args.add(word);
                }
            }
            assertThat(args).containsSequence("--output", "json");

            CliTest.Run run = CliTest.run(env, args.toArray(String[]::new));

            assertThat(run.code()).as(run.err()).isZero();
            Set<String> ids = new HashSet<>();
            run.lines().forEach(line -> ids.add((String) json(line).get("id")));
            assertThat(run.lines()).hasSize(20_000);
            assertThat(ids).hasSize(20_000);
        }, "--tasks", "20000", "--latency", "20ms", "--only", "tencent.mps");
    }

    @Test
    void onlyServesTheNamedSources() throws Exception {
        withSandbox(1, lines -> assertThat(json(lines.get(0)).get("endpoints")).asString()
                .contains("tencent.cls").doesNotContain("tencent.mps"), "--json", "--only", "tencent.cls");
    }

    @Test
    void aFaultySandboxStillListsEveryTaskThroughRetries() throws Exception {
        withSandbox(1, lines -> {
            Map<String, Object> message = json(lines.get(0));
            @SuppressWarnings("unchecked")
            String endpoint = ((Map<String, String>) message.get("endpoints")).get("tencent.mps");
            @SuppressWarnings("unchecked")
            Map<String, String> env = (Map<String, String>) message.get("env");

            // One page at a time: the requests come one after another, so the seed fixes which fail.
            CliTest.Run run = CliTest.run(env, "list", "--source", "tencent.mps", "--endpoint", endpoint,
                    "--output", "json", "--page-size", "10", "--status", "PENDING", "--concurrency", "1");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.lines()).hasSize(60).doesNotHaveDuplicates();
        }, "--json", "--only", "tencent.mps", "--faults", "throttle=0.15,error=0.15", "--seed", "7");
    }

    private static CliTest.Run badSandbox(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sandbox";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliTest.run(Map.of(), all);
    }

    @Test
    void wrongOptionsAreOneClearLineWithExitCode2() throws IOException {
        Map<String[], String> cases = new LinkedHashMap<>();
        cases.put(new String[] {"--faults", "thottle=0.3"}, "is not NAME=PROBABILITY");
        cases.put(new String[] {"--faults", "drop=2"}, "not a number from 0 to 1");
        cases.put(new String[] {"--latency", "fast"}, "is not a span such as 50ms");
        cases.put(new String[] {"--latency", "2h"}, "0 to 60 s");
        cases.put(new String[] {"--tasks", "-5"}, "0 to 10000000");
        cases.put(new String[] {"--only", "tencent.vod"}, "no source 'tencent.vod'");
        cases.put(new String[] {"--port", "70000"}, "is not 0..");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            cases.put(new String[] {"--port", Integer.toString(busy.getLocalPort())}, "in use");
            cases.forEach((args, message) -> {
                CliTest.Run run = badSandbox(args);

                assertThat(run.code()).as(String.join(" ", args)).isEqualTo(Main.USAGE);
                assertThat(run.err()).as(String.join(" ", args)).contains(message).doesNotContain("\tat ");
                assertThat(run.err().lines().count()).as(run.err()).isLessThanOrEqualTo(2);
            });
        }
    }
}
