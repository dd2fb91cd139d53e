package dev.tasklens.tencent.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.provider.ProfileCredentialsProvider;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.CredentialLookup;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.source.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile link reads what the official SDK's {@code ProfileCredentialsProvider} reads from the
 * same {@code ~/.tencentcloud/credentials}: the SDK on the test class path is pointed at the file
 * through {@code user.home}, as it finds it, and both must give the same SecretId and SecretKey.
 */
class ProfileAgreesWithTheSdkTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {
        "[default]\nsecret_id = AKIDprofile0001\nsecret_key = key0001\n",
        "[default]\nsecret_id=AKIDprofile0002\nsecret_key=key0002\n",
        "# comment\n; another\n\n[other]\nsecret_id = AKIDother\nsecret_key = other\n\n[default]\n"
                + "secret_id = AKIDprofile0003\nsecret_key = key0003\n",
        "[default]\n  secret_id   =   AKIDprofile0004  \nsecret_key\t=\tkey0004\nregion = ap-guangzhou\n",
    })
    void bothReadTheSameKeys(String text) throws Exception {
        Path file = home.resolve(".tencentcloud").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);

        String before = System.getProperty("user.home");
        Credential sdk;
        System.setProperty("user.home", home.toString());
        try {
            sdk = new ProfileCredentialsProvider().getCredentials();
        } finally {
            System.setProperty("user.home", before);
        }
        CredentialsProvider ours = TencentCredentials.defaultChain(SourceId.TENCENT_MPS, new SourceSettings(Map.of(),
                Map.of(), CredentialLookup.withoutMetadata(home)), request -> {
                    throw new AssertionError("no request expected");
                }, Clock.systemUTC());
        Credentials keys = ours.credentials().orElseThrow();

        assertThat(keys.id()).isEqualTo(sdk.getSecretId());
        assertThat(keys.secret()).isEqualTo(sdk.getSecretKey());
        assertThat(ours.origin()).isEqualTo("profile default (" + file + ")");
    }
}
