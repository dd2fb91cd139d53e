package dev.tasklens.emulators.tencent;

import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tencent STS's {@code AssumeRoleWithWebIdentity} (API version 2018-08-13), as a TKE pod calls it:
 * unsigned ({@code Authorization: SKIP}), JSON body {@code ProviderId}, {@code WebIdentityToken},
 * {@code RoleArn}, {@code RoleSessionName} and {@code DurationSeconds} (900 to 43200). It checks
 * them against the one identity provider, token and role it knows, and answers
 * {@code Response.Credentials} ({@code TmpSecretId}, {@code TmpSecretKey}, {@code Token}),
 * {@code ExpiredTime} and {@code Expiration}: a new key per call, which MPS and CLS accept until it
 * expires. The key lives {@code DurationSeconds}, or less when the emulator is told a shorter life.
 */
public final class StsApi implements ApiHandler {

    private final String providerId;
    private final String webIdentityToken;
    private final String roleArn;
    private final TemporaryKeys keys;
    private final Clock clock;

    /**
     * An STS that knows one web identity.
     *
     * @param providerId the identity provider's id
     * @param webIdentityToken the OIDC token it accepts
     * @param roleArn the role the token may assume
     * @param keys issues the keys; their life caps {@code DurationSeconds}
     * @param clock the service's clock
     */
    public StsApi(String providerId, String webIdentityToken, String roleArn, TemporaryKeys keys, Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.webIdentityToken = Objects.requireNonNull(webIdentityToken, "webIdentityToken");
        this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        var request = exchange.request();
        if (!request.method().equals("POST") || !exchange.path().equals("/")) {
            return TencentReplies.error("UnsupportedOperation", "POST / only", clock);
        }
        if (!request.headers().firstValue("X-TC-Action").orElse("").equals("AssumeRoleWithWebIdentity")) {
            return TencentReplies.error("InvalidAction", "this emulator serves AssumeRoleWithWebIdentity only", clock);
        }
        if (!request.headers().firstValue("X-TC-Version").orElse("").equals("2018-08-13")) {
            return TencentReplies.error("InvalidParameter", "X-TC-Version must be 2018-08-13", clock);
        }
        if (request.headers().firstValue("X-TC-Region").orElse("").isBlank()) {
            return TencentReplies.error("MissingParameter", "X-TC-Region is required", clock);
        }
        if (!request.headers().firstValue("Authorization").orElse("").equals("SKIP")) {
            return TencentReplies.error("AuthFailure.InvalidAuthorization", "AssumeRoleWithWebIdentity is sent"
                    + " unsigned, with Authorization: SKIP", clock);
        }
        JsonObject body;
        try {
            body = EmulatorJson.provider().createReader(new StringReader(new String(request.body(),
                    StandardCharsets.UTF_8))).readObject();
        } catch (JsonException | IllegalStateException e) {
            return TencentReplies.error("InvalidParameter", "the body is not a JSON object", clock);
        }
        if (!providerId.equals(text(body, "ProviderId"))) {
            return TencentReplies.error("InvalidParameter.ProviderIdError", "ProviderId is not a known provider", clock);
        }
        if (!webIdentityToken.equals(text(body, "WebIdentityToken"))) {
            return TencentReplies.error("InvalidParameter.WebIdentityTokenError", "the WebIdentityToken is not valid",
                    clock);
        }
        if (!roleArn.equals(text(body, "RoleArn"))) {
            return TencentReplies.error("InvalidParameter.RoleNotExist", "RoleArn names no role this token may assume",
                    clock);
        }
        if (text(body, "RoleSessionName") == null || text(body, "RoleSessionName").isBlank()) {
            return TencentReplies.error("MissingParameter", "RoleSessionName is required", clock);
        }
        JsonValue duration = body.get("DurationSeconds");
        long seconds = duration instanceof JsonNumber number && number.isIntegral() ? number.longValue() : 7200;
        if (seconds < 900 || seconds > 43200) {
            return TencentReplies.error("InvalidParameter.DurationSecondsError", "DurationSeconds is 900 to 43200",
                    clock);
        }
        Duration life = Duration.ofSeconds(seconds).compareTo(keys.life()) < 0 ? Duration.ofSeconds(seconds)
                : keys.life();
        KeyRing.Key key = keys.issue(life);
        var provider = EmulatorJson.provider();
        return TencentReplies.ok(provider.createObjectBuilder()
                .add("Credentials", provider.createObjectBuilder().add("Token", key.token().orElseThrow())
                        .add("TmpSecretId", key.id()).add("TmpSecretKey", key.secret()))
                .add("ExpiredTime", key.expiry().orElseThrow().getEpochSecond())
                .add("Expiration", key.expiry().get().toString())
                .build(), clock);
    }

    /**
     * The keys issued.
     *
     * @return the keys
     */
    public TemporaryKeys keys() {
        return keys;
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }
}
