package dev.tasklens.signing.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-1/SHA-256 digests and HMACs with one JCA instance per thread and algorithm: creating a
 * {@link Mac} or {@link MessageDigest} costs more than hashing a typical request.
 */
public final class Crypto {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> digest("SHA-1"));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> mac("HmacSHA256"));
    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> mac("HmacSHA1"));

    private Crypto() {
    }

    /**
     * SHA-256 of bytes.
     *
     * @param data the input
     * @return the 32-byte digest
     */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    /**
     * SHA-256 of a canonical request, as lower-case hex.
     *
     * @param canonical the builder holding the bytes
     * @return 64 hex digits
     */
    public static String sha256Hex(CanonicalBuilder canonical) {
        MessageDigest digest = SHA256.get();
        canonical.updateDigest(digest);
        return Hex.encode(digest.digest());
    }

    /**
     * SHA-1 of a canonical request, as lower-case hex.
     *
     * @param canonical the builder holding the bytes
     * @return 40 hex digits
     */
    public static String sha1Hex(CanonicalBuilder canonical) {
        MessageDigest digest = SHA1.get();
        canonical.updateDigest(digest);
        return Hex.encode(digest.digest());
    }

    /**
     * HMAC-SHA256.
     *
     * @param key the key bytes
     * @param data the message
     * @return the 32-byte MAC
     */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        return hmac(HMAC_SHA256.get(), "HmacSHA256", key, data);
    }

    /**
     * HMAC-SHA1.
     *
     * @param key the key bytes
     * @param data the message
     * @return the 20-byte MAC
     */
    public static byte[] hmacSha1(byte[] key, byte[] data) {
        return hmac(HMAC_SHA1.get(), "HmacSHA1", key, data);
    }

    private static byte[] hmac(Mac mac, String algorithm, byte[] key, byte[] data) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " refused its key", e);
        }
        return mac.doFinal(data);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
