package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.cli.CliTest.Run;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each link of each cloud's credentials chain, through the CLI against the sandbox with no key in
 * the environment: a profile file, an instance role from an emulated metadata service, a TKE web
 * identity traded at an emulated STS. The sandbox's APIs accept the temporary keys only with their
 * token and before their expiry, so a listing that succeeds signed with what the link found.
 */
class CredentialsChainsTest {

    private static Sandbox sandbox;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** No key variable: the endpoints, the home directory and what the test adds. */
    private Map<String, String> environment(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>();
        sandbox.endpoints().forEach((source, uri) -> environment.put("TASKLENS_ENDPOINT_"
                + source.toUpperCase(Locale.ROOT).replace('.', '_'), uri.toString()));
        environment.put("HOME", home.toString());
        environment.putAll(more);
        return environment;
    }

    private static Run list(Map<String, String> environment, String source) {
        List<String> args = new java.util.ArrayList<>(List.of("list", "--source", source, "--output", "json"));
        sandbox.scopes().getOrDefault(source, Map.of()).forEach((key, value) -> {
            args.add("--scope");
            args.add(key + "=" + value);
        });
        return CliTest.run(environment, args.toArray(String[]::new));
    }

    private Path profile(String directory, String text) throws Exception {
        Path file = home.resolve(directory).resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String sourcesLine(Run run, String source) {
        List<String> lines = run.lines();
        int at = lines.indexOf(lines.stream().filter(line -> line.startsWith(source + " ")).findFirst().orElseThrow());
        return lines.subList(at, lines.size()).stream().filter(line -> line.startsWith("  credentials:")).findFirst()
                .orElseThrow();
    }

    @Test
    void tencentFromTheProfileFile() throws Exception {
        Path file = profile(".tencentcloud", "[default]\nsecret_id = " + Sandbox.TENCENT_SECRET_ID + "\nsecret_key = "
                + Sandbox.TENCENT_SECRET_KEY + "\n");
        Map<String, String> environment = environment(Map.of("TASKLENS_NO_METADATA", "1"));
        assertThat(list(environment, "tencent.mps").lines()).hasSize(sandbox.taskCounts().get("tencent.mps"));
        assertThat(list(environment, "tencent.cls").lines()).hasSize(sandbox.taskCounts().get("tencent.cls"));
        Run sources = CliTest.run(environment, "sources");
        assertThat(sourcesLine(sources, "tencent.mps")).isEqualTo("  credentials:  profile default (" + file + ")");
        assertThat(sources.out()).doesNotContain(Sandbox.TENCENT_SECRET_KEY);
    }

    @Test
    void theEnvironmentComesBeforeTheProfileFile() throws Exception {
        profile(".tencentcloud", "[default]\nsecret_id = AKIDnotused\nsecret_key = not-used\n");
        Map<String, String> environment = environment(Map.of("TASKLENS_NO_METADATA", "1", "TENCENTCLOUD_SECRET_ID",
                Sandbox.TENCENT_SECRET_ID, "TENCENTCLOUD_SECRET_KEY", Sandbox.TENCENT_SECRET_KEY));
        assertThat(list(environment, "tencent.mps").code()).isZero();
        assertThat(sourcesLine(CliTest.run(environment, "sources"), "tencent.mps")).isEqualTo("  credentials:  env");
    }

    @Test
    void tencentFromTheCvmInstanceRole() {
        int before = sandbox.cvmMetadata().orElseThrow().requests();
        Map<String, String> environment = environment(sandbox.credentialServiceEnvironment());
        Run mps = list(environment, "tencent.mps");
        assertThat(mps.err()).isEmpty();
        assertThat(mps.lines()).hasSize(sandbox.taskCounts().get("tencent.mps"));
        assertThat(list(environment, "tencent.cls").lines()).hasSize(sandbox.taskCounts().get("tencent.cls"));
        assertThat(sandbox.cvmMetadata().orElseThrow().requests()).isGreaterThan(before);
        assertThat(sourcesLine(CliTest.run(environment, "sources"), "tencent.cls"))
                .isEqualTo("  credentials:  instance role " + Sandbox.TENCENT_ROLE);
    }

    @Test
    void tencentFromATkeWebIdentity() throws Exception {
        Path token = home.resolve("oidc-token");
        Files.writeString(token, Sandbox.TKE_WEB_IDENTITY_TOKEN + "\n", StandardCharsets.UTF_8);
        Map<String, String> more = new HashMap<>(sandbox.credentialServiceEnvironment());
        more.put("TASKLENS_NO_METADATA", "1");
        more.put("TKE_WEB_IDENTITY_TOKEN_FILE", token.toString());
        int issued = sandbox.sts().orElseThrow().keys().issued();
        Map<String, String> environment = environment(more);
        assertThat(list(environment, "tencent.mps").lines()).hasSize(sandbox.taskCounts().get("tencent.mps"));
        assertThat(sandbox.sts().orElseThrow().keys().issued()).isGreaterThan(issued);
        assertThat(sourcesLine(CliTest.run(environment, "sources"), "tencent.mps"))
                .isEqualTo("  credentials:  web identity role " + Sandbox.TKE_ROLE_ARN);

        Files.writeString(token, "another-token", StandardCharsets.UTF_8);
        Run refused = list(environment, "tencent.mps");
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).contains("InvalidParameter.WebIdentityTokenError").doesNotContain("another-token");
    }

