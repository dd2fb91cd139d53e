package dev.tasklens.signing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One parameter of a raw query string, kept as index ranges into it, so that a signer can write
 * its canonical form straight from the raw text without decoding into intermediate strings.
 */
public final class QueryParameter {

    private final String raw;
    private final int nameStart;
    private final int nameEnd;
    private final int valueStart;
    private final int valueEnd;

    private QueryParameter(String raw, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        this.raw = raw;
        this.nameStart = nameStart;
        this.nameEnd = nameEnd;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
    }

    /**
     * Splits a raw query ({@code a=1&b=x%20y}) into its parameters, in order. Empty pieces
     * ({@code a=1&&b=2}) are skipped; {@code a} alone has an empty value.
     *
     * @param rawQuery the query as sent, without {@code ?}; may be null for none
     * @return the parameters
     */
    public static List<QueryParameter> split(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.emptyList();
        }
        List<QueryParameter> parameters = new ArrayList<>(4);
        int start = 0;
        int length = rawQuery.length();
        while (start <= length) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int equals = rawQuery.indexOf('=', start);
                if (equals < 0 || equals > end) {
                    parameters.add(new QueryParameter(rawQuery, start, end, end, end));
                } else {
                    parameters.add(new QueryParameter(rawQuery, start, equals, equals + 1, end));
                }
            }
            start = end + 1;
        }
        return parameters;
    }

    /**
     * The decoded name.
     *
     * @param plusIsSpace whether {@code +} means a space
     * @return the name
     * @throws IllegalArgumentException if an escape is broken
     */
    public String name(boolean plusIsSpace) {
        return PercentEncoding.decode(raw.substring(nameStart, nameEnd), plusIsSpace);
    }

    /**
     * The name in canonical encoding (decoded, then RFC 3986 encoded).
     *
     * @param plusIsSpace whether {@code +} means a space
     * @return the encoded name
     */
    public String encodedName(boolean plusIsSpace) {
        CanonicalBuilder out = new CanonicalBuilder(nameEnd - nameStart + 8);
        out.appendRecoded(raw, nameStart, nameEnd, plusIsSpace);
        return out.toString();
    }

    /**
     * Appends the value in canonical encoding (decoded, then RFC 3986 encoded).
     *
     * @param out where to append
     * @param plusIsSpace whether {@code +} means a space
     */
    public void appendEncodedValue(CanonicalBuilder out, boolean plusIsSpace) {
        out.appendRecoded(raw, valueStart, valueEnd, plusIsSpace);
    }
}
