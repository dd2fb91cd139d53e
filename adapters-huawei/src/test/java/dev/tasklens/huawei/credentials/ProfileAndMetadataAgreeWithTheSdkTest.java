package dev.tasklens.huawei.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.ProfileCredentialProvider;
import com.huaweicloud.sdk.core.internal.model.CreateTemporaryAccessKeyInEcsResponse;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import dev.tasklens.domain.SourceId;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.huawei.EcsMetadataApi;
import dev.tasklens.ports.credentials.CredentialLookup;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.source.SourceSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profile and metadata links read what the official huaweicloud-sdk-core reads: its
 * {@code ProfileCredentialProvider} on the same {@code ~/.huaweicloud/credentials} (found through
 * {@code user.home}), and its {@code CreateTemporaryAccessKeyInEcsResponse} binding on the emulated
 * ECS metadata service's reply.
 */
class ProfileAndMetadataAgreeWithTheSdkTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {
        "[basic]\nak = PROFILEAK0001\nsk = sk0001\n",
        "[basic]\nak=PROFILEAK0002\nsk=sk0002\nsecurity_token=token0002\nproject_id=p2\n",
        "[global]\nak = GLOBALAK\nsk = global\n\n[basic]\nak = PROFILEAK0003\nsk = sk0003\n",
    })
    void theProfileGivesTheSameKeys(String text) throws Exception {
        Path file = home.resolve(".huaweicloud").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);

        String before = System.getProperty("user.home");
        BasicCredentials sdk;
        System.setProperty("user.home", home.toString());
        try {
            sdk = (BasicCredentials) ProfileCredentialProvider.getBasicCredentialProfileProvider().getCredentials();
        } finally {
            System.setProperty("user.home", before);
        }
        CredentialsProvider ours = HuaweiCredentials.defaultChain(SourceId.HUAWEI_IES, new SourceSettings(Map.of(),
                Map.of(), CredentialLookup.withoutMetadata(home)), Clock.systemUTC());
        Credentials keys = ours.credentials().orElseThrow();

        assertThat(keys.id()).isEqualTo(sdk.getAk());
        assertThat(keys.secret()).isEqualTo(sdk.getSk());
        assertThat(keys.sessionToken().orElse(null)).isEqualTo(sdk.getSecurityToken());
    }

    @Test
    void theEmulatedMetadataReplyBindsAsTheSdkBindsItAndAsWeDo() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        EcsMetadataApi api = new EcsMetadataApi(new TemporaryKeys(KeyRing.of(Map.of()), "TMPAK", Duration.ofHours(1),
                clock), clock);
        try (Emulator emulator = Emulator.start(api)) {
            HttpTransport transport = emulator.inMemoryTransport(Duration.ofSeconds(5));
            URI base = URI.create("http://169.254.169.254/");
            String token = transport.send(HttpRequest.newBuilder("PUT", base.resolve("/meta-data/latest/api/token"))
                    .header("X-Metadata-Token-Ttl-Seconds", "21600").body(new byte[0]).build()).bodyText();
            String body = transport.send(HttpRequest.get(base.resolve("/openstack/latest/securitykey"))
                    .header("X-Metadata-Token", token).build()).bodyText();
            com.huaweicloud.sdk.core.internal.model.Credential sdk = JsonUtils.toObject(body,
                    CreateTemporaryAccessKeyInEcsResponse.class).getCredential();

            CredentialsProvider ours = HuaweiCredentials.defaultChain(SourceId.HUAWEI_IES, new SourceSettings(
                    Map.of("TASKLENS_METADATA_ENDPOINT_HUAWEI", base.toString()), Map.of(),
                    CredentialLookup.withMetadata(home, transport)), clock);
            Credentials keys = ours.credentials().orElseThrow();

            assertThat(keys.id()).isEqualTo(sdk.getAccess());
            assertThat(keys.secret()).isEqualTo(sdk.getSecret());
            assertThat(keys.sessionToken()).contains(sdk.getSecurityToken());
            assertThat(keys.expiry()).contains(Instant.ofEpochMilli(sdk.getExpiresAt()));
            assertThat(keys.expiry()).contains(now.plus(Duration.ofHours(1)));
            assertThat(ours.origin()).isEqualTo("instance role (ECS agency)");
        }
    }
}
