package dev.tasklens.ports.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable HTTP request: method, absolute URI (raw path and query kept exactly as given, so
 * what was signed is what is sent), headers and body bytes.
 */
public final class HttpRequest {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final String method;
    private final URI uri;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Duration timeout;

    private HttpRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.headers = builder.headers.build();
        this.body = builder.body.clone();
        this.timeout = builder.timeout;
    }

    /**
     * Starts a GET request.
     *
     * @param uri the absolute {@code http} or {@code https} URI
     * @return a builder
     * @throws IllegalArgumentException if the URI is relative, has no host or another scheme
     */
    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    /**
     * Starts a POST request.
     *
     * @param uri the absolute {@code http} or {@code https} URI
     * @param body the body bytes
     * @return a builder
     * @throws IllegalArgumentException if the URI is relative, has no host or another scheme
     */
    public static Builder post(URI uri, byte[] body) {
        return new Builder("POST", uri).body(body);
    }

    /**
     * Starts a request with any method.
     *
     * @param method an HTTP method, such as {@code GET}
     * @param uri the absolute {@code http} or {@code https} URI
     * @return a builder
     * @throws IllegalArgumentException if the method is unknown or the URI unusable
     */
    public static Builder newBuilder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /**
     * A builder holding this request, to change a part of it (for example to add signature headers).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(method, uri);
        builder.headers = headers.toBuilder();
        builder.body = body;
        builder.timeout = timeout;
        return builder;
    }

    /**
     * How long the exchange may take, connection, headers and body together, when the caller
     * bounds it (a retry's share of its call's deadline); a transport uses the shorter of this and
     * its own timeout. Not part of what is sent, nor of {@link #equals}.
     *
     * @return the bound, if any
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The method.
     *
     * @return the upper-case method, such as {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The absolute URI.
     *
     * @return the URI, raw path and query as given
     */
    public URI uri() {
        return uri;
    }

    /**
     * The headers.
     *
     * @return the immutable headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The body.
     *
     * @return a copy of the body bytes; empty when there is none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body's length, without copying it.
     *
     * @return the number of body bytes
     */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequest request && method.equals(request.method) && uri.equals(request.uri)
                && headers.equals(request.headers) && Arrays.equals(body, request.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body));
    }

    /** Method, URI, headers (credential values hidden) and body length. */
    @Override
    public String toString() {
        return method + " " + uri + " " + headers + " (" + body.length + " body bytes)";
    }

    /** Builds an {@link HttpRequest}. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private HttpHeaders.Builder headers = HttpHeaders.builder();
        private byte[] body = new byte[0];
        private Duration timeout;

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            String upper = method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(upper)) {
                throw new IllegalArgumentException("HTTP method '" + method + "' is not one of " + METHODS);
            }
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("request URI '" + uri + "' must be absolute with a host, such as"
                        + " https://mps.tencentcloudapi.com/");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("request URI '" + uri + "' has scheme " + uri.getScheme()
                        + "; use https (or http for a local emulator)");
            }
            this.method = upper;
            this.uri = uri;
        }

        /**
         * Adds a header value.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Sets a header, replacing any values it had.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /**
         * Adds every header line of other headers.
         *
         * @param more the headers to add
         * @return this builder
         */
        public Builder headers(HttpHeaders more) {
            headers.addAll(more);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param bytes the body bytes (copied)
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "body").clone();
            return this;
        }

        /**
         * Sets the body to UTF-8 text.
         *
         * @param text the body text
         * @return this builder
         */
        public Builder body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Bounds how long the exchange may take.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive
         */
        public Builder timeout(Duration value) {
            Objects.requireNonNull(value, "timeout");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("a request timeout must be positive, got " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
