package dev.tasklens.ports.credentials;

import dev.tasklens.ports.http.HttpTransport;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a credentials chain may look at besides the environment variables: the home directory its
 * profile files are under, and the transport to reach a cloud's instance metadata service with.
 * Without that transport the chain never calls a metadata service (a machine outside the cloud,
 * {@code TASKLENS_NO_METADATA=1}); it must not go through a proxy, since the metadata address is
 * link-local, and it should give up quickly, since off the cloud nobody answers there.
 *
 * @param home the directory {@code ~/.tencentcloud} and {@code ~/.huaweicloud} are under
 * @param metadata the transport to the instance metadata services, or empty to never call them
 */
public record CredentialLookup(Path home, Optional<HttpTransport> metadata) {

    /**
     * Checks the parts.
     *
     * @param home see the record component
     * @param metadata see the record component
     */
    public CredentialLookup {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * Profile files under a home directory, and no metadata service.
     *
     * @param home the home directory
     * @return the lookup
     */
    public static CredentialLookup withoutMetadata(Path home) {
        return new CredentialLookup(home, Optional.empty());
    }

    /**
     * Profile files under a home directory, and the metadata services through a transport.
     *
     * @param home the home directory
     * @param metadata a transport without a proxy and with a short timeout
     * @return the lookup
     */
    public static CredentialLookup withMetadata(Path home, HttpTransport metadata) {
        return new CredentialLookup(home, Optional.of(Objects.requireNonNull(metadata, "metadata")));
    }

    /**
     * The user's home ({@code user.home}), and no metadata service.
     *
     * @return the lookup
     */
    public static CredentialLookup userHomeOnly() {
        return withoutMetadata(Path.of(System.getProperty("user.home")));
    }
}
