package dev.tasklens.emulators.tencent;

import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a TC3-HMAC-SHA256 signature as the API 3.0 gateway does: the key id must be known, the
 * timestamp within five minutes of the server's clock, and the signature equal to the one the
 * secret gives for the request as received. Answers with the gateway's error code.
 */
final class Tc3Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, SignedHeaders=([^,]+), "
                    + "Signature=([0-9a-f]{64})");
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** A refusal, with the gateway's code and message. */
    record Refusal(String code, String message) {
    }

    private final Map<String, String> secrets;
    private final Clock clock;

    Tc3Verifier(Map<String, String> secrets, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    Optional<Refusal> verify(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse("");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            return Optional.of(new Refusal("AuthFailure.InvalidAuthorization", "Authorization is not a TC3 signature"));
        }
        String secret = secrets.get(parts.group(1));
        if (secret == null) {
            return Optional.of(new Refusal("AuthFailure.SecretIdNotFound", "the SecretId is not found"));
        }
        Optional<String> timestamp = request.headers().firstValue("X-TC-Timestamp");
        if (timestamp.isEmpty() || !timestamp.get().matches("\\d+")) {
            return Optional.of(new Refusal("MissingParameter", "X-TC-Timestamp is missing"));
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.get()));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.of(new Refusal("AuthFailure.SignatureExpire",
                    "the signature has expired: the timestamp differs from the server time by more than 5 minutes"));
        }
        SignableRequest.Builder signable = SignableRequest.builder(request.method(), request.uri());
        request.headers().entries().forEach(header -> signable.header(header.name(), header.value()));
        signable.body(request.body());
        String expected = Tc3Signer.forService(parts.group(3))
                .sign(signable.build(), SigningCredentials.of(parts.group(1), secret), signedAt).authorization();
        if (!expected.equals(authorization)) {
            return Optional.of(new Refusal("AuthFailure.SignatureFailure", "the signature does not match"));
        }
        return Optional.empty();
    }
}
