package dev.tasklens.tencent.credentials;

import dev.tasklens.adapters.credentials.CredentialReplies;
import dev.tasklens.adapters.credentials.CredentialsChain;
import dev.tasklens.adapters.credentials.CredentialsChain.Lookup;
import dev.tasklens.adapters.credentials.ProfileFile;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.source.SourceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Tencent Cloud credentials chain, in the order of tencentcloud-sdk-java's
 * {@code DefaultCredentialsProvider} (3.1.1481):
 *
 * <ol>
 *   <li>{@code TENCENTCLOUD_SECRET_ID} and {@code TENCENTCLOUD_SECRET_KEY} (and
 *       {@code TENCENTCLOUD_SESSION_TOKEN}, which the SDK's link does not read);</li>
 *   <li>the profile file {@code ~/.tencentcloud/credentials}, else
 *       {@code /etc/tencentcloud/credentials}: section {@code [default]}, keys {@code secret_id} and
 *       {@code secret_key}. The SDK reads no other section: it has no {@code TENCENTCLOUD_PROFILE}.
 *       (On Linux and macOS the SDK looks at {@code /etc} first, because its check of the home file
 *       is written with Windows separators; the user's own file comes first here, as on Windows.)
 *       A file that is there but malformed, or lacks either key, is an error, not the next link;</li>
 *   <li>the CVM instance role ({@link CvmRoleCredentials}), unless the metadata service is off;</li>
 *   <li>the TKE web identity ({@link TkeWebIdentityCredentials}).</li>
 * </ol>
 *
 * <p>For tests and private clouds, {@value #METADATA_ENDPOINT} and {@value #STS_ENDPOINT} move the
 * metadata service and STS.
 */
public final class TencentCredentials {

    /** Moves the CVM metadata service (an emulator, a test). */
    public static final String METADATA_ENDPOINT = "TASKLENS_METADATA_ENDPOINT_TENCENT";
    /** Moves STS. */
    public static final String STS_ENDPOINT = "TASKLENS_STS_ENDPOINT_TENCENT";
    /** The profile file outside the home directory. */
    public static final Path SYSTEM_PROFILE = Path.of("/etc/tencentcloud/credentials");

    private TencentCredentials() {
    }

    /**
     * The chain for one source.
     *
     * @param source the source the credentials are for
     * @param settings the environment and where the chain may look beyond it
     * @param transport the listing's transport, for STS
     * @param clock the clock expiry is judged by
     * @return the chain; nothing is read until credentials are first asked for
     */
    public static CredentialsProvider defaultChain(SourceId source, SourceSettings settings, HttpTransport transport,
            Clock clock) {
        Map<String, String> environment = settings.environment();
        List<Path> profiles = List.of(settings.credentialLookup().home().resolve(".tencentcloud")
                .resolve("credentials"), SYSTEM_PROFILE);
        return CredentialsChain.of(List.of(
                () -> Lookup.of(CredentialsProvider.fromEnvironment(environment, "TENCENTCLOUD_SECRET_ID",
                        "TENCENTCLOUD_SECRET_KEY",
                        Optional.of("TENCENTCLOUD_SESSION_TOKEN"))),
                () -> fromProfile(profiles),
                () -> settings.credentialLookup().metadata()
                        .map(metadata -> CvmRoleCredentials.find(source, metadata,
                                CredentialReplies.endpoint(environment, METADATA_ENDPOINT, CvmRoleCredentials.METADATA), clock))
                        .orElseGet(() -> Lookup.nothing("CVM metadata service not asked (turned off)")),
                () -> TkeWebIdentityCredentials.find(source, environment, transport,
                        CredentialReplies.endpoint(environment, STS_ENDPOINT, TkeWebIdentityCredentials.STS), clock)));
    }

    private static Lookup fromProfile(List<Path> files) {
        for (Path file : files) {
            Optional<ProfileFile> profile = ProfileFile.read(file);
            if (profile.isPresent()) {
                Credentials keys = Credentials.of(profile.get().require("default", "secret_id"),
                        profile.get().require("default", "secret_key"));
                return Lookup.found(keys, "profile default (" + file + ")");
            }
        }
        return Lookup.nothing("no profile file (" + files.get(0) + ", " + files.get(1) + ")");
    }
}
