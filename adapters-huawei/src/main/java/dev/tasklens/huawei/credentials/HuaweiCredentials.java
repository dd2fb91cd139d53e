package dev.tasklens.huawei.credentials;

import dev.tasklens.adapters.credentials.CredentialReplies;
import dev.tasklens.adapters.credentials.CredentialsChain;
import dev.tasklens.adapters.credentials.CredentialsChain.Lookup;
import dev.tasklens.adapters.credentials.ProfileFile;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsFileException;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.source.SourceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Huawei Cloud credentials chain for regional services, in the order of huaweicloud-sdk-core's
 * {@code CredentialProviderChain.getBasicCredentialProviderChain()} (3.1.192):
 *
 * <ol>
 *   <li>{@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK} and
 *       {@code HUAWEICLOUD_SDK_SECURITY_TOKEN};</li>
 *   <li>the profile file named by {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE}, else
 *       {@code ~/.huaweicloud/credentials}: section {@code [basic]}, keys {@code ak}, {@code sk} and
 *       {@code security_token}. A file that is there but malformed or without {@code [basic]} ak and
 *       sk is an error, as is a {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE} that names no file (the SDK
 *       would go on to the next link);</li>
 *   <li>the ECS metadata service ({@link EcsMetadataCredentials}), unless it is off.</li>
 * </ol>
 *
 * <p>The SDK's federated links ({@code idp_id} with {@code id_token_file}) and its CCE pod identity
 * are not followed. {@value #METADATA_ENDPOINT} moves the metadata service (tests, emulators).
 */
public final class HuaweiCredentials {

    /** Moves the ECS metadata service. */
    public static final String METADATA_ENDPOINT = "TASKLENS_METADATA_ENDPOINT_HUAWEI";
    /** Names the profile file, as the SDK reads it. */
    public static final String CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

    private HuaweiCredentials() {
    }

    /**
     * The chain for one source.
     *
     * @param source the source the credentials are for
     * @param settings the environment and where the chain may look beyond it
     * @param clock the clock expiry is judged by
     * @return the chain; nothing is read until credentials are first asked for
     */
    public static CredentialsProvider defaultChain(SourceId source, SourceSettings settings, Clock clock) {
        Map<String, String> environment = settings.environment();
        return CredentialsChain.of(List.of(
                () -> Lookup.of(CredentialsProvider.fromEnvironment(environment, "HUAWEICLOUD_SDK_AK",
                        "HUAWEICLOUD_SDK_SK",
                        Optional.of("HUAWEICLOUD_SDK_SECURITY_TOKEN"))),
                () -> fromProfile(environment, settings.credentialLookup().home()),
                () -> settings.credentialLookup().metadata()
                        .map(metadata -> EcsMetadataCredentials.find(source, metadata, CredentialReplies.endpoint(
                                environment, METADATA_ENDPOINT, EcsMetadataCredentials.METADATA), clock))
                        .orElseGet(() -> Lookup.nothing("ECS metadata service not asked (turned off)"))));
    }

    private static Lookup fromProfile(Map<String, String> environment, Path home) {
        Optional<String> named = Optional.ofNullable(environment.get(CREDENTIALS_FILE)).filter(path -> !path.isBlank());
        Path file = named.map(path -> Path.of(path.strip())).orElse(home.resolve(".huaweicloud").resolve("credentials"));
        Optional<ProfileFile> profile = ProfileFile.read(file);
        if (profile.isEmpty()) {
            if (named.isPresent()) {
                throw new CredentialsFileException(file, "no such file, yet " + CREDENTIALS_FILE + " names it");
            }
            return Lookup.nothing("no profile file (" + file + ")");
        }
        ProfileFile basic = profile.get();
        Credentials keys = new Credentials(basic.require("basic", "ak"), basic.require("basic", "sk"),
                basic.value("basic", "security_token"), Optional.empty());
        return Lookup.found(keys, "profile basic (" + file + ")");
    }
}
