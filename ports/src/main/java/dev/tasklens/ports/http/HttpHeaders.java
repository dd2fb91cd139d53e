package dev.tasklens.ports.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable HTTP headers: names compared without regard to case, several values per name,
 * insertion order kept. {@link #toString()} shows the values of headers known to be harmless only
 * ({@code Host}, {@code Content-Type}, the providers' action, version, date and request-id headers)
 * and hides every other value, an unknown header's included, so headers can be logged safely.
 */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());
    /** The headers whose values are shown: none of them carries a credential. */
    private static final Set<String> HARMLESS = Set.of("accept", "accept-encoding", "cache-control", "connection",
            "content-encoding", "content-length", "content-md5", "content-type", "date", "expect", "host",
            "retry-after", "server", "transfer-encoding", "user-agent", "x-bce-content-sha256", "x-bce-date",
            "x-bce-request-id", "x-cls-requestid", "x-date", "x-project-id", "x-request-id", "x-sdk-content-sha256",
            "x-sdk-date", "x-tc-action", "x-tc-language", "x-tc-region", "x-tc-requestclient", "x-tc-timestamp",
            "x-tc-version", "x-traceid", "x-user-id");

    private final List<Header> entries;

    private HttpHeaders(List<Header> entries) {
        this.entries = entries;
    }

    /**
     * One header line.
     *
     * @param name the name as given
     * @param value the value as given
     */
    public record Header(String name, String value) {
        /**
         * Checks that the name is a valid token and the value has no line break.
         *
         * @param name see the record component
         * @param value see the record component
         * @throws IllegalArgumentException if the header could not be sent as given
         */
        public Header {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, () -> "value of header " + name);
            if (name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
                throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP token"
                        + " (RFC 9110 section 5.1); use letters, digits and -");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("the value of header " + name + " contains a line break, which"
                        + " HTTP does not allow; remove it");
            }
        }

        private static boolean isTokenChar(int c) {
            return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }

    /**
     * No headers.
     *
     * @return the empty headers
     */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Headers from name/value pairs.
     *
     * @param namesAndValues name, value, name, value, ...
     * @return the headers
     * @throws IllegalArgumentException if the count is odd or a header is invalid
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs, got " + namesAndValues.length
                    + " strings");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /**
     * Starts empty headers.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /**
     * A builder holding these headers, to add or replace some.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(entries);
    }

    /**
     * The first value of a header.
     *
     * @param name the name, in any case
     * @return the value, if the header is present
     */
    public Optional<String> firstValue(String name) {
        for (Header header : entries) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Every value of a header, in order.
     *
     * @param name the name, in any case
     * @return the values; empty if absent
     */
    public List<String> allValues(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : entries) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Whether a header is present.
     *
     * @param name the name, in any case
     * @return true if it has at least one value
     */
    public boolean contains(String name) {
        return firstValue(name).isPresent();
    }

    /**
     * The distinct names, in first-seen order and first-seen spelling.
     *
     * @return the names
     */
    public Set<String> names() {
        Map<String, String> byLower = new TreeMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Header header : entries) {
            if (byLower.putIfAbsent(header.name().toLowerCase(Locale.ROOT), header.name()) == null) {
                names.add(header.name());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Every header line, in order.
     *
     * @return the lines
     */
    public List<Header> entries() {
        return entries;
    }

    /**
     * The headers as a map whose keys compare without regard to case.
     *
     * @return an unmodifiable map of name to values
     */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : entries) {
            map.computeIfAbsent(header.name(), key -> new ArrayList<>()).add(header.value());
        }
        map.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(map);
    }

    /**
     * Whether a header's value must not be shown: every header but those known to be harmless. An
     * unknown header counts as sensitive, since only its sender knows what it carries.
     *
     * @param name the name, in any case
     * @return false only for the headers known to carry no credential
     */
    public static boolean isSensitive(String name) {
        return !HARMLESS.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpHeaders headers && normalized().equals(headers.normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    private List<Header> normalized() {
        List<Header> lower = new ArrayList<>(entries.size());
        for (Header header : entries) {
            lower.add(new Header(header.name().toLowerCase(Locale.ROOT), header.value()));
        }
        return lower;
    }

    /** The headers, every value not known to be harmless replaced by {@code ***}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (Header header : entries) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(header.name()).append(": ").append(isSensitive(header.name()) ? "***" : header.value());
        }
        return text.append('}').toString();
    }

    /** Builds {@link HttpHeaders}. Not thread-safe. */
    public static final class Builder {
        private final List<Header> entries;

        private Builder(List<Header> start) {
            this.entries = new ArrayList<>(start);
        }

        /**
         * Adds a value, keeping the values already there.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, String value) {
            entries.add(new Header(name, value));
            return this;
        }

        /**
         * Sets a header, replacing every value it had.
         *
         * @param name the name, in any case
         * @param value the new value
         * @return this builder
         */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /**
         * Removes every value of a header.
         *
         * @param name the name, in any case
         * @return this builder
         */
        public Builder remove(String name) {
            entries.removeIf(header -> header.name().equalsIgnoreCase(name));
            return this;
        }

        /**
         * Adds every header line of other headers.
         *
         * @param headers the headers to add
         * @return this builder
         */
        public Builder addAll(HttpHeaders headers) {
            entries.addAll(headers.entries());
            return this;
        }

        /**
         * Builds the headers.
         *
         * @return the immutable headers
         */
        public HttpHeaders build() {
            return entries.isEmpty() ? EMPTY : new HttpHeaders(List.copyOf(entries));
        }
    }
}
