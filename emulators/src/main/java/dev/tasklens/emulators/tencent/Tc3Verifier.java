package dev.tasklens.emulators.tencent;

import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a TC3-HMAC-SHA256 signature as the API 3.0 gateway does ("签名方法 v3", Tencent Cloud API
 * documentation, product 213, doc 30654), answering with the gateway's error codes:
 *
 * <ul>
 *   <li>the {@code Authorization} header has the TC3 form ({@code AuthFailure.InvalidAuthorization});</li>
 *   <li>the SecretId is known ({@code AuthFailure.SecretIdNotFound});</li>
 *   <li>{@code X-TC-Timestamp} is a Unix time within five minutes of the server's clock
 *       ({@code AuthFailure.SignatureExpire}; a timestamp of any length is read without overflow);</li>
 *   <li>the credential scope names this API's service and the UTC date of that timestamp: "Date
 *       必须从时间戳 X-TC-Timestamp 计算得到，且时区为 UTC+0" ({@code AuthFailure.SignatureFailure}); a
 *       client that signs for service {@code 127} because its endpoint was {@code 127.0.0.1} is
 *       refused, as the real gateway refuses it;</li>
 *   <li>the signed headers include {@code content-type} and {@code host} ("至少包含 host 和
 *       content-type"); this emulator verifies exactly that pair, the set the official SDK signs, and
 *       refuses others with a message saying so;</li>
 *   <li>the signature equals the one the secret gives for the request as received
 *       ({@code AuthFailure.SignatureFailure}).</li>
 * </ul>
 */
final class Tc3Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/([^/]*)/([^/]*)/tc3_request, SignedHeaders=([^,]+), "
                    + "Signature=([0-9a-f]{64})");
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String SIGNED_HEADERS = "content-type;host";

    /** A refusal, with the gateway's code and message. */
    record Refusal(String code, String message) {
    }

    private final String service;
    private final KeyRing keys;
    private final Clock clock;

    Tc3Verifier(String service, KeyRing keys, Clock clock) {
        this.service = service;
        this.keys = keys;
        this.clock = clock;
    }

    Optional<Refusal> verify(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse("");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            return refuse("AuthFailure.InvalidAuthorization", "Authorization is not a TC3-HMAC-SHA256 signature");
        }
        Optional<KeyRing.Key> key = keys.find(parts.group(1));
        if (key.isEmpty()) {
            return refuse("AuthFailure.SecretIdNotFound", "the SecretId is not found");
        }
        String secret = key.get().secret();
        // A temporary key comes with X-TC-Token (API 3.0 common parameters) and stops at its expiry.
        Optional<String> unusable = KeyRing.refusal(key.get(), request.headers().firstValue("X-TC-Token"),
                clock.instant());
        if (unusable.isPresent()) {
            return refuse(unusable.get().contains("expired") ? "AuthFailure.SecretIdNotFound"
                    : "AuthFailure.TokenFailure", unusable.get());
        }
        Optional<Instant> signedAt = timestamp(request.headers().firstValue("X-TC-Timestamp").orElse(""));
        if (signedAt.isEmpty()) {
            return refuse("MissingParameter", "X-TC-Timestamp is missing or not a Unix time in seconds");
        }
        if (Duration.between(signedAt.get(), clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return refuse("AuthFailure.SignatureExpire",
                    "the signature has expired: the timestamp differs from the server time by more than 5 minutes");
        }
        String date = LocalDate.ofInstant(signedAt.get(), ZoneOffset.UTC).toString();
        if (!parts.group(2).equals(date)) {
            return refuse("AuthFailure.SignatureFailure", "the credential scope's date " + parts.group(2)
                    + " is not the UTC date of X-TC-Timestamp (" + date + ")");
        }
        if (!parts.group(3).equals(service)) {
            return refuse("AuthFailure.SignatureFailure", "the credential scope names service '" + parts.group(3)
                    + "'; this API is service '" + service + "'");
        }
        if (!parts.group(4).equals(SIGNED_HEADERS)) {
            return refuse("AuthFailure.SignatureFailure", "SignedHeaders must include content-type and host; this"
                    + " emulator verifies exactly '" + SIGNED_HEADERS + "', got '" + parts.group(4) + "'");
        }
        SignableRequest.Builder signable = SignableRequest.builder(request.method(), request.uri());
        request.headers().entries().forEach(header -> signable.header(header.name(), header.value()));
        signable.body(request.body());
        String expected;
        try {
            expected = Tc3Signer.forService(service)
                    .sign(signable.build(), SigningCredentials.of(parts.group(1), secret), signedAt.get())
                    .authorization();
        } catch (IllegalArgumentException e) {
            return refuse("AuthFailure.SignatureFailure", "the request cannot be signed: " + e.getMessage());
        }
        if (!expected.equals(authorization)) {
            return refuse("AuthFailure.SignatureFailure", "the signature does not match");
        }
        return Optional.empty();
    }

    /** A Unix time in seconds; digits beyond what an instant holds are a time far away, not an overflow. */
    private static Optional<Instant> timestamp(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        if (text.length() > 18) {
            return Optional.of(Instant.MAX);
        }
        long seconds = Long.parseLong(text);
        return Optional.of(seconds > Instant.MAX.getEpochSecond() ? Instant.MAX : Instant.ofEpochSecond(seconds));
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
