package dev.tasklens.emulators.baidu;

import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.bce.BceSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a bce-auth-v1 signature as the BCE gateway does (Baidu AI Cloud "生成认证字符串"; PROVIDERS
 * §5.2), answering with its error codes and HTTP statuses:
 *
 * <ul>
 *   <li>{@code bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}}, else
 *       400 {@code InvalidHTTPAuthHeader};</li>
 *   <li>a known access key, else 403 {@code InvalidAccessKeyId};</li>
 *   <li>an {@code x-bce-date} header equal to the authorization's timestamp (the document's request
 *       carries it, and the official SDK's client sets both from one clock reading), else 400
 *       {@code SignatureDoesNotMatch};</li>
 *   <li>the server's time within {@code [timestamp, timestamp + expiration]} (a timestamp up to five
 *       minutes ahead is a clock off by a little, not an error), else 400 {@code RequestExpired};</li>
 *   <li>the signed headers: empty means the default set ({@code host}, {@code content-length},
 *       {@code content-type}, {@code content-md5}, {@code x-bce-*}), as the official SDK sends it;
 *       a list must name {@code host}, as Baidu's own example {@code host;x-bce-date} does;</li>
 *   <li>the signature equal to the one the secret gives for the request as received, else 400
 *       {@code SignatureDoesNotMatch}.</li>
 * </ul>
 */
final class BceVerifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "bce-auth-v1/([^/]+)/([^/]+)/(\\d{1,9})/([^/]*)/([0-9a-f]{64})");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final Duration AHEAD = Duration.ofMinutes(5);

    /** A refusal, with the gateway's HTTP status, code and message. */
    record Refusal(int status, String code, String message) {
    }

    private final Map<String, String> secrets;
    private final Clock clock;

    BceVerifier(Map<String, String> secrets, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    Optional<Refusal> verify(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse("");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            return refuse(400, "InvalidHTTPAuthHeader", "the Authorization header is not bce-auth-v1");
        }
        String secret = secrets.get(parts.group(1));
        if (secret == null) {
            return refuse(403, "InvalidAccessKeyId", "the access key id does not exist");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(parts.group(2), TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return refuse(400, "InvalidHTTPAuthHeader", "the timestamp is not yyyy-MM-ddTHH:mm:ssZ");
        }
        int expiration = Integer.parseInt(parts.group(3));
        Instant now = clock.instant();
        if (now.isAfter(signedAt.plusSeconds(expiration)) || signedAt.isAfter(now.plus(AHEAD))) {
            return refuse(400, "RequestExpired", "the request has expired: signed at " + parts.group(2) + " for "
                    + expiration + " s, the server's time is " + TIMESTAMP.format(now.atOffset(ZoneOffset.UTC)));
        }
        // The request's own x-bce-date is the one signed; the document's request carries it.
        if (!request.headers().firstValue("x-bce-date").orElse("").equals(parts.group(2))) {
            return refuse(400, "SignatureDoesNotMatch", "x-bce-date must be the authorization's timestamp "
                    + parts.group(2));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String name : parts.group(4).split(";")) {
            if (!name.isEmpty()) {
                listed.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (!listed.isEmpty() && !listed.contains("host")) {
            return refuse(400, "SignatureDoesNotMatch", "the signed headers must include host");
        }
        SignableRequest.Builder signable = SignableRequest.builder(request.method(), request.uri());
        request.headers().entries().stream()
                .filter(header -> !header.name().equalsIgnoreCase("Authorization"))
                .filter(header -> listed.isEmpty() || listed.contains(header.name().toLowerCase(Locale.ROOT)))
                .forEach(header -> signable.header(header.name(), header.value()));
        BceSigner signer = BceSigner.create().expiringAfter(expiration);
        if (!listed.isEmpty()) {
            signer = signer.listingSignedHeaders(listed);
        }
        String expected;
        try {
            expected = signer.sign(signable.build(), SigningCredentials.of(parts.group(1), secret), signedAt)
                    .authorization();
        } catch (IllegalArgumentException e) {
            return refuse(400, "SignatureDoesNotMatch", "the request cannot be signed: " + e.getMessage());
        }
        // The signature decides; how the client wrote its header list (order, case) does not.
        return expected.endsWith("/" + parts.group(5)) ? Optional.empty()
                : refuse(400, "SignatureDoesNotMatch", "the signature does not match");
    }

    private static Optional<Refusal> refuse(int status, String code, String message) {
        return Optional.of(new Refusal(status, code, message));
    }
}
