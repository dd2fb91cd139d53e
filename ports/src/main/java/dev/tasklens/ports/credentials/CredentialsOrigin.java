package dev.tasklens.ports.credentials;

import java.util.Objects;

/**
 * Whether a source found credentials, and where: {@code env},
 * {@code profile default (/home/me/.tencentcloud/credentials)}, {@code instance role NAME}; or,
 * when it found none, where it looked. Never a key, a secret or a token.
 *
 * @param found whether credentials were found
 * @param description where they came from, or where the source looked
 */
public record CredentialsOrigin(boolean found, String description) {

    /**
     * Checks the description.
     *
     * @param found see the record component
     * @param description see the record component
     */
    public CredentialsOrigin {
        Objects.requireNonNull(description, "description");
    }

    /**
     * What a provider finds, looking now if it has not yet.
     *
     * @param provider the provider
     * @return found with the provider's origin when it gives credentials; not found with where it looked
     * @throws CredentialsFileException if a credentials file is there but cannot be used
     */
    public static CredentialsOrigin of(CredentialsProvider provider) {
        boolean found = provider.credentials().isPresent();
        return new CredentialsOrigin(found, provider.origin());
    }

    /**
     * For an adapter that does not say.
     *
     * @return not found, "not reported by this adapter"
     */
    public static CredentialsOrigin notReported() {
        return new CredentialsOrigin(false, "not reported by this adapter");
    }

    /** The description. */
    @Override
    public String toString() {
        return description;
    }
}
