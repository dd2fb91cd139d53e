package dev.tasklens.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The result of signing: the headers to add to the request, and what was signed, so that a
 * {@code SignatureDoesNotMatch} can be debugged by comparing with the provider's own view.
 *
 * @param headers the headers to add, in a stable order (for example {@code Authorization},
 *     {@code X-TC-Timestamp}); unmodifiable
 * @param canonicalRequest the canonical request the scheme builds from the request
 * @param stringToSign the string whose HMAC is the signature
 */
public record Signature(Map<String, String> headers, String canonicalRequest, String stringToSign) {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-tc-token", "x-cls-token",
            "x-security-token", "x-bce-security-token");

    /**
     * Freezes the headers.
     *
     * @param headers see the record component
     * @param canonicalRequest see the record component
     * @param stringToSign see the record component
     */
    public Signature {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(canonicalRequest, "canonicalRequest");
        Objects.requireNonNull(stringToSign, "stringToSign");
    }

    /**
     * The {@code Authorization} header's value.
     *
     * @return the value
     * @throws IllegalStateException never for the signers of this module, which always add it
     */
    public String authorization() {
        String value = headers.get("Authorization");
        if (value == null) {
            throw new IllegalStateException("this signature has no Authorization header");
        }
        return value;
    }

    /**
     * The headers, with credential-bearing values hidden. The canonical request and the string to
     * sign are left out: where a scheme signs the session-token header they contain the token, so
     * they are shown only when asked for by name.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Signature[headers={");
        headers.forEach((name, value) -> {
            if (text.charAt(text.length() - 1) != '{') {
                text.append(", ");
            }
            text.append(name).append(": ")
                    .append(SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "***" : value);
        });
        return text.append("}]").toString();
    }
}
