package dev.tasklens.ports.credentials;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a source gets its credentials, asked before every request so that rotating or temporary
 * credentials are picked up.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * The credentials to sign the next request with.
     *
     * @return the credentials, or empty when none are configured
     */
    Optional<Credentials> credentials();

    /**
     * Always the same credentials.
     *
     * @param credentials the credentials
     * @return the provider
     */
    static CredentialsProvider of(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        Optional<Credentials> fixed = Optional.of(credentials);
        return () -> fixed;
    }

    /**
     * Credentials read from environment variables, such as {@code TENCENTCLOUD_SECRET_ID} and
     * {@code TENCENTCLOUD_SECRET_KEY}. Empty when the id or the secret variable is unset or blank.
     *
     * @param environment the variables, usually {@link System#getenv()}
     * @param idVariable the variable holding the access key id
     * @param secretVariable the variable holding the secret key
     * @param tokenVariable the variable holding a session token, if the provider has one
     * @return the provider
     */
    static CredentialsProvider fromEnvironment(Map<String, String> environment, String idVariable,
            String secretVariable, Optional<String> tokenVariable) {
        Map<String, String> env = Map.copyOf(environment);
        return () -> {
            String id = env.get(idVariable);
            String secret = env.get(secretVariable);
            if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
                return Optional.empty();
            }
            Optional<String> token = tokenVariable.map(env::get);
            return Optional.of(new Credentials(id.strip(), secret.strip(), token, Optional.empty()));
        };
    }
}
