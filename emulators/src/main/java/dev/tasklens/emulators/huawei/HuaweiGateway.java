package dev.tasklens.emulators.huawei;

import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.huawei.HuaweiSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Huawei Cloud's API gateway in front of an emulated API (PROVIDERS §3.3, §3.7): AK/SK
 * ({@code SDK-HMAC-SHA256}) verified with {@code X-Sdk-Date} within 15 minutes of the gateway's
 * time, or an IAM token in {@code X-Auth-Token}; every refusal is {@code APIG.0301} with HTTP 401 and
 * the gateway's sub-message ({@code verify aksk signature fail}, {@code signature expired}, ...), the
 * throttling reply {@code APIG.0308} with 429. Error bodies are
 * {@code {"error_code", "error_msg", "request_id"}}.
 */
final class HuaweiGateway {

    static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final KeyRing keys;
    private final Optional<String> token;
    private final Clock clock;

    HuaweiGateway(KeyRing keys, Optional<String> token, Clock clock) {
        this.keys = keys;
        this.token = token;
        this.clock = clock;
    }

    /** The gateway's refusal of the request, if it refuses it; the access key it verified otherwise. */
    Optional<HttpResponse> refuse(HttpRequest request) {
        Optional<String> authToken = request.headers().firstValue("X-Auth-Token");
        if (authToken.isPresent()) {
            return token.isPresent() && token.get().equals(authToken.get()) ? Optional.empty()
                    : Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: decrypt token"
                            + " fail"));
        }
        Matcher parts = AUTHORIZATION.matcher(request.headers().firstValue("Authorization").orElse(""));
        if (!parts.matches()) {
            return Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: x-auth-token not"
                    + " found, and no AK/SK signature"));
        }
        Optional<KeyRing.Key> key = keys.find(parts.group(1));
        if (key.isEmpty()) {
            return Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: get secretkey"
                    + " failed"));
        }
        String secret = key.get().secret();
        // Temporary AK/SK come with X-Security-Token (core BasicCredentials) and stop at their expiry.
        Optional<String> unusable = KeyRing.refusal(key.get(), request.headers().firstValue("X-Security-Token"),
                clock.instant());
        if (unusable.isPresent()) {
            return Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: "
                    + unusable.get()));
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(request.headers().firstValue("X-Sdk-Date").orElse(""), SDK_DATE)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: X-Sdk-Date is"
                    + " not yyyyMMddTHHmmssZ"));
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: calc aksk"
                    + " signature fail:signature expired"));
        }
        SignableRequest.Builder signable = SignableRequest.builder(request.method(), request.uri());
        java.util.Set<String> signed = java.util.Set.of(parts.group(2).split(";"));
        request.headers().entries().stream()
                .filter(header -> signed.contains(header.name().toLowerCase(java.util.Locale.ROOT)))
                .filter(header -> !header.name().equalsIgnoreCase("X-Sdk-Date"))
                .forEach(header -> signable.header(header.name(), header.value()));
        signable.body(request.body());
        String expected;
        try {
            expected = HuaweiSigner.create().sign(signable.build(), SigningCredentials.of(parts.group(1), secret),
                    signedAt).authorization();
        } catch (IllegalArgumentException e) {
            return Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: " + e.getMessage()));
        }
        return expected.endsWith("Signature=" + parts.group(3)) ? Optional.empty()
                : Optional.of(error(401, "APIG.0301", "Incorrect IAM authentication information: verify aksk"
                        + " signature fail"));
    }

    HttpResponse throttled() {
        return error(429, "APIG.0308", "The throttling threshold has been reached: policy user over ratelimit,"
                + "limit:100,time:1 second");
    }

    HttpResponse error(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString().replace("-", "");
        return HttpResponse.of(status, headers(requestId), EmulatorJson.provider().createObjectBuilder().add("error_code", code)
                .add("error_msg", message).add("request_id", requestId).build().toString());
    }

    HttpHeaders headers(String requestId) {
        return HttpHeaders.of("Content-Type", "application/json;charset=UTF-8", "X-Request-Id", requestId,
                "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
    }
}