    @Test
    void huaweiFromTheProfileFileAndFromAFileTheVariableNames() throws Exception {
        String text = "[basic]\nak = " + Sandbox.HUAWEI_AK + "\nsk = " + Sandbox.HUAWEI_SK + "\n";
        Path file = profile(".huaweicloud", text);
        Map<String, String> environment = environment(Map.of("TASKLENS_NO_METADATA", "1"));
        assertThat(list(environment, "huawei.ies").lines()).hasSize(sandbox.taskCounts().get("huawei.ies"));
        assertThat(sourcesLine(CliTest.run(environment, "sources"), "huawei.ies"))
                .isEqualTo("  credentials:  profile basic (" + file + ")");

        Files.delete(file);
        Path elsewhere = home.resolve("huawei.ini");
        Files.writeString(elsewhere, text, StandardCharsets.UTF_8);
        Map<String, String> named = environment(Map.of("TASKLENS_NO_METADATA", "1",
                "HUAWEICLOUD_SDK_CREDENTIALS_FILE", elsewhere.toString()));
        assertThat(list(named, "huawei.ies").lines()).hasSize(sandbox.taskCounts().get("huawei.ies"));

        Run missing = list(environment(Map.of("TASKLENS_NO_METADATA", "1", "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
                home.resolve("absent.ini").toString())), "huawei.ies");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.ini").contains("HUAWEICLOUD_SDK_CREDENTIALS_FILE");
    }

    @Test
    void huaweiFromTheEcsMetadataService() {
        int issued = sandbox.ecsMetadata().orElseThrow().keys().issued();
        Map<String, String> environment = environment(sandbox.credentialServiceEnvironment());
        Run ies = list(environment, "huawei.ies");
        assertThat(ies.err()).isEmpty();
        assertThat(ies.lines()).hasSize(sandbox.taskCounts().get("huawei.ies"));
        assertThat(sandbox.ecsMetadata().orElseThrow().keys().issued()).isGreaterThanOrEqualTo(issued);
        assertThat(sourcesLine(CliTest.run(environment, "sources"), "huawei.ies"))
                .isEqualTo("  credentials:  instance role (ECS agency)");
    }

    @Test
    void aMalformedProfileIsExitTwoNamingTheFileAndTheMetadataServiceIsNotAsked() throws Exception {
        Path file = profile(".tencentcloud", "[default]\nsecret_id = " + Sandbox.TENCENT_SECRET_ID
                + "\nsecret_key " + Sandbox.TENCENT_SECRET_KEY + "\n");
        int before = sandbox.cvmMetadata().orElseThrow().requests();
        Map<String, String> environment = environment(sandbox.credentialServiceEnvironment());
        Run run = list(environment, "tencent.mps");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tasklens: " + file + ": line 3 is neither a [section], a key = value line"
                + " nor a comment; fix or remove it" + System.lineSeparator());
        assertThat(sandbox.cvmMetadata().orElseThrow().requests()).isEqualTo(before);

