package dev.tasklens.signing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Builds a canonical request directly as UTF-8 bytes: what gets hashed is the buffer itself, and
 * the text form is made once, for {@link dev.tasklens.signing.Signature}. Canonical requests are
 * almost all ASCII, which this writes a byte at a time without the per-call checks of a
 * {@link StringBuilder}. Not thread-safe; one per signature.
 */
public final class CanonicalBuilder {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['~'] = true;
    }

    private byte[] buffer;
    private int length;
    private boolean ascii = true;

    /**
     * An empty builder.
     *
     * @param capacity the expected length in bytes
     */
    public CanonicalBuilder(int capacity) {
        this.buffer = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    /**
     * Appends one character (UTF-8 if not ASCII).
     *
     * @param c the character
     * @return this builder
     */
    public CanonicalBuilder append(char c) {
        if (c < 0x80) {
            ensure(1);
            buffer[length++] = (byte) c;
            return this;
        }
        return appendUtf8(String.valueOf(c));
    }

    /**
     * Appends text as it is (UTF-8).
     *
     * @param text the text
     * @return this builder
     */
    public CanonicalBuilder append(CharSequence text) {
        return append(text, 0, text.length());
    }

    /**
     * Appends part of a text as it is (UTF-8).
     *
     * @param text the text
     * @param from the first index
     * @param to the index after the last
     * @return this builder
     */
    public CanonicalBuilder append(CharSequence text, int from, int to) {
        String string = text.toString();
        ensure(to - from);
        byte[] out = buffer;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = string.charAt(i);
            if (c >= 0x80) {
                length = at;
                return appendUtf8(string.substring(i, to));
            }
            out[at++] = (byte) c;
        }
        length = at;
        return this;
    }

    /**
     * Appends a number in decimal.
     *
     * @param number the number
     * @return this builder
     */
    public CanonicalBuilder append(long number) {
        return append(Long.toString(number));
    }

    private CanonicalBuilder appendUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        ascii = false;
        return this;
    }

    /**
     * Appends text percent-encoded: RFC 3986 unreserved characters as they are, every other
     * UTF-8 byte as {@code %XX} with upper-case hex.
     *
     * @param text the text
     * @param keepSlash whether {@code /} stays as it is (for paths)
     * @return this builder
     */
    public CanonicalBuilder appendEncoded(CharSequence text, boolean keepSlash) {
        return appendEncoded(text, 0, text.length(), keepSlash);
    }

    /**
     * Appends part of a text percent-encoded.
     *
     * @param text the text
     * @param from the first index
     * @param to the index after the last
     * @param keepSlash whether {@code /} stays as it is (for paths)
     * @return this builder
     */
    public CanonicalBuilder appendEncoded(CharSequence text, int from, int to, boolean keepSlash) {
        String string = text.toString();
        // Room for the worst ASCII case (every character escaped); non-ASCII grows as needed.
        ensure(3 * (to - from));
        byte[] out = buffer;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = string.charAt(i);
            if (c < 0x80) {
                if (UNRESERVED[c] || keepSlash && c == '/') {
                    out[at++] = (byte) c;
                } else {
                    out[at++] = '%';
                    out[at++] = HEX[c >> 4];
                    out[at++] = HEX[c & 0xF];
                }
            } else {
                length = at;
                int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
                for (byte b : string.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(b & 0xFF);
                }
                ensure(3 * (to - end));
                out = buffer;
                at = length;
                i = end - 1;
            }
        }
        length = at;
        return this;
    }

    /**
     * Appends a raw (already percent-encoded) component in canonical encoding, as if it were
     * decoded and then encoded with {@link #appendEncoded(CharSequence, boolean)}.
     *
     * @param raw the raw text
     * @param from the first index
     * @param to the index after the last
     * @param plusIsSpace whether {@code +} means a space
     * @return this builder
     * @throws IllegalArgumentException if an escape is incomplete or not hex
     */
    public CanonicalBuilder appendRecoded(String raw, int from, int to, boolean plusIsSpace) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw new IllegalArgumentException("'" + raw.substring(from, to) + "' ends in an incomplete %-escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("'" + raw.substring(from, to) + "' has an invalid %-escape");
                }
                int b = high << 4 | low;
                if (b < 0x80 && UNRESERVED[b]) {
                    ensure(1);
                    buffer[length++] = (byte) b;
                } else {
                    appendEscape(b);
                }
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                appendEscape(' ');
            } else if (c < 0x80 && UNRESERVED[c]) {
                ensure(1);
                buffer[length++] = (byte) c;
            } else {
                appendEncoded(raw, i, i + (Character.isHighSurrogate(c) && i + 1 < to ? 2 : 1), false);
                if (Character.isHighSurrogate(c) && i + 1 < to) {
                    i++;
                }
            }
        }
        return this;
    }

    private void appendEscape(int b) {
        ensure(3);
        buffer[length++] = '%';
        buffer[length++] = HEX[b >> 4];
        buffer[length++] = HEX[b & 0xF];
    }

    /**
     * Empties the builder to build another text in the same buffer.
     *
     * @return this builder
     */
    public CanonicalBuilder reset() {
        length = 0;
        ascii = true;
        return this;
    }

    /**
     * Feeds the bytes built so far to a MAC and returns the MAC.
     *
     * @param mac an initialised MAC
     * @return the MAC of the bytes
     */
    public byte[] macOf(javax.crypto.Mac mac) {
        mac.update(buffer, 0, length);
        return mac.doFinal();
    }

    /**
     * Feeds the bytes built so far to a digest.
     *
     * @param digest the digest
     */
    public void updateDigest(MessageDigest digest) {
        digest.update(buffer, 0, length);
    }

    /**
     * The number of bytes built so far.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /** The text built so far. */
    @Override
    public String toString() {
        return new String(buffer, 0, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
