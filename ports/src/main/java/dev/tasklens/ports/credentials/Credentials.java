package dev.tasklens.ports.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access key pair, with the session token and expiry of temporary credentials.
 * {@link #toString()} never shows the secret or the token, so credentials can appear in logs
 * and exception messages by accident without leaking.
 *
 * @param id the access key id (Tencent SecretId, Huawei AK, Baidu access key id)
 * @param secret the secret key; never printed
 * @param sessionToken the session token of temporary credentials; never printed
 * @param expiry when temporary credentials stop working
 */
public record Credentials(String id, String secret, Optional<String> sessionToken, Optional<Instant> expiry) {

    /**
     * Checks that id and secret are present.
     *
     * @param id see the record component
     * @param secret see the record component
     * @param sessionToken see the record component
     * @param expiry see the record component
     * @throws IllegalArgumentException if the id or the secret is blank (the message never
     *     contains the secret)
     */
    public Credentials {
        Objects.requireNonNull(id, "credentials id");
        Objects.requireNonNull(secret, "credentials secret");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiry, "expiry");
        if (id.isBlank()) {
            throw new IllegalArgumentException("the access key id is blank; set it to your key id");
        }
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the secret key of access key " + mask(id) + " is blank; set it");
        }
        sessionToken = sessionToken.filter(token -> !token.isBlank());
    }

    /**
     * Long-term credentials.
     *
     * @param id the access key id
     * @param secret the secret key
     * @return the credentials
     */
    public static Credentials of(String id, String secret) {
        return new Credentials(id, secret, Optional.empty(), Optional.empty());
    }

    /**
     * Temporary credentials.
     *
     * @param id the temporary access key id
     * @param secret the temporary secret key
     * @param sessionToken the session token
     * @param expiry when they stop working
     * @return the credentials
     */
    public static Credentials temporary(String id, String secret, String sessionToken, Instant expiry) {
        return new Credentials(id, secret, Optional.of(sessionToken), Optional.of(expiry));
    }

    /**
     * Whether the credentials no longer work at an instant.
     *
     * @param now the instant, usually from the listing's {@link java.time.Clock}
     * @return true when an expiry is set and not after {@code now}
     */
    public boolean isExpiredAt(Instant now) {
        return expiry.map(end -> !end.isAfter(now)).orElse(false);
    }

    /**
     * The id with its middle hidden, for messages: {@code AKID****WXYZ}.
     *
     * @return the masked id
     */
    public String maskedId() {
        return mask(id);
    }

    /**
     * A text with this key pair's secret and session token replaced by {@code ***}: a provider's
     * error message that echoes the request's headers must not carry them into an exception.
     *
     * @param text any text, such as a provider's error message
     * @return the text without the secret or the token
     */
    public String redact(String text) {
        String safe = text;
        if (secret.length() >= 4) {
            safe = safe.replace(secret, "***");
        }
        if (sessionToken.isPresent() && sessionToken.get().length() >= 4) {
            safe = safe.replace(sessionToken.get(), "***");
        }
        return safe;
    }

    private static String mask(String id) {
        return id.length() <= 8 ? "****" : id.substring(0, 4) + "****" + id.substring(id.length() - 4);
    }

    /** The masked id and whether a token and an expiry are set; never the secret or the token. */
    @Override
    public String toString() {
        return "Credentials[id=" + mask(id) + ", secret=***"
                + (sessionToken.isPresent() ? ", sessionToken=***" : "")
                + expiry.map(end -> ", expiry=" + end).orElse("") + "]";
    }
}
