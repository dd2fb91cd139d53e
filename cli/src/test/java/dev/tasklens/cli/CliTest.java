package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.tencent.MpsApi;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The tasklens command: formats, exit codes, sign against the SDKs' recorded output, the sandbox. */
class CliTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** One run's output. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Hermetic unless a test says otherwise: no profile file of the machine's user, and no call to
        // a real cloud's metadata service.
        Map<String, String> hermetic = new java.util.HashMap<>(environment);
        hermetic.putIfAbsent("HOME", Path.of(System.getProperty("java.io.tmpdir"), "tasklens-test-home-none")
                .toString());
        if (hermetic.keySet().stream().noneMatch(name -> name.startsWith("TASKLENS_METADATA_ENDPOINT_"))) {
            hermetic.putIfAbsent("TASKLENS_NO_METADATA", "1");
        }
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), hermetic);
        return new Run(code, out.toString(), err.toString());
    }

    @Nested
    class ListingTheSandbox {
        @Test
        void jsonIsOneObjectPerLineWithStableFieldNames() {
            Run run = run(Map.of(), "list", "--sandbox", "--source", "tencent.mps", "--output", "json");

            assertThat(run.code()).isZero();
            assertThat(run.lines()).hasSize(240).allSatisfy(line -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> task = JSON.fromJson(line, Map.class);
                assertThat(task).containsKeys("source", "id", "type", "status", "rawStatus", "createdAt")
                        .containsEntry("source", "tencent.mps");
                assertThat((String) task.get("createdAt")).endsWith("Z");
            });
        }

        @Test
        void csvHasAHeaderRowAndFiltersApply() {
            Run run = run(Map.of(), "list", "--sandbox", "--source", "tencent.cls", "--output", "csv", "--status",
                    "failed,succeeded");

            assertThat(run.code()).isZero();
            assertThat(run.lines().get(0))
                    .isEqualTo("source,id,name,type,status,rawStatus,createdAt,startedAt,finishedAt,message");
            assertThat(run.lines()).hasSize(61);
            assertThat(run.lines().subList(1, run.lines().size()))
                    .allSatisfy(line -> assertThat(line).containsAnyOf(",FAILED,", ",SUCCEEDED,"));
        }

        @Test
        void theTableIsAlignedAndTheLimitHolds() {
            Run run = run(Map.of(), "list", "--sandbox", "--source", "tencent.mps", "--limit", "7");

            assertThat(run.lines()).hasSize(8);
            int statusColumn = run.lines().get(0).indexOf("STATUS");
            assertThat(run.lines().subList(1, run.lines().size())).allSatisfy(line ->
                    assertThat(line.substring(statusColumn)).matches("(PENDING|RUNNING|SUCCEEDED|FAILED) .*"));
        }

        @Test
        void everySourceAtOnce() {
            Run run = run(Map.of(), "list", "--sandbox", "--source", "all", "--output", "json", "--since", "1d");

            assertThat(run.code()).isZero();
            assertThat(run.lines()).extracting(line -> (String) JSON.fromJson(line, Map.class).get("source"))
                    .contains("tencent.mps", "tencent.cls");
        }
    }

    @Nested
    class ExitCodes {
        @Test
        void aUsageErrorIsTwoWithOneLine() {
            Run run = run(Map.of(), "list", "--sandbox", "--source", "tencent.mps", "--status", "done");

            assertThat(run.code()).isEqualTo(Main.USAGE);
            assertThat(run.err()).startsWith("tasklens: status 'done' is not one of").doesNotContain("\tat ");
        }

        @Test
        void missingCredentialsAreThree() {
            Run run = run(Map.of(), "list", "--source", "tencent.mps");

            assertThat(run.code()).isEqualTo(Main.AUTHENTICATION);
            assertThat(run.err()).contains("set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY");
        }

        @Test
        void allSourcesWithoutAnyCredentialsSaysWhatToSet() {
            Run run = run(Map.of(), "list", "--source", "all");

            assertThat(run.code()).isEqualTo(Main.USAGE);
            assertThat(run.err()).contains("no source found credentials");
        }

        @Test
        void anUnknownOptionIsTwo() {
            assertThat(run(Map.of(), "list", "--source", "tencent.mps", "--bogus").code()).isEqualTo(Main.USAGE);
        }
    }

    @Test
    void listingThroughEndpointWithCredentialsFromTheEnvironment() {
        Clock clock = Clock.systemUTC();
        try (Emulator mps = Emulator.start(new MpsApi(SeededTasks.generate(3, 25, clock.instant(), Duration.ofDays(1)),
                Map.of("AKIDFROMENV000000000", "env-secret"), clock))) {
            Run run = run(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDFROMENV000000000", "TENCENTCLOUD_SECRET_KEY",
                    "env-secret"), "list", "--source", "tencent.mps", "--endpoint", mps.baseUri() + "/", "--output",
                    "json");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.lines()).hasSize(25);
        }
    }

    @Test
    void anAdapterJarOnTheClassPathJoinsSourcesAndListWithNoChangeHere() {
        Run sources = run(Map.of(), "sources");
        Run list = run(Map.of(), "list", "--source", "extra.tasks", "--output", "json");

        assertThat(sources.out()).contains("extra.tasks — an added provider");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.lines()).singleElement().asString().contains("\"id\":\"x-1\"");
    }

    @Test
    void sourcesListsEveryAdapterWithItsRules() {
        Run run = run(Map.of(), "sources");

        assertThat(run.out()).contains("tencent.mps", "tencent.cls", "cursor", "shipper_id (required)",
                "TENCENTCLOUD_SECRET_ID");
    }

    @Nested
    class SignEqualsTheOfficialSdks {
        // Inputs and expected values of signing/src/test/resources/vectors, produced by the SDKs.
        @Test
        void tc3() {
            Run run = run(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE1234567890", "TENCENTCLOUD_SECRET_KEY",
                    "EXAMPLEsecretKEY0123456789abcdef"), "sign", "--scheme", "tc3", "--time", "2024-11-22T12:00:00Z",
                    "-H", "Content-Type: application/json; charset=utf-8", "-H", "X-TC-Action: DescribeTasks",
                    "-H", "X-TC-Version: 2019-06-12", "-d", "{\"Status\":\"FINISH\",\"Limit\":\"5\"}",
                    "POST", "https://mps.tencentcloudapi.com/");

            assertThat(run.lines()).contains("Authorization: TC3-HMAC-SHA256 Credential=AKIDEXAMPLE1234567890/"
                    + "2024-11-22/mps/tc3_request, SignedHeaders=content-type;host, Signature="
                    + "fe01c3c3aae7500afeba772ec2f2646b67612e19788c7e77651c4f4918c115bb", "X-TC-Timestamp: 1732276800");
        }

        @Test
        void tc3WithARegion() {
            Run run = run(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE1234567890", "TENCENTCLOUD_SECRET_KEY",
                    "EXAMPLEsecretKEY0123456789abcdef"), "sign", "--scheme", "tc3", "--region", "ap-guangzhou",
                    "-H", "Content-Type: application/json", "POST", "https://mps.tencentcloudapi.com/");

            assertThat(run.lines()).contains("X-TC-Region: ap-guangzhou");
        }

        @Test
        void cls() {
            Run run = run(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE1234567890", "TENCENTCLOUD_SECRET_KEY",
                    "EXAMPLEsecretKEY0123456789abcdef"), "sign", "--scheme", "cls", "--time", "2026-11-22T19:11:10Z",
                    "--expires", "300", "-H", "Host: ap-guangzhou.cls.tencentyun.com", "GET",
                    "https://ap-guangzhou.cls.tencentyun.com/tasks?shipper_id=xx-xx-xx-xxxx"
                            + "&start_time=2017-10-10+00%3A00%3A00&end_time=2017-10-10+23%3A59%3A59");

            assertThat(run.lines()).containsExactly("Authorization: q-sign-algorithm=sha1&q-ak=AKIDEXAMPLE1234567890"
                    + "&q-sign-time=1795374610;1795374970&q-key-time=1795374610;1795374970&q-header-list=host"
                    + "&q-url-param-list=end_time;shipper_id;start_time"
                    + "&q-signature=9c74331d2297c513d6ea89c8c16365522ef5290e");
        }

        @Test
        void huawei() {
            Run run = run(Map.of("HUAWEICLOUD_SDK_AK", "HWEXAMPLEAK1234567890", "HUAWEICLOUD_SDK_SK",
                    "EXAMPLEsecretKEY0123456789abcdef"), "sign", "--scheme", "huawei", "--time", "2024-11-22T12:00:00Z",
                    "-H", "X-Project-Id: 0a1b2c3d4e5f", "-H", "Content-Type: application/json", "GET",
                    "https://metastudio.cn-north-4.myhuaweicloud.com/v2/0a1b2c3d4e5f/ies/task?offset=0&limit=10");

            assertThat(run.lines()).contains("Authorization: SDK-HMAC-SHA256 Access=HWEXAMPLEAK1234567890,"
                    + " SignedHeaders=host;x-project-id;x-sdk-date, Signature="
                    + "ec9bf35d82aab37eb75fed1a8a73276bc8a99e1eb80a29bfbac807b7d249b25b");
        }

        @Test
        void bceAsACurlCommand() {
            Run run = run(Map.of("BCE_ACCESS_KEY_ID", "46bd9968a6194b4bbdf0341f2286ccce", "BCE_SECRET_ACCESS_KEY",
                    "EXAMPLEsecretKEY0123456789abcdef"), "sign", "--scheme", "bce", "--time", "2024-03-24T13:08:44Z",
                    "-H", "Content-Type: application/json", "--curl", "GET",
                    "https://vod.bj.baidubce.com/v2/tasks?maxSize=10&status=FAILED");

            assertThat(run.out()).startsWith("curl -X GET -H 'Content-Type: application/json' -H 'Authorization:"
                    + " bce-auth-v1/46bd9968a6194b4bbdf0341f2286ccce/2024-03-24T13:08:44Z/1800//"
                    + "f010b1a99c865fe520811928209233b638f4dacbb1e063204af60d0316100f12'")
                    .contains("'https://vod.bj.baidubce.com/v2/tasks?maxSize=10&status=FAILED'");
        }
    }

    @Nested
    class AsASeparateProcess {
        private Process start(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
            return builder.redirectErrorStream(false).start();
        }

        private List<String> output(String format) throws Exception {
            Process process = start("list", "--sandbox", "--source", "tencent.cls", "--output", format);
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            return out.lines().toList();
        }

        @Test
        void theSandboxListingRunsEndToEndInEveryFormat() throws Exception {
            List<String> csv = output("csv");
            List<String> json = output("json");
            List<String> table = output("table");

            assertThat(csv).hasSize(121).first().asString().startsWith("source,id,");
            assertThat(json).hasSize(120).allSatisfy(line -> assertThat(JSON.fromJson(line, Map.class).get("source"))
                    .isEqualTo("tencent.cls"));
            assertThat(table).hasSize(121).first().asString().startsWith("SOURCE ");
            assertThat(table.subList(1, table.size())).allSatisfy(line -> assertThat(line).startsWith("tencent.cls  "));
        }

        @Test
        void theSandboxTakesAPort() throws Exception {
            int port;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Process process = start("sandbox", "--json", "--port", Integer.toString(port));
            try {
                String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();

                assertThat(line).contains(":" + port + "/").contains(":" + (port + 1) + "/");
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        @Test
        void theSandboxServerSaysWhereItIsInOneJsonLine() throws Exception {
            Process process = start("sandbox", "--json");
            try {
                String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> message = JSON.fromJson(line, Map.class);

                assertThat(message.get("endpoints")).containsKeys("tencent.mps", "tencent.cls");
                @SuppressWarnings("unchecked")
                Map<String, String> tencent = (Map<String, String>) message.get("credentials").get("tencent");
                Run run = run(Map.of("TENCENTCLOUD_SECRET_ID", tencent.get("id"), "TENCENTCLOUD_SECRET_KEY",
                        tencent.get("secret")), "list", "--source", "tencent.mps", "--endpoint",
                        (String) message.get("endpoints").get("tencent.mps"), "--output", "json", "--limit", "10");
                assertThat(run.code()).as(run.err()).isZero();
                assertThat(run.lines()).hasSize(10);
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
