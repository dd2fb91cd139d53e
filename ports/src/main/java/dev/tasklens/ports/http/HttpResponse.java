package dev.tasklens.ports.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable HTTP response: status, headers and the whole body (already decoded from any
 * {@code Content-Encoding}).
 */
public final class HttpResponse {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    private HttpResponse(int status, HttpHeaders headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status " + status + " is outside 100..599");
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A response.
     *
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the body bytes (copied)
     * @return the response
     * @throws IllegalArgumentException if the status is outside 100..599
     */
    public static HttpResponse of(int status, HttpHeaders headers, byte[] body) {
        return new HttpResponse(status, headers, body);
    }

    /**
     * A response with a UTF-8 text body.
     *
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the body text
     * @return the response
     */
    public static HttpResponse of(int status, HttpHeaders headers, String body) {
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The status code.
     *
     * @return the status, such as 200
     */
    public int status() {
        return status;
    }

    /**
     * Whether the status is 2xx.
     *
     * @return true for 200..299
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
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
     * @return a copy of the body bytes
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the decoded body
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * When the server sent the reply: its {@code Date} header (RFC 9110 §6.6.1), which a provider
     * that refuses a stale signature is measured against.
     *
     * @return the time, unless the header is absent or not an HTTP date
     */
    public Optional<Instant> date() {
        return headers.firstValue("Date").flatMap(HttpResponse::httpDate);
    }

    /**
     * How long the server asked the client to wait: its {@code Retry-After} header (RFC 9110
     * §10.2.3), either delay-seconds or an HTTP date, the latter measured from the reply's
     * {@link #date()} or, without one, from {@code now}.
     *
     * @param now the local time, for an HTTP date in a reply without a {@code Date}
     * @return the wait (zero for a date already past), unless the header is absent or unreadable
     */
    public Optional<Duration> retryAfter(Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.matches("\\d{1,12}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        Instant base = date().orElse(now);
        return httpDate(text).map(at -> at.isAfter(base) ? Duration.between(base, at) : Duration.ZERO);
    }

    private static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse response && status == response.status
                && headers.equals(response.headers) && Arrays.equals(body, response.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** Status, headers (credential values hidden) and body length. */
    @Override
    public String toString() {
        return "HTTP " + status + " " + headers + " (" + body.length + " body bytes)";
    }
}
