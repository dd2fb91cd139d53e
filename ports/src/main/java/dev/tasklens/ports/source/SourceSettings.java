package dev.tasklens.ports.source;

import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.CredentialLookup;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an application tells every adapter, whichever providers are on the class path: the
 * environment variables to read credentials and regions from, endpoint overrides per source
 * (an emulator, a regional host, a proxy), and where a credentials chain may look beyond the
 * variables (profile files, instance metadata).
 *
 * @param environment the variables, usually {@link System#getenv()}
 * @param endpoints where to send a source's requests instead of its default endpoint
 * @param credentialLookup the home directory and the metadata transport of the credentials chains
 */
public record SourceSettings(Map<String, String> environment, Map<SourceId, URI> endpoints,
        CredentialLookup credentialLookup) {

    /**
     * Freezes the maps.
     *
     * @param environment see the record component
     * @param endpoints see the record component
     * @param credentialLookup see the record component
     */
    public SourceSettings {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        endpoints = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        Objects.requireNonNull(credentialLookup, "credentialLookup");
    }

    /**
     * Settings whose credentials chains read profile files under {@code user.home} and never call
     * a metadata service.
     *
     * @param environment the variables
     * @param endpoints the endpoint overrides
     */
    public SourceSettings(Map<String, String> environment, Map<SourceId, URI> endpoints) {
        this(environment, endpoints, CredentialLookup.userHomeOnly());
    }

    /**
     * The process environment, no overrides, no metadata service.
     *
     * @return the settings
     */
    public static SourceSettings fromSystem() {
        return new SourceSettings(System.getenv(), Map.of());
    }

    /**
     * A source's endpoint override.
     *
     * @param source the source
     * @return the endpoint, if overridden
     */
    public Optional<URI> endpoint(SourceId source) {
        return Optional.ofNullable(endpoints.get(source));
    }

    /**
     * The names of the variables and the endpoints; never a variable's value, since the environment
     * holds the providers' secret keys.
     */
    @Override
    public String toString() {
        return "SourceSettings[environment=" + new java.util.TreeSet<>(environment.keySet()) + " (values hidden)"
                + ", endpoints=" + endpoints + ", " + credentialLookup + "]";
    }
}
