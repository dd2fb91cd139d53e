package dev.tasklens.adapters;

import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Resilience;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What every provider source is built from: credentials, a transport, the resilience its
 * requests run through, an optional endpoint and the clock. The sources' builders add their own
 * parts.
 *
 * @param <B> the concrete builder
 */
public abstract class SourceBuilder<B extends SourceBuilder<B>> {

    private CredentialsProvider credentials;
    private HttpTransport transport;
    private Resilience resilience;
    private Optional<URI> endpoint = Optional.empty();
    private Clock clock = Clock.systemUTC();

    /** For the sources' builders. */
    protected SourceBuilder() {
    }

    /**
     * This builder, typed.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Sets where the credentials come from.
     *
     * @param provider the provider
     * @return this builder
     */
    public B credentials(CredentialsProvider provider) {
        this.credentials = Objects.requireNonNull(provider, "credentials");
        return self();
    }

    /**
     * Sets the HTTP transport.
     *
     * @param httpTransport the transport
     * @return this builder
     */
    public B transport(HttpTransport httpTransport) {
        this.transport = Objects.requireNonNull(httpTransport, "transport");
        return self();
    }

    /**
     * Sets the retry, rate-limit and clock-skew handling.
     *
     * @param value the resilience
     * @return this builder
     */
    public B resilience(Resilience value) {
        this.resilience = Objects.requireNonNull(value, "resilience");
        return self();
    }

    /**
     * Sends the source's requests to this endpoint (an emulator, a regional host, a proxy).
     *
     * @param uri the endpoint
     * @return this builder
     */
    public B endpoint(URI uri) {
        this.endpoint = Optional.of(Objects.requireNonNull(uri, "endpoint"));
        return self();
    }

    /**
     * The clock the source reads the time with: a throttling reply's {@code Retry-After} given as
     * a date, and where a source needs one, the default window (CLS: the last three days).
     *
     * @param value the clock; the system's UTC clock by default
     * @return this builder
     */
    public B clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /**
     * The clock set.
     *
     * @return the clock, the system's UTC clock unless one was set
     */
    protected Clock clock() {
        return clock;
    }

    /**
     * The endpoint set.
     *
     * @return the endpoint, if one was set
     */
    protected Optional<URI> endpoint() {
        return endpoint;
    }

    /**
     * The credentials set.
     *
     * @return the provider
     * @throws NullPointerException saying to set it
     */
    protected CredentialsProvider credentials() {
        return Objects.requireNonNull(credentials, "credentials: call credentials(...)");
    }

    /**
     * The transport set.
     *
     * @return the transport
     * @throws NullPointerException saying to set it
     */
    protected HttpTransport transport() {
        return Objects.requireNonNull(transport, "transport: call transport(...)");
    }

    /**
     * The resilience set.
     *
     * @return the resilience
     * @throws NullPointerException saying to set it
     */
    protected Resilience resilience() {
        return Objects.requireNonNull(resilience, "resilience: call resilience(...)");
    }
}
