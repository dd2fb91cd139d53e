package dev.tasklens.emulators;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys a provider's gateway accepts: long-term key pairs, and the temporary keys its metadata
 * service or STS hands out, each with a session token the request must carry and an expiry after
 * which it is refused. Shared by a cloud's APIs and its credential services, so keys issued by one
 * are accepted by the others. Thread-safe.
 */
public final class KeyRing {

    /**
     * One key.
     *
     * @param id the access key id
     * @param secret the secret key
     * @param token the session token a temporary key must be sent with
     * @param expiry when a temporary key stops working
     */
    public record Key(String id, String secret, Optional<String> token, Optional<Instant> expiry) {

        /**
         * Checks the parts.
         *
         * @param id see the record component
         * @param secret see the record component
         * @param token see the record component
         * @param expiry see the record component
         */
        public Key {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiry, "expiry");
        }

        /** The id only. */
        @Override
        public String toString() {
            return "Key[" + id + expiry.map(end -> ", expiry=" + end).orElse("") + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    private KeyRing() {
    }

    /**
     * A ring of long-term keys.
     *
     * @param secrets access key id to secret key
     * @return the ring
     */
    public static KeyRing of(Map<String, String> secrets) {
        KeyRing ring = new KeyRing();
        secrets.forEach((id, secret) -> ring.keys.put(id, new Key(id, secret, Optional.empty(), Optional.empty())));
        return ring;
    }

    /**
     * Issues a temporary key and accepts it from now on, until it expires.
     *
     * @param prefix the id's first characters, as the cloud writes them ({@code AKID} for Tencent)
     * @param now the time it is issued at
     * @param life how long it works
     * @return the key
     */
    public Key issue(String prefix, Instant now, Duration life) {
        Key key = new Key(prefix + random(12), random(20), Optional.of("token-" + random(24)),
                Optional.of(now.plus(life)));
        keys.put(key.id(), key);
        return key;
    }

    /**
     * A key by id.
     *
     * @param id the access key id
     * @return the key, if the ring holds it
     */
    public Optional<Key> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /**
     * Why a key's use is refused: a temporary key without its token, with another token, or expired.
     *
     * @param key the key the signature names
     * @param token the session token the request carries
     * @param now the gateway's time
     * @return the reason, or empty when the key may be used
     */
    public static Optional<String> refusal(Key key, Optional<String> token, Instant now) {
        if (key.token().isEmpty()) {
            return Optional.empty();
        }
        if (token.isEmpty()) {
            return Optional.of("the key is temporary and the request carries no session token");
        }
        if (!key.token().get().equals(token.get())) {
            return Optional.of("the session token is not the one issued with the key");
        }
        if (!now.isBefore(key.expiry().orElseThrow())) {
            return Optional.of("the temporary key expired at " + key.expiry().get());
        }
        return Optional.empty();
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** How many keys, never a secret. */
    @Override
    public String toString() {
        return "KeyRing[" + keys.size() + " keys]";
    }
}
