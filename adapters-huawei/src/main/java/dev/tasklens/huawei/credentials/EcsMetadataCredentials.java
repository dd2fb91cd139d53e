package dev.tasklens.huawei.credentials;

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
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The temporary AK/SK and security token of the agency bound to an ECS instance, from its metadata
 * service, as huaweicloud-sdk-core's {@code MetadataAccessor} gets them: first a session token
 * ({@code PUT /meta-data/latest/api/token} with {@code X-Metadata-Token-Ttl-Seconds: 21600}; an
 * instance that does not require one answers 404, 405 or 503 and the keys are asked for without
 * it), then {@code GET /openstack/latest/securitykey} with {@code X-Metadata-Token}, which answers
 * {@code {"credential": {"access", "secret", "securitytoken", "expires_at"}}}. The keys are
 * refreshed 40 minutes before they expire, the SDK's threshold.
 */
public final class EcsMetadataCredentials {

    /** The ECS metadata service; plain HTTP, link-local. */
    public static final URI METADATA = URI.create("http://169.254.169.254/");
    /** How long before their expiry the keys are refreshed ({@code AbstractCredentials}: 40 min). */
    public static final Duration MARGIN = Duration.ofMinutes(40);

    private static final String TOKEN = "meta-data/latest/api/token";
    private static final String SECURITY_KEY = "openstack/latest/securitykey";

    /**
     * The reply.
     *
     * @param credential the keys
     */
    public record Reply(@JsonbProperty("credential") Keys credential) {
    }

    /**
     * The keys.
     *
     * @param access the temporary AK
     * @param secret the temporary SK
     * @param securityToken the security token
     * @param expiresAt when they expire, such as {@code 2026-12-04T22:51:07.000000Z}
     */
    public record Keys(@JsonbProperty("access") String access, @JsonbProperty("secret") String secret,
            @JsonbProperty("securitytoken") String securityToken, @JsonbProperty("expires_at") String expiresAt) {

        /** Never the secret or the token. */
        @Override
        public String toString() {
            return "Keys[expiresAt=" + expiresAt + "]";
        }
    }

    private EcsMetadataCredentials() {
    }

    /**
     * Looks for the instance's agency.
     *
     * @param source the source the keys are for
     * @param transport the metadata transport (no proxy, short timeout)
     * @param metadata the metadata service's base URI
     * @param clock the clock
     * @return the keys, refreshed before they expire, or why there are none
     */
    public static Lookup find(SourceId source, HttpTransport transport, URI metadata, Clock clock) {
        Optional<HttpResponse> first = CredentialReplies.exchange(transport,
                HttpRequest.get(CredentialReplies.under(metadata, SECURITY_KEY)).build());
        if (first.isEmpty()) {
            return Lookup.nothing("no ECS metadata service at " + metadata + " (not an ECS instance)");
        }
        int status = first.get().status();
        // 401 asks for a metadata session token, unless no agency is configured (MetadataAccessor).
        if (status >= 400 && (status != 401
                || first.get().bodyText().contains("Please configure Cloud Service Agency first"))) {
            return Lookup.nothing("no agency bound to this ECS instance (the metadata service answered HTTP "
                    + status + ")");
        }
        String origin = "instance role (ECS agency)";
        RefreshingCredentials keys = RefreshingCredentials.of(origin, () -> fetch(source, transport, metadata),
                clock, MARGIN).fetchNow();
        return Lookup.found(keys, origin);
    }

    private static Credentials fetch(SourceId source, HttpTransport transport, URI metadata) {
        String from = "the ECS metadata service at " + metadata;
        HttpRequest.Builder ask = HttpRequest.get(CredentialReplies.under(metadata, SECURITY_KEY));
        sessionToken(transport, metadata).ifPresent(token -> ask.header("X-Metadata-Token", token));
        HttpResponse reply = CredentialReplies.exchange(transport, ask.build())
                .orElseThrow(() -> new AuthenticationException(source, "CredentialsUnavailable", from
                        + " did not answer within " + CredentialReplies.METADATA_TIMEOUT.toSeconds() + " s",
                        Optional.empty()));
        if (reply.status() != 200) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " answered HTTP "
                    + reply.status() + " to the security key request", Optional.empty());
        }
        Keys keys = Optional.ofNullable(CredentialReplies.read(source, from, reply.bodyText(), Reply.class)
                .credential()).orElseThrow(() -> new AuthenticationException(source, "CredentialsUnavailable",
                        from + " gave no credential", Optional.empty()));
        if (keys.access() == null || keys.secret() == null || keys.securityToken() == null
                || keys.expiresAt() == null) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " gave an incomplete"
                    + " credential", Optional.empty());
        }
        Instant expiry;
        try {
            expiry = Instant.parse(keys.expiresAt());
        } catch (DateTimeParseException e) {
            throw new AuthenticationException(source, "CredentialsUnavailable", from + " gave an expiry that is"
                    + " not an ISO-8601 UTC time", Optional.empty());
        }
        return Credentials.temporary(keys.access(), keys.secret(), keys.securityToken(), expiry);
    }

    /** The metadata session token, when the instance hands one out. */
    private static Optional<String> sessionToken(HttpTransport transport, URI metadata) {
        HttpRequest put = HttpRequest.newBuilder("PUT", CredentialReplies.under(metadata, TOKEN))
                .header("X-Metadata-Token-Ttl-Seconds", "21600").body(new byte[0]).build();
        return CredentialReplies.exchange(transport, put).filter(reply -> reply.status() == 200)
                .map(reply -> reply.bodyText().strip()).filter(token -> !token.isEmpty());
    }
}
