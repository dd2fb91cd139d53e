package dev.tasklens.domain;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

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
    /** The most partitions a token records. */
    public static final int MAX_PARTITIONS = 4096;
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
        byte[] body = TokenLayout.encode(fingerprint, binding, parts, size, seal.isKeyed());
        return new PageToken(fingerprint, binding, parts, size, seal.isKeyed(), body, TokenLayout.protect(body, seal));
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
            throw TokenLayout.corrupted("it is not base64url text; was it cut or altered when copied?");
        }
        TokenLayout.Read read = TokenLayout.read(bytes);
        return new PageToken(read.fingerprint(), read.binding(), read.partitions(), read.pageSize(), read.keyed(),
                read.body(), read.seal());
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
        if (keyed && !MessageDigest.isEqual(seal, TokenLayout.protect(body, expected))) {
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
