package dev.tasklens.signing;

import dev.tasklens.signing.internal.Crypto;
import dev.tasklens.signing.internal.Hex;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signer signs: method, absolute URI (raw path and query, exactly as they will be sent),
 * headers in order, and the body, or for a large or streamed body only its SHA-256.
 *
 * <p>Invalid input is refused when the request is built, before any signing: a relative URI, a
 * URI without host, a header name that is not an HTTP token, a header value with a line break,
 * or a payload hash that is not 64 hex digits.
 */
public final class SignableRequest {

    private final String method;
    private final URI uri;
    private final List<Header> headers;
    private final byte[] body;
    private final String payloadSha256;
    private volatile String bodySha256;

    private SignableRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.headers = List.copyOf(builder.headers);
        this.body = builder.body;
        this.payloadSha256 = builder.payloadSha256;
    }

    /**
     * One header line.
     *
     * @param name the name as given
     * @param value the value as given
     */
    public record Header(String name, String value) {
        /**
         * Checks the header can be sent and signed.
         *
         * @param name see the record component
         * @param value see the record component
         * @throws IllegalArgumentException if the name is not a token or the value has a line break
         */
        public Header {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, () -> "value of header " + name);
            if (!isToken(name)) {
                throw new IllegalArgumentException("header name '" + name + "' cannot be signed: it is not an HTTP"
                        + " token (RFC 9110 section 5.6.2); use letters, digits and -");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " cannot be signed: its value contains a line"
                        + " break");
            }
        }

        private static boolean isToken(String name) {
            if (name.isEmpty()) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= 32 || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method, such as {@code POST}
     * @param uri the absolute URI, raw path and query as they will be sent
     * @return a builder
     * @throws IllegalArgumentException if the method is blank or the URI is relative or has no host
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /**
     * The method, upper-case.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The absolute URI.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The raw path: {@code /} when the URI has none.
     *
     * @return the path as sent, still percent-encoded
     */
    public String rawPath() {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /**
     * The header lines, in order.
     *
     * @return the headers
     */
    public List<Header> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the name, in any case
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The value of the {@code Host} header as the transport will send it: the {@code Host}
     * header if given, else the URI's host with its port when the URI names one.
     *
     * @return the host
     */
    public String host() {
        return header("Host").orElseGet(() -> uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    }

    /**
     * The body bytes, when the body was given rather than its hash.
     *
     * @return a copy of the body; empty when only a payload hash was given
     */
    public Optional<byte[]> body() {
        return body == null ? Optional.empty() : Optional.of(body.clone());
    }

    /**
     * The SHA-256 of the body as lower-case hex: the precomputed one if given, else computed
     * once from the body (an absent body hashes as empty).
     *
     * @return 64 hex digits
     */
    public String payloadSha256() {
        if (payloadSha256 != null) {
            return payloadSha256;
        }
        String hash = bodySha256;
        if (hash == null) {
            hash = Hex.encode(Crypto.sha256(body == null ? new byte[0] : body));
            bodySha256 = hash;
        }
        return hash;
    }

    /**
     * The same request with one more header, for signers that add a header before signing it.
     *
     * @param name the name
     * @param value the value
     * @return a new request
     */
    public SignableRequest withHeader(String name, String value) {
        Builder builder = new Builder(method, uri);
        builder.headers.addAll(headers);
        builder.headers.add(new Header(name, value));
        builder.body = body;
        builder.payloadSha256 = payloadSha256;
        SignableRequest copy = new SignableRequest(builder);
        copy.bodySha256 = bodySha256;
        return copy;
    }

    /** Method, URI and header names; values of credential headers are never shown. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        headers.forEach(header -> names.add(header.name()));
        return method + " " + uri + " headers=" + names;
    }

    /** Builds a {@link SignableRequest}. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final List<Header> headers = new ArrayList<>();
        private byte[] body;
        private String payloadSha256;

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            if (method.isBlank() || !method.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException("HTTP method '" + method + "' is not a method name such as GET");
            }
            if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
                throw new IllegalArgumentException("cannot sign a request to '" + uri + "': the URI must be absolute"
                        + " with a host, such as https://mps.tencentcloudapi.com/");
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.uri = uri;
        }

        /**
         * Adds a header line.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(new Header(name, value));
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
            this.payloadSha256 = null;
            return this;
        }

        /**
         * Sets the body to UTF-8 text.
         *
         * @param text the body
         * @return this builder
         */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Gives only the body's SHA-256, for a body too large to hold or streamed.
         *
         * @param sha256Hex the hash, 64 hex digits
         * @return this builder
         * @throws IllegalArgumentException if the hash is not 64 hex digits
         */
        public Builder payloadSha256(String sha256Hex) {
            if (!Hex.isSha256(sha256Hex)) {
                throw new IllegalArgumentException("payload hash '" + sha256Hex + "' is not a SHA-256 in hex (64 digits"
                        + " 0-9a-f)");
            }
            this.payloadSha256 = sha256Hex.toLowerCase(Locale.ROOT);
            this.body = null;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         */
        public SignableRequest build() {
            return new SignableRequest(this);
        }
    }
}
