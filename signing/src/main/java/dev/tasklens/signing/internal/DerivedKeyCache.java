package dev.tasklens.signing.internal;

import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs with a key that is derived from the secret and a scope (a day and service for TC3, a
 * key-time window for CLS, a timestamp for BCE, nothing for Huawei), keeping per thread the last
 * key's {@link Mac} ready-initialised: the derivation HMACs and the HMAC key set-up then run once
 * per secret and scope instead of once per request. Each thread holds one entry.
 */
public final class DerivedKeyCache {

    private static final class Entry {
        final String secret;
        final String scope;
        final Mac mac;

        Entry(String secret, String scope, Mac mac) {
            this.secret = secret;
            this.scope = scope;
            this.mac = mac;
        }
    }

    private final String algorithm;
    private final ThreadLocal<Entry> last = new ThreadLocal<>();

    /**
     * A cache for one HMAC algorithm.
     *
     * @param algorithm {@code HmacSHA256} or {@code HmacSHA1}
     */
    public DerivedKeyCache(String algorithm) {
        this.algorithm = algorithm;
    }

    /**
     * HMAC of data with the key for a secret and scope, derived only when it differs from this
     * thread's last one.
     *
     * @param secret the secret key
     * @param scope everything else the key depends on
     * @param derive computes the key bytes
     * @param data the message
     * @return the MAC
     */
    public byte[] hmac(String secret, String scope, Supplier<byte[]> derive, byte[] data) {
        return mac(secret, scope, derive).doFinal(data);
    }

    /**
     * HMAC of a canonical request's bytes, straight from its buffer.
     *
     * @param secret the secret key
     * @param scope everything else the key depends on
     * @param derive computes the key bytes
     * @param data the canonical request
     * @return the MAC
     */
    public byte[] hmac(String secret, String scope, Supplier<byte[]> derive, CanonicalBuilder data) {
        return data.macOf(mac(secret, scope, derive));
    }

    private Mac mac(String secret, String scope, Supplier<byte[]> derive) {
        Entry entry = last.get();
        if (entry == null || !entry.scope.equals(scope) || !entry.secret.equals(secret)) {
            try {
                Mac mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(derive.get(), algorithm));
                entry = new Entry(secret, scope, mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is not available or refused the key", e);
            }
            last.set(entry);
        }
        // doFinal leaves the Mac initialised with the same key, ready for the next message.
        return entry.mac;
    }
}
