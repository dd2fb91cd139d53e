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
     * Where the credentials come from, for {@code tasklens sources} and for the error that says
     * none were found: {@code env}, {@code profile default (/home/me/.tencentcloud/credentials)},
     * {@code instance role NAME}. Never a key, a secret or a token.
     *
     * @return the origin; {@code given in code} unless the provider says more
     */
    default String origin() {
        return "given in code";
    }

    /**
     * What a resume token or a watch position is bound to, so that one account's token is refused
     * by another: the access key id, except for temporary keys, whose id changes each time they
     * are refreshed and which are bound to their stable origin (the instance role) instead.
     *
     * @return the binding, or empty when there are no credentials
     */
    default Optional<String> account() {
        return credentials().map(Credentials::id);
    }

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
        Optional<Credentials> found;
        String id = env.get(idVariable);
        String secret = env.get(secretVariable);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            found = Optional.empty();
        } else {
            Optional<String> token = tokenVariable.map(env::get);
            found = Optional.of(new Credentials(id.strip(), secret.strip(), token, Optional.empty()));
        }
        return new CredentialsProvider() {
            @Override
            public Optional<Credentials> credentials() {
                return found;
            }

            @Override
            public String origin() {
                return found.isPresent() ? "env" : idVariable + " and " + secretVariable + " unset";
            }

            @Override
            public String toString() {
                return "CredentialsProvider[" + origin() + "]";
            }
        };
    }
}
