package dev.tasklens.signing.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding (encoding is {@link CanonicalBuilder}'s, which writes the canonical form
 * directly).
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8).
     *
     * @param text the encoded text
     * @param plusIsSpace whether {@code +} means a space (HTML form encoding) or itself (RFC 3986)
     * @return the decoded text
     * @throws IllegalArgumentException if an escape is incomplete or not hex
     */
    public static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        byte[] out = new byte[text.length() * 3];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("'" + text + "' ends in an incomplete %-escape");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("'" + text + "' has an invalid %-escape at position " + i);
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out[length++] = ' ';
            } else if (c < 0x80) {
                out[length++] = (byte) c;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, out, length, encoded.length);
                length += encoded.length;
                i = end - 1;
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }
}
