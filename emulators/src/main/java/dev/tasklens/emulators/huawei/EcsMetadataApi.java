package dev.tasklens.emulators.huawei;

import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ECS instance's metadata service, its security key part (ECS document "获取临时AK/SK", and
 * huaweicloud-sdk-core {@code MetadataAccessor}): {@code PUT /meta-data/latest/api/token} with
 * {@code X-Metadata-Token-Ttl-Seconds} (1 to 21600) answers a session token; {@code GET
 * /openstack/latest/securitykey} with that token in {@code X-Metadata-Token} answers
 * {@code {"credential": {"access", "secret", "securitytoken", "expires_at"}}}, with
 * {@code expires_at} in microseconds ({@code 2026-12-04T10:00:00.000000Z}). This instance requires
 * the session token: without one, or with an expired one, the key request is 401. The keys rotate
 * ({@link TemporaryKeys}) and MetaStudio accepts them with their security token until they expire.
 */
public final class EcsMetadataApi implements ApiHandler {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final TemporaryKeys keys;
    private final Clock clock;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

    /**
     * A metadata service with an agency bound.
     *
     * @param keys the agency's keys
     * @param clock the service's clock
     */
    public EcsMetadataApi(TemporaryKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        var request = exchange.request();
        String path = exchange.path();
        if (path.equals("/meta-data/latest/api/token")) {
            if (!request.method().equals("PUT")) {
                return text(405, "method not allowed");
            }
            long ttl;
            try {
                ttl = Long.parseLong(request.headers().firstValue("X-Metadata-Token-Ttl-Seconds").orElse(""));
            } catch (NumberFormatException e) {
                return text(400, "X-Metadata-Token-Ttl-Seconds must be a number of seconds");
            }
            if (ttl < 1 || ttl > 21600) {
                return text(400, "X-Metadata-Token-Ttl-Seconds must be 1 to 21600");
            }
            String token = UUID.randomUUID().toString();
            sessions.put(token, clock.instant().plusSeconds(ttl));
            return text(200, token);
        }
        if (!path.equals("/openstack/latest/securitykey")) {
            return text(404, "not found");
        }
        if (!request.method().equals("GET")) {
            return text(405, "method not allowed");
        }
        Instant session = sessions.get(request.headers().firstValue("X-Metadata-Token").orElse(""));
        if (session == null || !clock.instant().isBefore(session)) {
            return text(401, "a valid X-Metadata-Token is required");
        }
        KeyRing.Key key = keys.current();
        String body = EmulatorJson.provider().createObjectBuilder()
                .add("credential", EmulatorJson.provider().createObjectBuilder()
                        .add("access", key.id())
                        .add("secret", key.secret())
                        .add("securitytoken", key.token().orElseThrow())
                        .add("expires_at", MICROS.format(key.expiry().orElseThrow().truncatedTo(ChronoUnit.MICROS))))
                .build().toString();
        return HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"), body);
    }

    /**
     * The keys handed out.
     *
     * @return the agency's keys
     */
    public TemporaryKeys keys() {
        return keys;
    }

    private static HttpResponse text(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "text/plain"), body);
    }
}
