package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases the CLI once got wrong, each run as a separate {@code tasklens} process: one clear line
 * and the exit code of README's table, never a stack trace; a listing taken in chunks equals one
 * full listing.
 */
class CliUnderBadInputProcessTest {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Map<String, String> TENCENT = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE0123456789",
            "TENCENTCLOUD_SECRET_KEY", "example-secret-key");

    @TempDir
    Path files;

    /** One process's output. */
    private record Run(int code, String out, String err) {
    }

    private static Run tasklens(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_") || name.startsWith("BCE_")
                || name.startsWith("HUAWEICLOUD_") || name.startsWith("KOODRIVE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private static void oneClearLine(Run run, int code, String says) {
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertThat(run.err()).startsWith("tasklens: ").contains(says).doesNotContain("\tat ", "Exception",
                "com.google.inject", "JdkHttpTransport");
        assertThat(run.err().lines().count()).as(run.err()).isBetween(1L, 2L);
    }

    @Test
    void aBadRegionIsOneLineNotGuicesPage() throws Exception {
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.cls", "--region", "ap guangzhou", "--scope",
                "shipper_id=s"), Main.USAGE, "is not a region name such as ap-guangzhou");
        Map<String, String> environment = new LinkedHashMap<>(TENCENT);
        environment.put("TENCENTCLOUD_REGION", "../../evil");
        oneClearLine(tasklens(environment, "list", "--source", "tencent.cls", "--scope", "shipper_id=s"), Main.USAGE,
                "is not a region name");
    }

    @Test
    void atFilesAreBodiesNotPicocliArgumentFiles() throws Exception {
        Path body = Files.writeString(files.resolve("body.json"), "{\"Status\":\"FINISH\",\"Limit\":\"5\"}");
        Path binary = Files.write(files.resolve("body.bin"), new byte[] {0, (byte) 0xff, (byte) 0xfe, 10});

        Run json = tasklens(TENCENT, "sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/",
                "-H", "Content-Type: application/json", "-d", "@" + body, "--curl", "--time", "2026-11-22T12:00:00Z");
        Run bytes = tasklens(TENCENT, "sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/",
                "-H", "Content-Type: application/octet-stream", "-d", "@" + binary, "--curl");

        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).contains("--data-binary '@" + body + "'").contains("Authorization: TC3-HMAC-SHA256");
        assertThat(bytes.code()).as(bytes.err()).isZero();
        assertThat(bytes.out()).contains("--data-binary '@" + binary + "'").doesNotContain("\uFFFD");
        oneClearLine(tasklens(TENCENT, "sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/",
                "-d", "@" + files), Main.USAGE, "is a directory");
        oneClearLine(tasklens(TENCENT, "sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/",
                "-d", "@" + files.resolve("missing.json")), Main.USAGE, "cannot read");
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.mps", "--resume", "@" + files), Main.USAGE,
                "the resume token is not valid");
    }

    @Test
    void localProblemsExit2AndSayWhatToDo() throws Exception {
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.mps", "--since", "999999999999d"), Main.USAGE,
                "is not a span such as");
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.mps", "--from", "yesterday"), Main.USAGE,
                "such as 2026-11-20T00:00:00Z");
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.mps", "--endpoint", "http://example.com/"),
                Main.USAGE, "use https://");
        oneClearLine(tasklens(TENCENT, "list", "--source", "all", "--endpoint", "https://example.com/"), Main.USAGE,
                "--endpoint applies to one source");
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.cls", "--scope", "shiper_id=s"), Main.USAGE,
                "tencent.cls: shipper_id");
        oneClearLine(tasklens(TENCENT, "sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/",
                "--expires", "60"), Main.USAGE, "--expires applies to --scheme cls and bce");
        oneClearLine(tasklens(TENCENT, "sign", "--scheme", "cls", "GET", "https://a.example/tasks", "--expires",
                "2144448000"), Main.USAGE, "7 days at most");
        oneClearLine(tasklens(TENCENT, "sign", "--scheme", "tc3", "GET", "ftp://example.com/file"), Main.USAGE,
                "is not an http:// or https:// URL");
        oneClearLine(tasklens(TENCENT, "sign", "--scheme", "huawei", "GET", "https://a.example/", "--time",
                "-5000-01-01T00:00:00Z"), Main.USAGE, "outside the years 1970 to 9999");
    }

    @Test
    void aRefusedConnectionSaysSoAndExits4() throws Exception {
        oneClearLine(tasklens(TENCENT, "list", "--source", "tencent.mps", "--endpoint", "http://127.0.0.1:1/"),
                Main.PROVIDER, "connection refused by http://127.0.0.1:1");
    }

    @Test
    void allListsEverySourceItCanAndReportsTheOthers() throws Exception {
        // CLS keeps 3 days: a 5-day window cannot run there, and does everywhere else.
        Run run = tasklens(Map.of(), "list", "--sandbox", "--source", "all", "--since", "5d", "--output", "json");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("the last 3 days").containsPattern("listed \\d of \\d sources; not tencent.cls")
                .doesNotContain("\tat ");
        assertThat(run.out().lines().map(line -> (String) JSON.fromJson(line, Map.class).get("source")).distinct())
                .contains("tencent.mps", "baidu.vod", "huawei.ies", "huawei.koodrive").doesNotContain("tencent.cls");
    }

    @Test
    void signVerbosePrintsWhatWasSignedButNoSecret() throws Exception {
        Run run = tasklens(TENCENT, "sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/", "-H",
                "Content-Type: application/json", "-d", "{}", "--verbose", "--time", "2026-11-22T12:00:00Z");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("canonical request:", "POST\n/\n\ncontent-type:application/json",
                "string to sign:", "TC3-HMAC-SHA256\n1795348800\n2026-11-22/mps/tc3_request")
                .doesNotContain("example-secret-key");
    }

    @Test
    void aListingTakenInChunksEqualsOneFullListing() throws Exception {
        Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sandbox", "--json", "--only",
                "tencent.mps").start();
        try {
            String line = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> message = JSON.fromJson(line, Map.class);
            String endpoint = message.get("endpoints").get("tencent.mps");
            Map<String, String> environment = message.get("env");

            Run whole = tasklens(environment, "list", "--source", "tencent.mps", "--endpoint", endpoint, "--since",
                    "6d", "--output", "json");
            List<String> chunks = new ArrayList<>();
            String token = null;
            int rounds = 0;
            do {
                List<String> args = new ArrayList<>(List.of("list", "--source", "tencent.mps", "--endpoint", endpoint,
                        "--since", "6d", "--limit", "70", "--output", "json"));
                if (token != null) {
                    args.addAll(List.of("--resume", token));
                }
                Run chunk = tasklens(environment, args.toArray(String[]::new));
                assertThat(chunk.code()).as(chunk.err()).isZero();
                chunks.addAll(chunk.out().lines().toList());
                token = chunk.err().lines().filter(text -> text.contains("continue with --resume ")).findFirst()
                        .map(text -> text.substring(text.indexOf("--resume ") + "--resume ".length()).trim())
                        .orElse(null);
            } while (token != null && ++rounds < 10);

            Set<String> wholeIds = ids(whole.out().lines().toList());
            assertThat(whole.code()).as(whole.err()).isZero();
            assertThat(wholeIds).hasSize(240);
            assertThat(ids(chunks)).isEqualTo(wholeIds);
            assertThat(chunks).hasSize(240);
            assertThat(rounds).isEqualTo(3);
        } finally {
            sandbox.destroy();
            sandbox.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Set<String> ids(List<String> lines) {
        Set<String> ids = new HashSet<>();
        lines.forEach(line -> ids.add((String) JSON.fromJson(line, Map.class).get("id")));
        return ids;
    }

    @Test
    void theLauncherRebuildsWhenASourceIsNewerThanTheJar() throws IOException {
        // The launcher's staleness check, as it is written: one find over poms and main sources.
        String launcher = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("tasklens"));

        assertThat(launcher).contains("-newer \"$jar\"").contains("-name pom.xml").contains("src/main")
                .contains("building the CLI");
    }
}
