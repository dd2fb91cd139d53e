package dev.tasklens.adapters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A request's query string, built in order: each value percent-encoded as RFC 3986 asks (a space
 * is {@code %20}, not the form encoding's {@code +}, which the Huawei and Baidu gateways would
 * read, and sign, differently). Names are the adapter's own literals and go as written; a name
 * may repeat ({@code status=1&status=2}).
 */
public final class QueryString {

    private final StringBuilder text = new StringBuilder();

    private QueryString() {
    }

    /**
     * An empty query string.
     *
     * @return the builder
     */
    public static QueryString create() {
        return new QueryString();
    }

    /**
     * Adds one parameter.
     *
     * @param name the parameter's name, as the provider spells it
     * @param value its value; {@code toString()} of a number, encoded
     * @return this query string
     */
    public QueryString add(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (text.length() > 0) {
            text.append('&');
        }
        text.append(name).append('=').append(encode(value.toString()));
        return this;
    }

    /**
     * One value, percent-encoded.
     *
     * @param value any text
     * @return the encoded text
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The query string, without the leading {@code ?}. */
    @Override
    public String toString() {
        return text.toString();
    }
}
