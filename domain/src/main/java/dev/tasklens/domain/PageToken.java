package dev.tasklens.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Where a listing stopped, in a form that can be printed, stored and used to resume in another
 * process. Opaque to users: print it with {@link #value()} and read it back with {@link #parse}.
 *
 * <p>A token is bound to the query that produced it (a hash of its source, statuses, time window
 * and scope): {@link TaskQuery} refuses a token made by another query, so a resumed listing can
 * never return pages of a different list. The token is versioned and checksummed, so a token
 * that was cut or altered is refused with a clear message, never decoded into a wrong page.
 *
 * <p>Besides the provider's position it records how many items of that page were already
 * delivered, so a listing stopped in the middle of a page resumes with the next item: nothing
 * lost, nothing repeated.
 */
public final class PageToken {

    static final int FINGERPRINT_LENGTH = 16;
    private static final byte VERSION = 1;
    private static final byte START = 0;
    private static final byte TOKEN = 1;
    private static final byte OFFSET = 2;
    private static final int MAX_PROVIDER_TOKEN_BYTES = 16 * 1024;

    private final byte[] fingerprint;
    private final PagePosition position;
    private final long skip;
    private final String value;

    private PageToken(byte[] fingerprint, PagePosition position, long skip) {
        this.fingerprint = fingerprint;
        this.position = position;
        this.skip = skip;
        this.value = encode();
    }

    /**
     * A token for a position of a query's listing.
     *
     * @param query the query being listed
     * @param position where the page to resume with starts
     * @param skip how many items of that page were already delivered
     * @return the token
     * @throws IllegalArgumentException if {@code skip} is negative or the provider token is too long
     */
    public static PageToken of(TaskQuery query, PagePosition position, long skip) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(position, "position");
        if (skip < 0) {
            throw new IllegalArgumentException("skip cannot be negative, got " + skip);
        }
        return new PageToken(query.fingerprint(), position, skip);
    }

    /**
     * Reads a printed token.
     *
     * @param text the token as {@link #value()} printed it
     * @return the token
     * @throws InvalidQueryException if the text is not a whole, unaltered token of a known version
     */
    public static PageToken parse(String text) {
        Objects.requireNonNull(text, "token");
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw corrupted("it is not base64url text");
        }
        if (bytes.length < 1 + FINGERPRINT_LENGTH + 1 + 8 + 4) {
            throw corrupted("it is too short; was it cut when copied?");
        }
        // Every version ends with the CRC-32 of what precedes it, so damage is told apart from a new version.
        int bodyLength = bytes.length - 4;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bodyLength);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bodyLength, 4).getInt()) {
            throw corrupted("its checksum does not match; was it cut or altered when copied?");
        }
        if (bytes[0] != VERSION) {
            throw new InvalidQueryException("resume token version " + bytes[0] + " is not known to this tasklens"
                    + " version (it reads version " + VERSION + "); start the listing again without a token");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bodyLength - 1))) {
            byte[] fingerprint = in.readNBytes(FINGERPRINT_LENGTH);
            byte kind = in.readByte();
            PagePosition position;
            switch (kind) {
                case START -> position = PagePosition.start();
                case TOKEN -> {
                    int length = in.readInt();
                    if (length < 1 || length > MAX_PROVIDER_TOKEN_BYTES) {
                        throw corrupted("its provider token length " + length + " is out of range");
                    }
                    position = PagePosition.token(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                }
                case OFFSET -> position = PagePosition.offset(in.readLong());
                default -> throw corrupted("its position kind " + kind + " is unknown");
            }
            long skip = in.readLong();
            if (skip < 0 || in.available() != 0) {
                throw corrupted("its layout is inconsistent");
            }
            return new PageToken(fingerprint, position, skip);
        } catch (IOException | IllegalArgumentException e) {
            throw corrupted("its layout is inconsistent");
        }
    }

    private static InvalidQueryException corrupted(String why) {
        return new InvalidQueryException("the resume token is not valid: " + why
                + " Pass the token exactly as tasklens printed it, or start without one");
    }

    /**
     * Where the page to resume with starts.
     *
     * @return the provider position
     */
    public PagePosition position() {
        return position;
    }

    /**
     * How many items at the start of that page were already delivered and are skipped on resume.
     *
     * @return 0 when the page was not started
     */
    public long skip() {
        return skip;
    }

    /**
     * Whether this token was made by a listing of that query (same source, statuses, window and
     * scope).
     *
     * @param query a query
     * @return true when the token may resume it
     */
    public boolean isFor(TaskQuery query) {
        return matchesFingerprint(query.fingerprint());
    }

    boolean matchesFingerprint(byte[] other) {
        return Arrays.equals(fingerprint, other);
    }

    /**
     * The printable form: URL-safe base64, no padding.
     *
     * @return the token text
     */
    public String value() {
        return value;
    }

    private String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(fingerprint);
            if (position instanceof PagePosition.Token token) {
                byte[] text = token.value().getBytes(StandardCharsets.UTF_8);
                if (text.length > MAX_PROVIDER_TOKEN_BYTES) {
                    throw new IllegalArgumentException("provider token of " + text.length + " bytes is longer than "
                            + MAX_PROVIDER_TOKEN_BYTES);
                }
                out.writeByte(TOKEN);
                out.writeInt(text.length);
                out.write(text);
            } else if (position instanceof PagePosition.Offset offset) {
                out.writeByte(OFFSET);
                out.writeLong(offset.value());
            } else {
                out.writeByte(START);
            }
            out.writeLong(skip);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The printable form, as {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }
}
