package dev.tasklens.signing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One decoded query parameter, and the parser of a raw query string into them.
 *
 * @param name the decoded name
 * @param value the decoded value; empty for {@code name} and {@code name=}
 */
public record QueryParameter(String name, String value) {

    /**
     * Splits a raw query ({@code a=1&b=x%20y}) into decoded parameters, in order. Empty pieces
     * ({@code a=1&&b=2}) are skipped.
     *
     * @param rawQuery the query as sent, without {@code ?}; may be null for none
     * @param plusIsSpace whether {@code +} means a space
     * @return the parameters
     * @throws IllegalArgumentException if an escape is broken
     */
    public static List<QueryParameter> parse(String rawQuery, boolean plusIsSpace) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.emptyList();
        }
        List<QueryParameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                String piece = rawQuery.substring(start, end);
                int equals = piece.indexOf('=');
                String name = equals < 0 ? piece : piece.substring(0, equals);
                String value = equals < 0 ? "" : piece.substring(equals + 1);
                parameters.add(new QueryParameter(PercentEncoding.decode(name, plusIsSpace),
                        PercentEncoding.decode(value, plusIsSpace)));
            }
            start = end + 1;
        }
        return parameters;
    }
}
