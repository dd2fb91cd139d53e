package dev.tasklens.emulators.tencent;

import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CVM instance's metadata service, its CAM role part (CVM document "实例元数据", and
 * tencentcloud-sdk-java {@code CvmRoleCredential}): {@code GET
 * /latest/meta-data/cam/security-credentials/} answers the role name as plain text, and that path
 * plus the role name answers {@code {"TmpSecretId", "TmpSecretKey", "ExpiredTime", "Expiration",
 * "Token", "Code": "Success"}}. Any other path is 404, as is another role's name. The keys rotate
 * ({@link TemporaryKeys}) and MPS and CLS accept them with their token until they expire.
 */
public final class CvmMetadataApi implements ApiHandler {

    private static final String ROLES = "/latest/meta-data/cam/security-credentials/";

    private final String role;
    private final TemporaryKeys keys;
    private final AtomicInteger requests = new AtomicInteger();

    /**
     * A metadata service with one role bound.
     *
     * @param role the role's name
     * @param keys the role's keys
     */
    public CvmMetadataApi(String role, TemporaryKeys keys) {
        this.role = Objects.requireNonNull(role, "role");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        requests.incrementAndGet();
        String path = exchange.path();
        if (!exchange.request().method().equals("GET")) {
            return text(405, "method not allowed");
        }
        if (path.equals(ROLES)) {
            return text(200, role);
        }
        if (!path.equals(ROLES + role)) {
            return text(404, "not found");
        }
        KeyRing.Key key = keys.current();
        String body = EmulatorJson.provider().createObjectBuilder()
                .add("TmpSecretId", key.id())
                .add("TmpSecretKey", key.secret())
                .add("ExpiredTime", key.expiry().orElseThrow().getEpochSecond())
                .add("Expiration", key.expiry().get().toString())
                .add("Token", key.token().orElseThrow())
                .add("Code", "Success")
                .build().toString();
        return HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"), body);
    }

    /**
     * The requests served.
     *
     * @return the count
     */
    public int requests() {
        return requests.get();
    }

    /**
     * The keys handed out.
     *
     * @return the role's keys
     */
    public TemporaryKeys keys() {
        return keys;
    }

    private static HttpResponse text(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "text/plain"), body);
    }
}
