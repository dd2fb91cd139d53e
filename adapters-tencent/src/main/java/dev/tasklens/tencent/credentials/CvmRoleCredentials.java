package dev.tasklens.tencent.credentials;

import dev.tasklens.adapters.credentials.CredentialReplies;
import dev.tasklens.adapters.credentials.CredentialsChain.Lookup;
import dev.tasklens.adapters.credentials.RefreshingCredentials;
import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import jakarta.json.bind.annotation.JsonbProperty;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The temporary keys of the CAM role bound to a CVM instance, from the instance metadata service:
 * {@code GET /latest/meta-data/cam/security-credentials/} names the role, and that path plus the
 * name gives {@code TmpSecretId}, {@code TmpSecretKey}, {@code Token} and {@code ExpiredTime}
 * (Unix seconds), with {@code Code} {@code Success} (tencentcloud-sdk-java
 * {@code CvmRoleCredential}). They are refreshed 5 minutes before they expire, as the SDK does.
 */
public final class CvmRoleCredentials {

    /** The metadata service of a CVM instance; plain HTTP, reachable from the instance only. */
    public static final URI METADATA = URI.create("http://metadata.tencentyun.com/");
    /** How long before their expiry the keys are refreshed ({@code CvmRoleCredential.EXPIRED_TIME}). */
    public static final Duration MARGIN = Duration.ofMinutes(5);

    private static final String ROLES = "latest/meta-data/cam/security-credentials/";

    /**
     * The metadata service's reply for a role.
     *
     * @param code {@code Success} when the keys are there
     * @param id the temporary SecretId
     * @param key the temporary SecretKey
     * @param token the session token
     * @param expiredTime when they expire, in Unix seconds
     */
    public record RoleKeys(@JsonbProperty("Code") String code, @JsonbProperty("TmpSecretId") String id,
            @JsonbProperty("TmpSecretKey") String key, @JsonbProperty("Token") String token,
            @JsonbProperty("ExpiredTime") Long expiredTime) {

        /** Never the key or the token. */
        @Override
        public String toString() {
            return "RoleKeys[code=" + code + ", expiredTime=" + expiredTime + "]";
        }
    }

    private CvmRoleCredentials() {
    }

    /**
     * Looks for an instance role.
     *
     * @param source the source the keys are for
     * @param transport the metadata transport (no proxy, short timeout)
     * @param metadata the metadata service's base URI
     * @param clock the clock expiry is judged by
     * @return the role's keys, refreshed before they expire, or why there are none
     */
    public static Lookup find(SourceId source, HttpTransport transport, URI metadata, Clock clock) {
        URI roles = CredentialReplies.under(metadata, ROLES);
        Optional<HttpResponse> listed = CredentialReplies.exchange(transport, HttpRequest.get(roles).build());
        if (listed.isEmpty()) {
            return Lookup.nothing("no CVM metadata service at " + metadata + " (not a CVM instance)");
        }
        if (listed.get().status() != 200 || listed.get().bodyText().isBlank()) {
            return Lookup.nothing("no CAM role bound to this CVM instance (the metadata service answered HTTP "
                    + listed.get().status() + ")");
        }
        String role = listed.get().bodyText().strip().lines().findFirst().orElseThrow().strip();
        String origin = "instance role " + role;
        RefreshingCredentials keys = RefreshingCredentials.of(origin,
                () -> fetch(source, transport, CredentialReplies.under(roles, role), role), clock, MARGIN).fetchNow();
        return Lookup.found(keys, origin);
    }

    private static Credentials fetch(SourceId source, HttpTransport transport, URI uri, String role) {
        String from = "the CVM metadata service (role " + role + ")";
        HttpResponse reply = CredentialReplies.exchange(transport, HttpRequest.get(uri).build())
                .orElseThrow(() -> new AuthenticationException(source, "CredentialsUnavailable", from
                        + " did not answer within " + CredentialReplies.METADATA_TIMEOUT.toSeconds() + " s",
                        Optional.empty()));
        if (reply.status() != 200) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " answered HTTP "
                    + reply.status(), Optional.empty());
        }
        RoleKeys keys = CredentialReplies.read(source, from, reply.bodyText(), RoleKeys.class);
        if (!"Success".equals(keys.code()) || keys.id() == null || keys.key() == null || keys.token() == null
                || keys.expiredTime() == null) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " gave no keys (Code "
                    + keys.code() + ")", Optional.empty());
        }
        return Credentials.temporary(keys.id(), keys.key(), keys.token(), Instant.ofEpochSecond(keys.expiredTime()));
    }
}
