package dev.tasklens.tencent.credentials;

import dev.tasklens.adapters.JsonReplies;
import dev.tasklens.adapters.credentials.CredentialReplies;
import dev.tasklens.adapters.credentials.CredentialsChain.Lookup;
import dev.tasklens.adapters.credentials.RefreshingCredentials;
import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsFileException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The temporary keys of a TKE pod's role, as tencentcloud-sdk-java's {@code OIDCRoleArnProvider}
 * gets them: the variables {@code TKE_REGION}, {@code TKE_PROVIDER_ID},
 * {@code TKE_WEB_IDENTITY_TOKEN_FILE} and {@code TKE_ROLE_ARN} name the role and the OIDC token
 * file, and STS {@code AssumeRoleWithWebIdentity} (version 2018-08-13, unsigned:
 * {@code Authorization: SKIP}) trades the token for keys that last 7200 s. The token file is read
 * again at each refresh (the cluster rotates it); keys are refreshed 10 minutes before they expire,
 * as the SDK does.
 */
public final class TkeWebIdentityCredentials {

    /** The STS endpoint the SDK calls. */
    public static final URI STS = URI.create("https://sts.tencentcloudapi.com/");
    /** How long before their expiry the keys are refreshed ({@code ExpirationReservationTime}). */
    public static final Duration MARGIN = Duration.ofMinutes(10);
    /** The variables, all needed. */
    public static final List<String> VARIABLES = List.of("TKE_REGION", "TKE_PROVIDER_ID",
            "TKE_WEB_IDENTITY_TOKEN_FILE", "TKE_ROLE_ARN");

    private static final long DURATION_SECONDS = 7200;

    /**
     * STS's reply.
     *
     * @param response the {@code Response} object
     */
    public record Reply(@JsonbProperty("Response") Body response) {
    }

    /**
     * The {@code Response} object: the keys, or an error.
     *
     * @param credentials the keys
     * @param expiredTime when they expire, Unix seconds
     * @param error the error, when refused
     * @param requestId the request id
     */
    public record Body(@JsonbProperty("Credentials") Keys credentials, @JsonbProperty("ExpiredTime") Long expiredTime,
            @JsonbProperty("Error") Error error, @JsonbProperty("RequestId") String requestId) {
    }

    /**
     * The temporary keys.
     *
     * @param token the session token
     * @param id the temporary SecretId
     * @param key the temporary SecretKey
     */
    public record Keys(@JsonbProperty("Token") String token, @JsonbProperty("TmpSecretId") String id,
            @JsonbProperty("TmpSecretKey") String key) {

        /** Never the key or the token. */
        @Override
        public String toString() {
            return "Keys[***]";
        }
    }

    /**
     * An error.
     *
     * @param code the code
     * @param message the message
     */
    public record Error(@JsonbProperty("Code") String code, @JsonbProperty("Message") String message) {
    }

    private TkeWebIdentityCredentials() {
    }

    /**
     * Looks for a TKE web identity.
     *
     * @param source the source the keys are for
     * @param environment the variables
     * @param transport the transport to STS (the listing's: STS is a public API)
     * @param sts the STS endpoint
     * @param clock the clock
     * @return the role's keys, refreshed before they expire, or which variable is missing
     */
    public static Lookup find(SourceId source, Map<String, String> environment, HttpTransport transport, URI sts,
            Clock clock) {
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                return Lookup.nothing("no TKE web identity (" + variable + " unset)");
            }
        }
        String roleArn = environment.get("TKE_ROLE_ARN").strip();
        String origin = "web identity role " + roleArn;
        Path tokenFile = Path.of(environment.get("TKE_WEB_IDENTITY_TOKEN_FILE").strip());
        RefreshingCredentials keys = RefreshingCredentials.of(origin, () -> assumeRole(source, environment,
                tokenFile, transport, sts, clock), clock, MARGIN).fetchNow();
        return Lookup.found(keys, origin);
    }

    private static Credentials assumeRole(SourceId source, Map<String, String> environment, Path tokenFile,
            HttpTransport transport, URI sts, Clock clock) {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CredentialsFileException(tokenFile, "the web identity token file named by"
                    + " TKE_WEB_IDENTITY_TOKEN_FILE cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ProviderId", environment.get("TKE_PROVIDER_ID").strip());
        body.put("WebIdentityToken", token);
        body.put("RoleArn", environment.get("TKE_ROLE_ARN").strip());
        body.put("RoleSessionName", "tasklens-" + now.toEpochMilli());
        body.put("DurationSeconds", DURATION_SECONDS);
        HttpRequest request = HttpRequest.post(sts, JsonReplies.write(body).getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "SKIP")
                .header("X-TC-Action", "AssumeRoleWithWebIdentity")
                .header("X-TC-Timestamp", Long.toString(now.getEpochSecond()))
                .header("X-TC-Version", "2018-08-13")
                .header("X-TC-Region", environment.get("TKE_REGION").strip())
                .build();
        String from = "STS AssumeRoleWithWebIdentity at " + sts;
        HttpResponse reply = transport.send(request);
        Body answer = CredentialReplies.read(source, from, reply.bodyText(), Reply.class).response();
        if (answer == null) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " answered HTTP "
                    + reply.status() + " without a Response", Optional.empty());
        }
        if (answer.error() != null) {
            throw new AuthenticationException(source, String.valueOf(answer.error().code()), from + " refused the"
                    + " web identity: " + String.valueOf(answer.error().message()).replace(token, "***"),
                    Optional.ofNullable(answer.requestId()));
        }
        Keys keys = answer.credentials();
        if (keys == null || keys.id() == null || keys.key() == null || keys.token() == null
                || answer.expiredTime() == null) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " gave no keys",
                    Optional.ofNullable(answer.requestId()));
        }
        return Credentials.temporary(keys.id(), keys.key(), keys.token(), Instant.ofEpochSecond(answer.expiredTime()));
    }
}
