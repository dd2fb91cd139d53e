package dev.tasklens.signing;

import java.util.Objects;
import java.util.Optional;

/**
 * An access key pair and, for temporary credentials, the session token. {@link #toString()}
 * never shows the secret or the token.
 *
 * @param accessKeyId the key id (Tencent SecretId, Huawei AK, Baidu access key id)
 * @param secretKey the secret key
 * @param sessionToken the session token of temporary credentials
 */
public record SigningCredentials(String accessKeyId, String secretKey, Optional<String> sessionToken) {

    /**
     * Checks that the id and the secret are present.
     *
     * @param accessKeyId see the record component
     * @param secretKey see the record component
     * @param sessionToken see the record component
     * @throws IllegalArgumentException if the id or the secret is blank (never echoing the secret)
     */
    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        if (accessKeyId.isBlank()) {
            throw new IllegalArgumentException("the access key id is blank; pass your key id");
        }
        if (secretKey.isEmpty()) {
            throw new IllegalArgumentException("the secret key of " + mask(accessKeyId) + " is empty; pass it");
        }
        sessionToken = sessionToken.filter(token -> !token.isEmpty());
    }

    /**
     * Long-term credentials.
     *
     * @param accessKeyId the key id
     * @param secretKey the secret key
     * @return the credentials
     */
    public static SigningCredentials of(String accessKeyId, String secretKey) {
        return new SigningCredentials(accessKeyId, secretKey, Optional.empty());
    }

    /**
     * Temporary credentials.
     *
     * @param accessKeyId the temporary key id
     * @param secretKey the temporary secret key
     * @param sessionToken the session token
     * @return the credentials
     */
    public static SigningCredentials temporary(String accessKeyId, String secretKey, String sessionToken) {
        return new SigningCredentials(accessKeyId, secretKey, Optional.of(sessionToken));
    }

    private static String mask(String id) {
        return id.length() <= 8 ? "****" : id.substring(0, 4) + "****" + id.substring(id.length() - 4);
    }

    /** The masked key id; never the secret or the token. */
    @Override
    public String toString() {
        return "SigningCredentials[accessKeyId=" + mask(accessKeyId) + ", secretKey=***"
                + (sessionToken.isPresent() ? ", sessionToken=***" : "") + "]";
    }
}
