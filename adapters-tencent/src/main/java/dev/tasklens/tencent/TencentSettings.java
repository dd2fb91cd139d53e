package dev.tasklens.tencent;

import dev.tasklens.ports.credentials.CredentialsProvider;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Tencent sources need besides transport and time: credentials, and where each API is.
 *
 * @param credentials where the key pair comes from
 * @param mpsEndpoint the MPS endpoint, when not the public {@code mps.tencentcloudapi.com}
 * @param clsRegion the CLS region, such as {@code ap-guangzhou}
 * @param clsEndpoint the CLS endpoint, when not the region's public domain
 */
public record TencentSettings(CredentialsProvider credentials, Optional<URI> mpsEndpoint, Optional<String> clsRegion,
        Optional<URI> clsEndpoint) {

    /** The variable holding the SecretId, as the official SDK and CLI read it. */
    public static final String SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    /** The variable holding the SecretKey. */
    public static final String SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    /** The variable holding the session token of temporary credentials. */
    public static final String SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";
    /** The variable holding the region, for CLS. */
    public static final String REGION = "TENCENTCLOUD_REGION";

    /**
     * Checks the parts.
     *
     * @param credentials see the record component
     * @param mpsEndpoint see the record component
     * @param clsRegion see the record component
     * @param clsEndpoint see the record component
     */
    public TencentSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(mpsEndpoint, "mpsEndpoint");
        Objects.requireNonNull(clsRegion, "clsRegion");
        Objects.requireNonNull(clsEndpoint, "clsEndpoint");
    }

    /**
     * Settings from environment variables: {@value #SECRET_ID}, {@value #SECRET_KEY},
     * {@value #SESSION_TOKEN} and {@value #REGION}.
     *
     * @param environment the variables, usually {@link System#getenv()}
     * @return the settings
     */
    public static TencentSettings fromEnvironment(Map<String, String> environment) {
        return new TencentSettings(
                CredentialsProvider.fromEnvironment(environment, SECRET_ID, SECRET_KEY, Optional.of(SESSION_TOKEN)),
                Optional.empty(),
                Optional.ofNullable(environment.get(REGION)).filter(region -> !region.isBlank()),
                Optional.empty());
    }
}
