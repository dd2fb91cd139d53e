package dev.tasklens.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resume token is bound to besides its query, and how it is protected. The binding names
 * where the listing ran (the source's endpoint and account), so that a token made for one account
 * is refused by a listing of another. With a key, tokens are signed with HMAC-SHA256 instead of a
 * checksum, so that a service handing tokens to its own clients refuses any token it did not make
 * ({@code TaskLens.builder().tokenKey(...)}). {@link #toString()} never shows the key.
 */
public final class TokenSeal {

    static final int BINDING_LENGTH = 16;
    private static final int MIN_KEY_BYTES = 16;

    private final byte[] binding;
    private final byte[] key;

    private TokenSeal(byte[] binding, byte[] key) {
        this.binding = binding;
        this.key = key;
    }

    /**
     * A seal that binds tokens to nothing but their query, with a checksum.
     *
     * @return the seal
     */
    public static TokenSeal none() {
        return new TokenSeal(digest(""), null);
    }

    /**
     * A seal that binds tokens to where a listing runs.
     *
     * @param binding the endpoint and account, in any stable text form
     * @return the seal
     */
    public static TokenSeal boundTo(String binding) {
        return new TokenSeal(digest(Objects.requireNonNull(binding, "binding")), null);
    }

    /**
     * This seal, with tokens signed by a key.
     *
     * @param secret at least 16 bytes, kept by the service that hands out tokens
     * @return the keyed seal
     * @throws IllegalArgumentException if the key is shorter than 16 bytes
     */
    public TokenSeal withKey(byte[] secret) {
        Objects.requireNonNull(secret, "key");
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a token key needs at least " + MIN_KEY_BYTES + " bytes, got "
                    + secret.length + "; use a random key such as 32 bytes from SecureRandom");
        }
        return new TokenSeal(binding, secret.clone());
    }

    /**
     * This seal bound to where a listing runs as well.
     *
     * @param where the endpoint and account, in any stable text form
     * @return the seal, with the same key
     */
    public TokenSeal boundAlsoTo(String where) {
        return new TokenSeal(digest(Arrays.toString(binding) + "|" + Objects.requireNonNull(where, "binding")), key);
    }

    /**
     * Seals any bytes the way page tokens are sealed, for another kind of token (a watch's
     * position): a flag, this seal's binding, the body, then its CRC-32 or, with a key, its
     * HMAC-SHA256.
     *
     * @param body the bytes to seal
     * @return the sealed bytes
     */
    public byte[] seal(byte[] body) {
        Objects.requireNonNull(body, "body");
        byte[] covered = new byte[1 + BINDING_LENGTH + body.length];
        covered[0] = (byte) (key == null ? 0 : 1);
        System.arraycopy(binding, 0, covered, 1, BINDING_LENGTH);
        System.arraycopy(body, 0, covered, 1 + BINDING_LENGTH, body.length);
        byte[] protection = TokenLayout.protect(covered, this);
        byte[] sealed = Arrays.copyOf(covered, covered.length + protection.length);
        System.arraycopy(protection, 0, sealed, covered.length, protection.length);
        return sealed;
    }

    /**
     * Opens bytes {@link #seal sealed} by an equal seal.
     *
     * @param sealed the sealed bytes
     * @param what what they are, for the message, such as {@code "the watch position"}
     * @return the body
     * @throws InvalidQueryException if they were altered, cut, sealed with another key, or bound to
     *     another place
     */
    public byte[] open(byte[] sealed, String what) {
        Objects.requireNonNull(sealed, "sealed");
        int protection = key == null ? 4 : 32;
        if (sealed.length < 1 + BINDING_LENGTH + protection) {
            throw new InvalidQueryException(what + " is cut short; pass it exactly as it was written");
        }
        byte[] covered = Arrays.copyOf(sealed, sealed.length - protection);
        byte[] given = Arrays.copyOfRange(sealed, covered.length, sealed.length);
        if (covered[0] != (key == null ? 0 : 1) || !MessageDigest.isEqual(TokenLayout.protect(covered, this), given)) {
            throw new InvalidQueryException(what + " was altered, cut, or sealed with another key; pass it exactly as"
                    + " it was written");
        }
        if (!MessageDigest.isEqual(Arrays.copyOfRange(covered, 1, 1 + BINDING_LENGTH), binding)) {
            throw new InvalidQueryException(what + " belongs to another source, endpoint, account or scope; it"
                    + " cannot be used here");
        }
        return Arrays.copyOfRange(covered, 1 + BINDING_LENGTH, covered.length);
    }

    byte[] binding() {
        return binding.clone();
    }

    Optional<byte[]> key() {
        return Optional.ofNullable(key).map(byte[]::clone);
    }

    boolean isKeyed() {
        return key != null;
    }

    private static byte[] digest(String text) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
                    BINDING_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether a key is set, never the key. */
    @Override
    public String toString() {
        return "TokenSeal[" + (key == null ? "checksum" : "HMAC-SHA256 key=***") + "]";
    }
}