        Run sources = CliTest.run(environment, "sources");
        assertThat(sources.code()).isEqualTo(2);
        assertThat(sourcesLine(sources, "tencent.mps")).contains("error: " + file + ": line 3");
        assertThat(sources.out()).doesNotContain(Sandbox.TENCENT_SECRET_KEY);
    }

    @Test
    void aProfileWithoutTheKeysIsAnErrorNotTheNextLink() throws Exception {
        Path file = profile(".tencentcloud", "[other]\nsecret_id = x\nsecret_key = y\n");
        Run run = list(environment(sandbox.credentialServiceEnvironment()), "tencent.mps");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(file.toString()).contains("has no [default] section");
    }

    @Test
    void aSourceThatIsNotListedReadsNothing() throws Exception {
        profile(".tencentcloud", "not a profile\n");
        Map<String, String> environment = environment(Map.of("TASKLENS_NO_METADATA", "1", "BCE_ACCESS_KEY_ID",
                Sandbox.BAIDU_ACCESS_KEY_ID, "BCE_SECRET_ACCESS_KEY", Sandbox.BAIDU_SECRET_ACCESS_KEY));
        assertThat(list(environment, "baidu.vod").lines()).hasSize(sandbox.taskCounts().get("baidu.vod"));
    }

    @Test
    void theMetadataSwitchKeepsTheChainAwayFromTheMetadataService() {
        int before = sandbox.cvmMetadata().orElseThrow().requests();
        Map<String, String> more = new HashMap<>(sandbox.credentialServiceEnvironment());
        more.put("TASKLENS_NO_METADATA", "1");
        Run run = list(environment(more), "tencent.mps");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("CVM metadata service not asked (turned off)")
                .contains("no TKE web identity (TKE_WEB_IDENTITY_TOKEN_FILE unset)");
        assertThat(sandbox.cvmMetadata().orElseThrow().requests()).isEqualTo(before);
    }

    @Test
    void listingAllTakesTheSourcesWhoseChainFindsCredentials() throws Exception {
        profile(".tencentcloud", "[default]\nsecret_id = " + Sandbox.TENCENT_SECRET_ID + "\nsecret_key = "
                + Sandbox.TENCENT_SECRET_KEY + "\n");
        Map<String, String> environment = environment(Map.of("TASKLENS_NO_METADATA", "1"));
        Run all = CliTest.run(environment, "list", "--source", "all", "--output", "json", "--scope",
                "shipper_id=" + Sandbox.CLS_SHIPPER);
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.lines()).hasSize(sandbox.taskCounts().get("tencent.mps") + sandbox.taskCounts()
                .get("tencent.cls"));
        assertThat(all.lines()).allSatisfy(line -> assertThat(line).containsPattern("\"source\":\"tencent\\.(mps|cls)\""));
    }

    @Test
    void kooDriveReadsItsTokenFromTheFileAVariableNamesAtEachRequest() throws Exception {
        Path token = home.resolve("koodrive-token");
        Files.writeString(token, Sandbox.KOODRIVE_TOKEN + "\n", StandardCharsets.UTF_8);
        Map<String, String> environment = environment(Map.of("TASKLENS_NO_METADATA", "1",
                "KOODRIVE_ACCESS_TOKEN_FILE", token.toString(), "KOODRIVE_USER_ID", Sandbox.KOODRIVE_USER_ID));
        assertThat(list(environment, "huawei.koodrive").lines())
                .hasSize(sandbox.taskCounts().get("huawei.koodrive"));
        assertThat(sourcesLine(CliTest.run(environment, "sources"), "huawei.koodrive"))
                .isEqualTo("  credentials:  token file (" + token + ")");

        Files.writeString(token, "a-renewed-token-the-emulator-does-not-know", StandardCharsets.UTF_8);
        Run refused = list(environment, "huawei.koodrive");
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).doesNotContain("a-renewed-token");

        Files.delete(token);
        Run missing = list(environment, "huawei.koodrive");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(token.toString()).contains("KOODRIVE_ACCESS_TOKEN_FILE");
    }

    @Test
    void theMetadataServiceIsNeverAskedThroughAProxy() {
        // A system-wide proxy selector that lets everything through directly, and notes what it is
        // asked about: the metadata transport must not ask it at all.
        java.util.List<java.net.URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
            @Override
            public java.util.List<java.net.Proxy> select(java.net.URI target) {
                asked.add(target);
                return java.util.List.of(java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(java.net.URI target, java.net.SocketAddress address, java.io.IOException e) {
            }
        });
        try {
            int requests = sandbox.cvmMetadata().orElseThrow().requests();
            Run mps = list(environment(sandbox.credentialServiceEnvironment()), "tencent.mps");
            assertThat(mps.code()).as(mps.err()).isZero();
            assertThat(sandbox.cvmMetadata().orElseThrow().requests()).isGreaterThan(requests);
            java.net.URI metadata = sandbox.credentialServices().get("tencent.metadata");
            assertThat(asked).noneMatch(target -> target.getPort() == metadata.getPort());
        } finally {
            java.net.ProxySelector.setDefault(before);
        }
    }
}
