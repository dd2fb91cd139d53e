package dev.tasklens.signing.internal;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Remembers the last derived signing key, so that the key-derivation HMACs run once per secret
 * and scope (a day and service for TC3, a key-time window for CLS, a timestamp for BCE) instead
 * of once per request. Thread-safe; holds one entry.
 */
public final class DerivedKeyCache {

    private record Entry(String secret, String scope, byte[] key) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    /**
     * The key for a secret and scope, derived only if it differs from the last one.
     *
     * @param secret the secret key
     * @param scope everything else the key depends on
     * @param derive computes the key
     * @return the key (shared: never modify it)
     */
    public byte[] get(String secret, String scope, Supplier<byte[]> derive) {
        Entry entry = last.get();
        if (entry != null && entry.scope.equals(scope)
                && MessageDigest.isEqual(entry.secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return entry.key;
        }
        byte[] key = derive.get();
        last.set(new Entry(secret, scope, key));
        return key;
    }
}
