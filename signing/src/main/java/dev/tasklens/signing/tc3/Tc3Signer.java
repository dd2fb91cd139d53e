package dev.tasklens.signing.tc3;

import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.internal.Crypto;
import dev.tasklens.signing.internal.DerivedKeyCache;
import dev.tasklens.signing.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * TC3-HMAC-SHA256, the signature of Tencent Cloud API 3.0 ("签名方法 v3", Tencent Cloud API
 * documentation, product 213, doc 30654), as the official Java SDK
 * ({@code tencentcloud-sdk-java-common}, {@code AbstractClient}) computes it:
 *
 * <ol>
 *   <li>Canonical request: {@code METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\n
 *       SignedHeaders\nHashedRequestPayload}. The URI is the raw path ({@code /} for API 3.0). The
 *       query string is the raw query for GET and empty for POST ("对于 POST 请求，固定为空字符串").
 *       The headers are {@code content-type} and {@code host} ("至少包含 host 和 content-type"),
 *       signed as {@code content-type;host}. The payload hash is the hex SHA-256 of the body.</li>
 *   <li>String to sign: {@code TC3-HMAC-SHA256\nTimestamp\nDate/service/tc3_request\n
 *       hex(SHA-256(CanonicalRequest))}, Date being the UTC date of the timestamp.</li>
 *   <li>Key: {@code HMAC(HMAC(HMAC("TC3" + SecretKey, Date), service), "tc3_request")};
 *       signature: hex HMAC-SHA256 of the string to sign.</li>
 * </ol>
 *
 * <p>Added headers: {@code Authorization}, {@code X-TC-Timestamp}, and {@code X-TC-Token} for
 * temporary credentials.
 *
 * <p>Deviation of the SDK from the document, followed here: the document says header values are
 * lower-cased and trimmed in the canonical headers; the SDK signs the {@code Content-Type} and host
 * exactly as sent. (Both are lower-case in every request the SDK makes, so servers accept either.)
 *
 * <p>The service defaults to the first label of the host ({@code mps} for
 * {@code mps.tencentcloudapi.com}), as the SDK derives it; name it explicitly for other hosts
 * (an emulator on {@code 127.0.0.1}). The derived key is cached per secret, day and service.
 */
public final class Tc3Signer implements RequestSigner {

    private static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final String SIGNED_HEADERS = "content-type;host";
    private static final byte[] TC3_REQUEST = "tc3_request".getBytes(StandardCharsets.UTF_8);

    private final Optional<String> service;
    private final DerivedKeyCache keys = new DerivedKeyCache("HmacSHA256");

    private Tc3Signer(Optional<String> service) {
        this.service = service;
    }

    /**
     * A signer that takes the service from the host's first label, as the official SDK does.
     *
     * @return the signer
     */
    public static Tc3Signer create() {
        return new Tc3Signer(Optional.empty());
    }

    /**
     * A signer for a named service, whatever the host.
     *
     * @param service the service, such as {@code mps}
     * @return the signer
     * @throws IllegalArgumentException if the service is not a product name (lower-case letters and digits)
     */
    public static Tc3Signer forService(String service) {
        Objects.requireNonNull(service, "service");
        // The service is the host's first label (mps.tencentcloudapi.com) and part of the credential scope.
        if (!service.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("TC3 service '" + service + "' must be a product name such as mps"
                    + " (lower-case letters and digits)");
        }
        return new Tc3Signer(Optional.of(service));
    }

    @Override
    public Signature sign(SignableRequest request, SigningCredentials credentials, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(at, "at");
        String contentType = request.header("Content-Type").orElseThrow(() -> new IllegalArgumentException(
                "TC3 signs the Content-Type header, and the request has none; set it (application/json for a"
                        + " POST to API 3.0, application/x-www-form-urlencoded for a GET)"));
        String host = request.host();
        String serviceName = service.orElseGet(() -> firstLabel(host));
        long timestamp = at.getEpochSecond();
        String date = LocalDate.ofEpochDay(Math.floorDiv(timestamp, 86_400L)).toString();
        String scope = date + "/" + serviceName + "/tc3_request";

        String query = request.method().equals("POST") || request.uri().getRawQuery() == null
                ? "" : request.uri().getRawQuery();
        String canonicalRequest = new StringBuilder(256)
                .append(request.method()).append('\n')
                .append(request.rawPath()).append('\n')
                .append(query).append('\n')
                .append("content-type:").append(contentType).append('\n')
                .append("host:").append(host).append('\n').append('\n')
                .append(SIGNED_HEADERS).append('\n')
                .append(request.payloadSha256())
                .toString();
        String timestampText = Long.toString(timestamp);
        String stringToSign = ALGORITHM + '\n' + timestampText + '\n' + scope + '\n'
                + Hex.encode(Crypto.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));

        String secret = credentials.secretKey();
        String signature = Hex.encode(keys.hmac(secret, scope, () -> {
            byte[] dateKey = Crypto.hmacSha256(("TC3" + secret).getBytes(StandardCharsets.UTF_8),
                    date.getBytes(StandardCharsets.UTF_8));
            byte[] serviceKey = Crypto.hmacSha256(dateKey, serviceName.getBytes(StandardCharsets.UTF_8));
            return Crypto.hmacSha256(serviceKey, TC3_REQUEST);
        }, stringToSign.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature);
        headers.put("X-TC-Timestamp", timestampText);
        credentials.sessionToken().ifPresent(token -> headers.put("X-TC-Token", token));
        return new Signature(headers, canonicalRequest, stringToSign);
    }

    private static String firstLabel(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}
