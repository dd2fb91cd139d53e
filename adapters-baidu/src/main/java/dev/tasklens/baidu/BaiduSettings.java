package dev.tasklens.baidu;

import dev.tasklens.ports.credentials.CredentialsProvider;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Baidu source needs besides transport and time: credentials, and where the VOD API is.
 *
 * @param credentials where the key pair comes from
 * @param region the VOD region, such as {@code bj} (host {@code vod.bj.baidubce.com}), if not the default
 * @param vodEndpoint the VOD endpoint, when not the region's host
 */
public record BaiduSettings(CredentialsProvider credentials, Optional<String> region, Optional<URI> vodEndpoint) {

    /** The variable holding the access key id, as the official SDKs and CLI read it. */
    public static final String ACCESS_KEY_ID = "BCE_ACCESS_KEY_ID";
    /** The variable holding the secret access key. */
    public static final String SECRET_ACCESS_KEY = "BCE_SECRET_ACCESS_KEY";
    /** The variable holding the session token of STS credentials. */
    public static final String SESSION_TOKEN = "BCE_SESSION_TOKEN";
    /** The variable holding the VOD region ({@code bj}, {@code gz}, ...). */
    public static final String REGION = "BCE_REGION";

    /**
     * Checks the parts.
     *
     * @param credentials see the record component
     * @param region see the record component
     * @param vodEndpoint see the record component
     */
    public BaiduSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(vodEndpoint, "vodEndpoint");
    }

    /**
     * Settings from environment variables: {@value #ACCESS_KEY_ID}, {@value #SECRET_ACCESS_KEY},
     * {@value #SESSION_TOKEN} and {@value #REGION}.
     *
     * @param environment the variables, usually {@link System#getenv()}
     * @return the settings
     */
    public static BaiduSettings fromEnvironment(Map<String, String> environment) {
        return new BaiduSettings(
                CredentialsProvider.fromEnvironment(environment, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
                        Optional.of(SESSION_TOKEN)),
                Optional.ofNullable(environment.get(REGION)).filter(region -> !region.isBlank()),
                Optional.empty());
    }
}
