package dev.tasklens.huawei;

import dev.tasklens.ports.credentials.CredentialsProvider;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Huawei sources need besides transport and time: for MetaStudio, an AK/SK pair (or an
 * IAM token), the project and the region; for KooDrive, a user's access token and id and the site.
 *
 * @param credentials the AK/SK pair, with {@code X-Security-Token} for temporary keys
 * @param iamToken an IAM user token ({@code X-Auth-Token}), the alternative to AK/SK
 * @param projectId the IAM project of the region, the default {@code project_id} scope
 * @param region the MetaStudio region, {@code cn-north-4} unless set
 * @param iesEndpoint the MetaStudio endpoint, when not the region's
 * @param kooDriveToken the KooDrive access token
 * @param kooDriveUserId the KooDrive user the token belongs to
 * @param kooDriveSite {@code intl} (the default) or {@code cn}
 * @param kooDriveEndpoint the KooDrive endpoint, when not the site's
 * @param kooDriveTokenFile a file holding the KooDrive access token, read at each request (the token
 *     lasts 20 minutes: whatever renews it rewrites the file); used when no token is given
 */
public record HuaweiSettings(CredentialsProvider credentials, Optional<String> iamToken, Optional<String> projectId,
        Optional<String> region, Optional<URI> iesEndpoint, Optional<String> kooDriveToken,
        Optional<String> kooDriveUserId, Optional<String> kooDriveSite, Optional<URI> kooDriveEndpoint,
        Optional<java.nio.file.Path> kooDriveTokenFile) {

    /** The AK, as the official SDK reads it. */
    public static final String AK = "HUAWEICLOUD_SDK_AK";
    /** The SK. */
    public static final String SK = "HUAWEICLOUD_SDK_SK";
    /** The security token of temporary AK/SK. */
    public static final String SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    /** The project id. */
    public static final String PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    /** The region. */
    public static final String REGION = "HUAWEICLOUD_SDK_REGION";
    /** An IAM user token, instead of AK/SK. */
    public static final String IAM_TOKEN = "HUAWEICLOUD_SDK_IAM_TOKEN";
    /** The KooDrive access token. */
    public static final String KOODRIVE_TOKEN = "KOODRIVE_ACCESS_TOKEN";
    /** The KooDrive user id. */
    public static final String KOODRIVE_USER_ID = "KOODRIVE_USER_ID";
    /** A file holding the KooDrive access token, when the token itself is not in the environment. */
    public static final String KOODRIVE_TOKEN_FILE = "KOODRIVE_ACCESS_TOKEN_FILE";
    /** The KooDrive site: {@code intl} or {@code cn}. */
    public static final String KOODRIVE_SITE = "KOODRIVE_SITE";

    /**
     * Checks the parts.
     *
     * @param credentials see the record component
     * @param iamToken see the record component
     * @param projectId see the record component
     * @param region see the record component
     * @param iesEndpoint see the record component
     * @param kooDriveToken see the record component
     * @param kooDriveUserId see the record component
     * @param kooDriveSite see the record component
     * @param kooDriveEndpoint see the record component
     * @param kooDriveTokenFile see the record component
     */
    public HuaweiSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(iamToken, "iamToken");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(iesEndpoint, "iesEndpoint");
        Objects.requireNonNull(kooDriveToken, "kooDriveToken");
        Objects.requireNonNull(kooDriveUserId, "kooDriveUserId");
        Objects.requireNonNull(kooDriveSite, "kooDriveSite");
        Objects.requireNonNull(kooDriveEndpoint, "kooDriveEndpoint");
        Objects.requireNonNull(kooDriveTokenFile, "kooDriveTokenFile");
    }

    /**
     * Settings without a KooDrive token file.
     *
     * @param credentials see the record component
     * @param iamToken see the record component
     * @param projectId see the record component
     * @param region see the record component
     * @param iesEndpoint see the record component
     * @param kooDriveToken see the record component
     * @param kooDriveUserId see the record component
     * @param kooDriveSite see the record component
     * @param kooDriveEndpoint see the record component
     */
    public HuaweiSettings(CredentialsProvider credentials, Optional<String> iamToken, Optional<String> projectId,
            Optional<String> region, Optional<URI> iesEndpoint, Optional<String> kooDriveToken,
            Optional<String> kooDriveUserId, Optional<String> kooDriveSite, Optional<URI> kooDriveEndpoint) {
        this(credentials, iamToken, projectId, region, iesEndpoint, kooDriveToken, kooDriveUserId, kooDriveSite,
                kooDriveEndpoint, Optional.empty());
    }

    /**
     * Settings from environment variables ({@value #AK}, {@value #SK}, {@value #SECURITY_TOKEN},
     * {@value #PROJECT_ID}, {@value #REGION}, {@value #IAM_TOKEN}, {@value #KOODRIVE_TOKEN},
     * {@value #KOODRIVE_USER_ID}, {@value #KOODRIVE_SITE}, {@value #KOODRIVE_TOKEN_FILE}).
     *
     * @param environment the variables, usually {@link System#getenv()}
     * @return the settings
     */
    public static HuaweiSettings fromEnvironment(Map<String, String> environment) {
        return new HuaweiSettings(
                CredentialsProvider.fromEnvironment(environment, AK, SK, Optional.of(SECURITY_TOKEN)),
                value(environment, IAM_TOKEN), value(environment, PROJECT_ID), value(environment, REGION),
                Optional.empty(), value(environment, KOODRIVE_TOKEN), value(environment, KOODRIVE_USER_ID),
                value(environment, KOODRIVE_SITE), Optional.empty(),
                value(environment, KOODRIVE_TOKEN_FILE).map(path -> java.nio.file.Path.of(path.strip())));
    }

    /**
     * These settings with the endpoints an application overrides.
     *
     * @param ies the MetaStudio endpoint, if overridden
     * @param kooDrive the KooDrive endpoint, if overridden
     * @return the settings
     */
    public HuaweiSettings withEndpoints(Optional<URI> ies, Optional<URI> kooDrive) {
        return new HuaweiSettings(credentials, iamToken, projectId, region, ies, kooDriveToken, kooDriveUserId,
                kooDriveSite, kooDrive, kooDriveTokenFile);
    }

    /**
     * These settings with other MetaStudio credentials.
     *
     * @param provider where the AK/SK pair comes from
     * @return the settings
     */
    public HuaweiSettings withCredentials(CredentialsProvider provider) {
        return new HuaweiSettings(provider, iamToken, projectId, region, iesEndpoint, kooDriveToken, kooDriveUserId,
                kooDriveSite, kooDriveEndpoint, kooDriveTokenFile);
    }

    /** The names of what is set, never a token: settings are printed in logs. */
    @Override
    public String toString() {
        return "HuaweiSettings[iamToken=" + (iamToken.isPresent() ? "***" : "none") + ", projectId="
                + projectId.orElse("none") + ", region=" + region.orElse("default") + ", kooDriveToken="
                + (kooDriveToken.isPresent() ? "***" : "none") + ", kooDriveUserId=" + kooDriveUserId.orElse("none")
                + "]";
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(text -> !text.isBlank());
    }
}
