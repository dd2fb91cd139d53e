package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than a hundred bad inputs to {@code list}, {@code sign}, {@code sources} and {@code sandbox}:
 * each is refused with the exit code README's table gives, one or two lines on stderr, and no stack
 * trace. Run in-process through {@link Main#run}, the same code the {@code tasklens} process runs.
 */
class BadInputCatalogueTest {

    private static final Map<String, String> TENCENT = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE0123456789",
            "TENCENTCLOUD_SECRET_KEY", "example-secret");

    @TempDir
    static Path files;

    private record Case(int code, Map<String, String> environment, String... args) {
    }

    private static Case usage(String... args) {
        return new Case(Main.USAGE, TENCENT, args);
    }

    private static List<Case> catalogue() throws IOException {
        Path directory = Files.createDirectories(files.resolve("a-directory"));
        List<Case> cases = new ArrayList<>();
        // list: options and values
        for (String[] args : new String[][] {
            {"list"}, {"list", "--source"}, {"list", "--source", "nope.nope"}, {"list", "--source", ""},
            {"list", "--source", "tencent.mps", "--status", "done"}, {"list", "--source", "tencent.mps", "--status", ""},
            {"list", "--source", "tencent.mps", "--status", "PENDING,,RUNNING"}, {"list", "--source", "tencent.mps", "--since", "1"},
            {"list", "--source", "tencent.mps", "--since", "d"}, {"list", "--source", "tencent.mps", "--since", "-1d"},
            {"list", "--source", "tencent.mps", "--since", "1w"}, {"list", "--source", "tencent.mps", "--since", "999999999999d"},
            {"list", "--source", "tencent.mps", "--since", "999999999d"},
            {"list", "--source", "tencent.mps", "--since", "1d", "--from", "2026-11-20T00:00:00Z"},
            {"list", "--source", "tencent.mps", "--from", "yesterday"}, {"list", "--source", "tencent.mps", "--from", "2026-11-20"},
            {"list", "--source", "tencent.mps", "--from", "-5000-01-01T00:00:00Z"},
            {"list", "--source", "tencent.mps", "--to", "tomorrow"}, {"list", "--source", "tencent.mps", "--to", "+10000-01-01T00:00:00Z"},
            {"list", "--source", "tencent.mps", "--limit", "x"}, {"list", "--source", "tencent.mps", "--limit", "-1"},
            {"list", "--source", "tencent.mps", "--limit", "0"}, {"list", "--source", "tencent.mps", "--limit", "99999999999999999999"},
            {"list", "--source", "tencent.mps", "--page-size", "0"}, {"list", "--source", "tencent.mps", "--page-size", "101"},
            {"list", "--source", "tencent.mps", "--page-size", "many"}, {"list", "--source", "tencent.mps", "--page-size", "-5"},
            {"list", "--source", "tencent.mps", "--output", "xml"}, {"list", "--source", "tencent.mps", "--output", ""},
            {"list", "--source", "tencent.mps", "--resume", "garbage"}, {"list", "--source", "tencent.mps", "--resume", "@/tmp"},
            {"list", "--source", "tencent.mps", "--resume", "tl1.!!!"}, {"list", "--source", "tencent.mps", "--resume", "tl1.AAAA"},
            {"list", "--source", "tencent.mps", "--resume", ""}, {"list", "--source", "all", "--resume", "x"},
            {"list", "--source", "tencent.mps", "--scope", "shipper_id=x"}, {"list", "--source", "tencent.cls", "--scope", "nope=1"},
            {"list", "--source", "tencent.cls", "--scope", "novalue"}, {"list", "--source", "tencent.cls"},
            {"list", "--source", "all", "--endpoint", "http://127.0.0.1:1/"},
            {"list", "--source", "tencent.mps", "--endpoint", "http://example.com/"},
            {"list", "--source", "tencent.mps", "--endpoint", "ftp://example.com/"},
            {"list", "--source", "tencent.mps", "--endpoint", "not a uri"},
            {"list", "--source", "tencent.mps", "--endpoint", "/relative/path"},
            {"list", "--source", "tencent.cls", "--region", "ap guangzhou"},
            {"list", "--source", "tencent.cls", "--region", "../../evil"},
            {"list", "--source", "baidu.vod", "--region", "Beijing!"},
            {"list", "--source", "huawei.ies", "--region", "cn north 4"},
            {"list", "--source", "tencent.mps", "--since", "8d"}, {"list", "--source", "baidu.vod", "--since", "8d"},
            {"list", "--source", "tencent.cls", "--since", "4d", "--scope", "shipper_id=s"},
            {"list", "--source", "tencent.mps", "--from", "2026-11-22T00:00:00Z", "--to", "2026-11-21T00:00:00Z"},
            {"list", "--source", "tencent.mps", "--unknown-flag"}, {"list", "--source", "tencent.mps", "extra"},
            {"list", "--sandbox", "--source", "tencent.mps", "--page-size", "1000"},
            {"list", "--sandbox", "--source", "nope"}, {"list", "--sandbox", "--source", "tencent.mps", "--status", "x"},
            {"list", "--sandbox", "--source", "tencent.mps", "--concurrency", "0"},
            {"list", "--sandbox", "--source", "tencent.mps", "--concurrency", "257"},
            {"list", "--sandbox", "--source", "tencent.mps", "--concurrency", "many"},
        }) {
            cases.add(usage(args));
        }
        // Endpoints, values and combinations that once got through or got the wrong exit code.
        String longHost = "h".repeat(10 * 1024) + ".example.com";
        Map<String, String> huawei = Map.of("HUAWEICLOUD_SDK_AK", "AKEXAMPLE", "HUAWEICLOUD_SDK_SK", "example-sk",
                "HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef");
        for (String endpoint : new String[] {"http://example.com/", "https://" + longHost + "/",
            "http://127.0.0.1:99999/", "not a url"}) {
            Map<String, String> environment = new java.util.HashMap<>(huawei);
            environment.put("TASKLENS_ENDPOINT_HUAWEI_IES", endpoint);
            cases.add(new Case(Main.USAGE, environment, "list", "--source", "huawei.ies"));
        }
        for (String[] args : new String[][] {
            {"list", "--source", "tencent.mps", "--endpoint", "https://" + longHost + "/"},
            {"list", "--source", "tencent.mps", "--endpoint", "http://127.0.0.1:99999/"},
            {"list", "--source", "tencent.mps", "--endpoint", "https://mps.tencentcloudapi.com/?x=1"},
            {"list", "--source", "tencent.mps", "--since", "0d"}, {"list", "--source", "tencent.mps", "--since", "0ms"},
            {"list", "--sandbox", "--source", "huawei.koodrive", "--scope", "taskType=abc"},
            {"list", "--sandbox", "--source", "baidu.vod", "--scope", "type=BOGUS"},
            {"list", "--source", "tencent.cls", "--region", "", "--scope", "shipper_id=s"},
            {"list", "--sandbox", "--source", "tencent.mps", "--endpoint", "http://127.0.0.1:1/"},
            {"list", "--sandbox", "--source", "tencent.mps", "--timeout", "0s"},
            {"list", "--sandbox", "--source", "tencent.mps", "--attempt-timeout", "soon"},
            {"list", "--source", "tencent.mps", "--resume", "tl1." + "A".repeat(100_000)},
            {"list", "--source", "tencent.mps", "--resume", "tl1." + "A".repeat(200_000)},
            {"--version", "--frobnicate"}, {"-V", "list"},
            {"sandbox", "--faults", "throttle=2"},
            {"sandbox", "--churn", "-1"}, {"sandbox", "--churn", "20000"}, {"sandbox", "--churn-for", "10s"},
            {"sandbox", "--churn", "5", "--churn-for", "0s"}, {"sandbox", "--journal", "j.jsonl"},
            {"watch"}, {"watch", "--source", "nope.nope"}, {"watch", "--source", "tencent.mps", "--interval", "0s"},
            {"watch", "--source", "tencent.mps", "--interval", "500ms"},
            {"watch", "--source", "tencent.mps", "--until", "later"},
            {"watch", "--source", "tencent.mps", "--exit-status"},
            {"watch", "--source", "tencent.mps", "--output", "csv"},
            {"watch", "--source", "tencent.mps", "--stale", "0h"},
            {"watch", "--source", "tencent.mps", "--give-up-after", "0"},
            {"watch", "--source", "tencent.mps", "--give-up-after", "many"},
            {"watch", "--source", "all", "--resume", "tw1.x"},
            {"watch", "--source", "tencent.mps", "--resume", "tw1.x"},
            {"watch", "--source", "tencent.mps", "--resume", "garbage"},
            {"watch", "--source", "tencent.mps", "--churn", "5"},
            {"watch", "--sandbox", "--source", "tencent.mps", "--endpoint", "http://127.0.0.1:1/"},
            {"watch", "--source", "tencent.mps", "--state", "/no/such/dir/state", "--resume", "tw1.x"},
            {"summary"}, {"summary", "--source", "all", "--output", "csv"},
            {"summary", "--source", "tencent.mps", "--since", "0h"},
            {"summary", "--sandbox", "--source", "tencent.mps", "--endpoint", "http://127.0.0.1:1/"},
            {"summary", "--source", "tencent.mps", "--endpoint", "http://example.com/"},
            {"summary", "--sandbox", "--source", "tencent.mps", "--watch", "0s"},
            {"summary", "--sandbox", "--source", "tencent.mps", "--watch", "500ms"},
        }) {
            cases.add(usage(args));
        }

        // sign
        String url = "https://mps.tencentcloudapi.com/";
        for (String[] args : new String[][] {
            {"sign"}, {"sign", "--scheme", "tc3"}, {"sign", "--scheme", "tc3", "POST"},
            {"sign", "--scheme", "md5", "POST", url}, {"sign", "--scheme", "", "POST", url},
            {"sign", "--scheme", "tc3", "POST", "ftp://example.com/"}, {"sign", "--scheme", "tc3", "POST", "relative/path"},
            {"sign", "--scheme", "tc3", "POST", "mailto:someone@example.com"},
            {"sign", "--scheme", "tc3", "POST", url, "--expires", "60"},
            {"sign", "--scheme", "huawei", "GET", url, "--expires", "60"},
            {"sign", "--scheme", "cls", "GET", url, "--expires", "2144448000"},
            {"sign", "--scheme", "cls", "GET", url, "--expires", "0"}, {"sign", "--scheme", "cls", "GET", url, "--expires", "-5"},
            {"sign", "--scheme", "bce", "GET", url, "--expires", "9999999"}, {"sign", "--scheme", "cls", "GET", url, "--expires", "x"},
            {"sign", "--scheme", "tc3", "POST", url, "--time", "-5000-01-01T00:00:00Z"},
            {"sign", "--scheme", "tc3", "POST", url, "--time", "+10000-01-01T00:00:00Z"},
            {"sign", "--scheme", "tc3", "POST", url, "--time", "now"}, {"sign", "--scheme", "tc3", "POST", url, "--time", "1700000000"},
            {"sign", "--scheme", "tc3", "POST", url, "-H", "NoColon"}, {"sign", "--scheme", "tc3", "POST", url, "-H", ": empty name"},
            {"sign", "--scheme", "tc3", "POST", url, "-d", "@" + directory}, {"sign", "--scheme", "tc3", "POST", url, "-d", "@/no/such/file"},
            {"sign", "--scheme", "tc3", "POST", url, "--region", "ap guangzhou", "-H", "Content-Type: application/json"},
            {"sign", "--scheme", "cls", "GET", url, "--region", "ap-guangzhou"},
            {"sign", "--scheme", "tc3", "POST", url, "--service", "a/b", "-H", "Content-Type: application/json"},
            {"sign", "--scheme", "tc3", "POST", url, "--service", "", "-H", "Content-Type: application/json"},
            {"sign", "--scheme", "tc3", "POST", url},
            {"sign", "--scheme", "cls", "GET", "https://a.example/?x=1&x=2"},
            {"sign", "--scheme", "tc3", "POST", url, "--unknown"},
            {"sign", "--scheme", "tc3", "POST", url, "--service", "m ps", "-H", "Content-Type: application/json"},
            {"sign", "--scheme", "bce", "GET", url, "--service", "vod"},
            {"sign", "--scheme", "tc3", "POST", url, "-H", "Content-Type: application/json", "-d", "@/dev/zero"},
        }) {
            cases.add(usage(args));
        }
        // sign without credentials: an authentication problem
        cases.add(new Case(Main.AUTHENTICATION, Map.of(), "sign", "--scheme", "tc3", "POST", url, "-H",
                "Content-Type: application/json"));
        cases.add(new Case(Main.AUTHENTICATION, Map.of(), "sign", "--scheme", "bce", "GET", url));
        cases.add(new Case(Main.AUTHENTICATION, Map.of(), "sign", "--scheme", "huawei", "GET", url));
        cases.add(new Case(Main.AUTHENTICATION, Map.of(), "sign", "--scheme", "cls", "GET", url));
        // sources and sandbox
        for (String[] args : new String[][] {
            {"sources", "extra"}, {"sources", "--nope"}, {"nope"}, {"--nope"}, {"list", "--debug=maybe"},
            {"sandbox", "--tasks", "-1"}, {"sandbox", "--tasks", "x"}, {"sandbox", "--tasks", "99999999999"},
            {"sandbox", "--latency", "fast"}, {"sandbox", "--latency", "-5ms"}, {"sandbox", "--latency", "2h"},
            {"sandbox", "--faults", "x"}, {"sandbox", "--faults", "drop=2"}, {"sandbox", "--faults", "drop=0.6,throttle=0.6"},
            {"sandbox", "--faults", "drop=0.1,drop=0.2"}, {"sandbox", "--faults", "drop="}, {"sandbox", "--seed", "x"},
            {"sandbox", "--only", "nope"}, {"sandbox", "--only", ""}, {"sandbox", "--port", "-1"}, {"sandbox", "--port", "70000"},
            {"sandbox", "--port", "x"}, {"sandbox", "extra"},
        }) {
            cases.add(usage(args));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneClearLineWithItsExitCode() throws IOException {
        List<Case> cases = catalogue();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        return cases.stream().map(bad -> DynamicTest.dynamicTest(String.join(" ", bad.args()), () -> {
            CliTest.Run run = CliTest.run(bad.environment(), bad.args());

            assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(bad.code());
            assertThat(run.err()).as("stderr").startsWith("tasklens: ").doesNotContain("\tat ", "Exception:",
                    "Exception ", "java.", "JdkHttpTransport")
                    // a record's toString, such as Throttle[], is not words
                    .doesNotContainPattern("[A-Za-z]\\[\\]");
            assertThat(run.err().length()).as("stderr length").isLessThan(1_000);
            assertThat(run.err().lines().count()).as("lines on stderr: %s", run.err()).isBetween(1L, 2L);
        }));
    }

    @org.junit.jupiter.api.Test
    void aLongAlteredTokenIsNotCalledTooShort() {
        for (int length : new int[] {100_000, 200_000}) {
            CliTest.Run run = CliTest.run(TENCENT, "list", "--source", "tencent.mps", "--resume",
                    "tl1." + "A".repeat(length));

            assertThat(run.code()).isEqualTo(Main.USAGE);
            assertThat(run.err()).doesNotContain("too short").containsAnyOf("cut or altered", "longer than any");
        }
    }
}
