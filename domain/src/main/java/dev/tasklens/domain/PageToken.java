package dev.tasklens.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a listing stopped, in a form that can be printed, stored and used to resume in another
 * process. Opaque to users: print it with {@link #value()} and read it back with {@link #parse}.
 *
 * <p>A listing split into {@linkplain Partition partitions} that were paged at the same time
 * records where each partition stands ({@link #partitions()}): each one's slice, statuses and term as
 * they were planned, and its next page, so a resumed listing goes on with the very same
 * partitions, even when its window was open and time has moved on.
 *
 * <p>A token is bound to the query that produced it (a hash of its source, statuses, time window
 * and scope): {@link TaskQuery} refuses a token made by another query, so a resumed listing can
 * never return pages of a different list. It is also bound to where the listing ran (the source's
 * endpoint and account, {@link TokenSeal}), so it cannot be replayed against another account. It
 * is versioned and checksummed, or signed with HMAC-SHA256 when the listing has a token key, so a
 * token that was cut, altered or forged is refused with a clear message, never decoded into a
 * wrong page.
 *
 * <p>Besides the provider's position it records how many items of that page were already
 * delivered, and the page size they were counted in, so a listing stopped in the middle of a page
 * resumes with the next item: nothing lost, nothing repeated.
 */
public final class PageToken {

    static final int FINGERPRINT_LENGTH = 16;
    private static final byte VERSION = 4;
    private static final byte FLAG_KEYED = 1;
    private static final byte START = 0;
    private static final byte TOKEN = 1;
    private static final byte OFFSET = 2;
    private static final byte FINISHED = 3;
    /** The most partitions a token records. */
    public static final int MAX_PARTITIONS = 4096;
    private static final int CRC_LENGTH = 4;
    private static final int MAC_LENGTH = 32;
    /** The longest provider token a resume token carries. */
    public static final int MAX_PROVIDER_TOKEN_BYTES = 16 * 1024;

    private final byte[] fingerprint;
    private final byte[] binding;
    private final List<PartitionPosition> partitions;
    private final int pageSize;
    private final boolean keyed;
    private final byte[] body;
    private final byte[] seal;
    private final String value;

    private PageToken(byte[] fingerprint, byte[] binding, List<PartitionPosition> partitions, int pageSize,
            boolean keyed, byte[] body, byte[] seal) {
        this.fingerprint = fingerprint;
        this.binding = binding;
        this.partitions = List.copyOf(partitions);
        this.pageSize = pageSize;
        this.keyed = keyed;
        this.body = body;
        this.seal = seal;
        byte[] whole = Arrays.copyOf(body, body.length + seal.length);
        System.arraycopy(seal, 0, whole, body.length, seal.length);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(whole);
    }

    /**
     * A token for a position of a query's listing, bound to nothing else and checksummed.
     *
     * @param query the query being listed
     * @param position where the page to resume with starts
     * @param skip how many items of that page were already delivered
     * @return the token
     * @throws IllegalArgumentException if {@code skip} is negative or the provider token is too long
     */
    public static PageToken of(TaskQuery query, PagePosition position, long skip) {
        return of(query, position, skip, OptionalInt.empty(), TokenSeal.none());
    }

    /**
     * A token for a position of a query's listing.
     *
     * @param query the query being listed
     * @param position where the page to resume with starts
     * @param skip how many items of that page were already delivered
     * @param pageSize the page size the skip was counted in, if the listing set one
     * @param seal what the token is bound to and how it is protected
     * @return the token
     * @throws IllegalArgumentException if {@code skip} is negative or the provider token is longer
     *     than {@link #MAX_PROVIDER_TOKEN_BYTES}
     */
    public static PageToken of(TaskQuery query, PagePosition position, long skip, OptionalInt pageSize,
            TokenSeal seal) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(position, "position");
        if (skip < 0) {
            throw new IllegalArgumentException("skip cannot be negative, got " + skip);
        }
        return of(query, List.of(PartitionPosition.at(Partition.whole(query), position, skip)), pageSize, seal);
    }

    /**
     * A token for a listing split into partitions: where each partition stands.
     *
     * @param query the query being listed
     * @param partitions every partition of the listing, finished or not, in the listing's order
     * @param pageSize the page size the skips were counted in, if the listing set one
     * @param seal what the token is bound to and how it is protected
     * @return the token
     * @throws IllegalArgumentException if no partition remains to be read, there are more than
     *     {@link #MAX_PARTITIONS}, or a provider token is longer than {@link #MAX_PROVIDER_TOKEN_BYTES}
     */
    public static PageToken of(TaskQuery query, List<PartitionPosition> partitions, OptionalInt pageSize,
            TokenSeal seal) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(seal, "seal");
        List<PartitionPosition> parts = List.copyOf(partitions);
        if (parts.stream().allMatch(PartitionPosition::isFinished)) {
            throw new IllegalArgumentException("a resume token needs a partition that has not been read to its end");
        }
        if (parts.size() > MAX_PARTITIONS) {
            throw new IllegalArgumentException("a resume token records at most " + MAX_PARTITIONS + " partitions, got "
                    + parts.size());
        }
        byte[] fingerprint = query.fingerprint();
        byte[] binding = seal.binding();
        int size = pageSize.orElse(0);
        byte[] body = encode(fingerprint, binding, parts, size, seal.isKeyed());
        return new PageToken(fingerprint, binding, parts, size, seal.isKeyed(), body, protect(body, seal));
    }

    /**
     * Reads a printed token. Its binding and, for a keyed token, its signature are checked when a
     * listing uses it ({@link #checkSeal}).
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
            throw corrupted("it is not base64url text; was it cut or altered when copied?");
        }
        if (bytes.length < 2 + FINGERPRINT_LENGTH + CRC_LENGTH) {
            throw corrupted("it is too short; was it cut when copied?");
        }
        if (bytes[0] != VERSION) {
            if (bytes[0] == 1 && crcMatches(bytes, bytes.length - CRC_LENGTH)) {
                throw new InvalidQueryException("this resume token was made by an earlier tasklens version, whose"
                        + " tokens could not resume every listing exactly; start the listing again without it");
            }
            boolean whole = bytes[1] == FLAG_KEYED || (bytes[1] == 0 && crcMatches(bytes, bytes.length - CRC_LENGTH));
            if (bytes[0] == 2 && whole) {
                throw new InvalidQueryException("this resume token was made by an earlier tasklens version, which"
                        + " listed one partition at a time; its position cannot be carried over to a listing whose"
                        + " partitions are paged at once. Start the listing again without it");
            }
            if (bytes[0] == 3 && whole) {
                throw new InvalidQueryException("this resume token was made by an earlier tasklens version, which"
                        + " kept some sources' status requests inside their page tokens; its position cannot be"
                        + " carried over. Start the listing again without it");
            }
            throw corrupted("its version " + bytes[0] + " is not one this tasklens reads (" + VERSION
                    + "); was it cut or altered when copied?");
        }
        boolean keyed = (bytes[1] & FLAG_KEYED) != 0;
        int sealLength = keyed ? MAC_LENGTH : CRC_LENGTH;
        int bodyLength = bytes.length - sealLength;
        if (bodyLength < 2 + FINGERPRINT_LENGTH + TokenSeal.BINDING_LENGTH + 4 + 4 + 4 + 1 + 1 + 1) {
            throw corrupted("it is too short; was it cut when copied?");
        }
        if (!keyed && !crcMatches(bytes, bodyLength)) {
            throw corrupted("its checksum does not match; was it cut or altered when copied?");
        }
        byte[] body = Arrays.copyOf(bytes, bodyLength);
        byte[] seal = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, 2, bodyLength - 2))) {
            byte[] fingerprint = in.readNBytes(FINGERPRINT_LENGTH);
            byte[] binding = in.readNBytes(TokenSeal.BINDING_LENGTH);
            int pageSize = in.readInt();
            int count = in.readInt();
            if (pageSize < 0 || count < 1 || count > MAX_PARTITIONS) {
                throw corrupted("its layout is inconsistent.");
            }
            List<PartitionPosition> partitions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                partitions.add(readPartition(in));
            }
            if (in.available() != 0 || partitions.stream().allMatch(PartitionPosition::isFinished)) {
                throw corrupted("its layout is inconsistent.");
            }
            return new PageToken(fingerprint, binding, partitions, pageSize, keyed, body, seal);
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw corrupted("its layout is inconsistent.");
        }
    }

    private static PartitionPosition readPartition(DataInputStream in) throws IOException {
        int mask = in.readInt();
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            if ((mask & (1 << status.ordinal())) != 0) {
                statuses.add(status);
                mask &= ~(1 << status.ordinal());
            }
        }
        if (mask != 0) {
            throw corrupted("it names a status this tasklens does not know.");
        }
        Optional<Instant> from = readInstant(in);
        Optional<Instant> to = readInstant(in);
        Optional<String> term = Optional.empty();
        byte hasTerm = in.readByte();
        if (hasTerm != 0 && hasTerm != 1) {
            throw corrupted("its layout is inconsistent.");
        }
        if (hasTerm == 1) {
            String text = in.readUTF();
            if (text.isEmpty() || text.length() > Partition.MAX_TERM_LENGTH) {
                throw corrupted("its layout is inconsistent.");
            }
            term = Optional.of(text);
        }
        Partition partition = new Partition(statuses, from, to, term);
        byte kind = in.readByte();
        PagePosition position;
        switch (kind) {
            case FINISHED -> {
                return PartitionPosition.finished(partition);
            }
            case START -> position = PagePosition.start();
            case TOKEN -> {
                int length = in.readInt();
                if (length < 1 || length > MAX_PROVIDER_TOKEN_BYTES) {
                    throw corrupted("its provider token length " + length + " is out of range.");
                }
                position = PagePosition.token(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            case OFFSET -> position = PagePosition.offset(in.readLong());
            default -> throw corrupted("its position kind " + kind + " is unknown.");
        }
        long skip = in.readLong();
        if (skip < 0) {
            throw corrupted("its layout is inconsistent.");
        }
        return PartitionPosition.at(partition, position, skip);
    }

    private static Optional<Instant> readInstant(DataInputStream in) throws IOException {
        if (in.readByte() == 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }

    private static void writeInstant(DataOutputStream out, Optional<Instant> at) throws IOException {
        out.writeByte(at.isPresent() ? 1 : 0);
        if (at.isPresent()) {
            out.writeLong(at.get().getEpochSecond());
            out.writeInt(at.get().getNano());
        }
    }

    private static InvalidQueryException corrupted(String why) {
        return new InvalidQueryException("the resume token is not valid: " + why
                + " Pass the token exactly as tasklens printed it, or start without one");
    }

    /**
     * Checks that this token was made where a listing runs now, and, for a keyed listing, signed
     * with its key.
     *
     * @param expected the listing's seal
     * @param source the source, named in the error
     * @throws InvalidQueryException if the token belongs to another endpoint or account, or its
     *     signature is missing or wrong
     */
    public void checkSeal(TokenSeal expected, SourceId source) {
        Objects.requireNonNull(expected, "seal");
        if (expected.isKeyed() != keyed) {
            throw new InvalidQueryException(source, keyed
                    ? "the resume token was signed with a token key, and this listing has none; resume it where it"
                            + " was made"
                    : "the resume token is not signed, and this listing only accepts tokens signed with its token"
                            + " key; resume with a token this service printed");
        }
        if (keyed && !MessageDigest.isEqual(seal, protect(body, expected))) {
            throw new InvalidQueryException(source, "the resume token's signature does not match: it was altered, or"
                    + " made with another token key; resume with a token this service printed");
        }
        if (!Arrays.equals(binding, expected.binding())) {
            throw new InvalidQueryException(source, "the resume token was made for another endpoint or account; a"
                    + " listing resumes only where it ran. Start the listing again without it");
        }
    }

    /**
     * Where the page to resume with starts: that of the first partition not read to its end (the
     * only one, for a listing that was not split).
     *
     * @return the provider position
     */
    public PagePosition position() {
        return firstUnfinished().next().orElseThrow();
    }

    /**
     * How many items at the start of that page were already delivered and are skipped on resume.
     *
     * @return 0 when the page was not started
     */
    public long skip() {
        return firstUnfinished().skip();
    }

    /**
     * Where every partition of the listing stands, in the listing's order.
     *
     * @return one entry per partition, at least one of them not finished
     */
    public List<PartitionPosition> partitions() {
        return partitions;
    }

    private PartitionPosition firstUnfinished() {
        return partitions.stream().filter(part -> !part.isFinished()).findFirst().orElseThrow();
    }

    /**
     * The page size the skip was counted in.
     *
     * @return the size, when the listing that made the token had one
     */
    public OptionalInt pageSize() {
        return pageSize == 0 ? OptionalInt.empty() : OptionalInt.of(pageSize);
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

    private static byte[] encode(byte[] fingerprint, byte[] binding, List<PartitionPosition> partitions,
            int pageSize, boolean keyed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(keyed ? FLAG_KEYED : 0);
            out.write(fingerprint);
            out.write(binding);
            out.writeInt(pageSize);
            out.writeInt(partitions.size());
            for (PartitionPosition part : partitions) {
                int mask = 0;
                for (TaskStatus status : part.partition().statuses()) {
                    mask |= 1 << status.ordinal();
                }
                out.writeInt(mask);
                writeInstant(out, part.partition().createdFrom());
                writeInstant(out, part.partition().createdTo());
                Optional<String> term = part.partition().term();
                out.writeBoolean(term.isPresent());
                if (term.isPresent()) {
                    out.writeUTF(term.get());
                }
                Optional<PagePosition> next = part.next();
                if (next.isEmpty()) {
                    out.writeByte(FINISHED);
                    continue;
                }
                if (next.get() instanceof PagePosition.Token token) {
                    byte[] text = token.value().getBytes(StandardCharsets.UTF_8);
                    if (text.length > MAX_PROVIDER_TOKEN_BYTES) {
                        throw new IllegalArgumentException("provider token of " + text.length
                                + " bytes is longer than " + MAX_PROVIDER_TOKEN_BYTES);
                    }
                    out.writeByte(TOKEN);
                    out.writeInt(text.length);
                    out.write(text);
                } else if (next.get() instanceof PagePosition.Offset offset) {
                    out.writeByte(OFFSET);
                    out.writeLong(offset.value());
                } else {
                    out.writeByte(START);
                }
                out.writeLong(part.skip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The CRC-32 of the body, or its HMAC-SHA256 under the seal's key. */
    private static byte[] protect(byte[] body, TokenSeal seal) {
        Optional<byte[]> key = seal.key();
        if (key.isEmpty()) {
            CRC32 crc = new CRC32();
            crc.update(body);
            return ByteBuffer.allocate(CRC_LENGTH).putInt((int) crc.getValue()).array();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static boolean crcMatches(byte[] bytes, int bodyLength) {
        if (bodyLength < 1) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bodyLength);
        return (int) crc.getValue() == ByteBuffer.wrap(bytes, bodyLength, CRC_LENGTH).getInt();
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
