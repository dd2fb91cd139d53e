package dev.tasklens.signing.huawei;

import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.internal.Crypto;
import dev.tasklens.signing.internal.Hex;
import dev.tasklens.signing.internal.PercentEncoding;
import dev.tasklens.signing.internal.QueryParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SDK-HMAC-SHA256, the AK/SK signature of Huawei Cloud APIs (seed 002; Huawei Cloud API Gateway
 * "AK/SK Signing and Authentication"), as the official Java SDK ({@code huaweicloud-sdk-core},
 * {@code AKSKSigner}) computes it:
 *
 * <ol>
 *   <li>Canonical request: {@code METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\n
 *       SignedHeaders\nHexEncode(Hash(Body))}. The URI is each segment of the raw path
 *       percent-encoded (RFC 3986 unreserved kept) and followed by {@code /}, so it always ends in
 *       {@code /}. The query is each name and value percent-encoded, sorted by name, a name's values
 *       in the order sent. The headers are every header but {@code Content-Type} and names
 *       containing {@code _}, plus {@code host} and {@code x-sdk-date}; lower-cased names, sorted,
 *       {@code name:value\n}; the signed header list joins the names with {@code ;}.</li>
 *   <li>String to sign: {@code SDK-HMAC-SHA256\nX-Sdk-Date\nhex(SHA-256(CanonicalRequest))}, the date
 *       as {@code yyyyMMdd'T'HHmmss'Z'} in UTC.</li>
 *   <li>Signature: hex HMAC-SHA256 with the SK; {@code Authorization: SDK-HMAC-SHA256 Access=AK,
 *       SignedHeaders=…, Signature=…}.</li>
 * </ol>
 *
 * <p>Deviations of the SDK from the API Gateway document, followed here: header values are
 * signed as sent, not trimmed; {@code Content-Type} is left out of the signed headers; a header
 * named {@code X-Sdk-Content-Sha256} replaces the body hash (the document reserves it for
 * {@code UNSIGNED-PAYLOAD}). Only the first value of a header is signed by the SDK, so a header
 * sent twice is refused here with a message instead.
 *
 * <p>Added headers: {@code X-Sdk-Date}, {@code Authorization}, and {@code X-Security-Token} for
 * temporary credentials (signed). Add {@code X-Project-Id} to the request yourself where the API
 * asks for it (seed 002 does for AK/SK); it is signed like any header.
 */
public final class HuaweiSigner implements RequestSigner {

    private static final String ALGORITHM = "SDK-HMAC-SHA256";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HuaweiSigner() {
    }

    /**
     * The signer.
     *
     * @return the signer (stateless)
     */
    public static HuaweiSigner create() {
        return new HuaweiSigner();
    }

    @Override
    public Signature sign(SignableRequest request, SigningCredentials credentials, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        String date = SDK_DATE.format(Objects.requireNonNull(at, "at"));
        request.header("X-Sdk-Date").ifPresent(given -> {
            if (!given.equals(date)) {
                throw new IllegalArgumentException("the request already carries X-Sdk-Date " + given + " but is"
                        + " signed at " + date + "; remove the header or sign at that time");
            }
        });
        SignableRequest signed = credentials.sessionToken()
                .map(token -> request.withHeader("X-Security-Token", token))
                .orElse(request);

        TreeMap<String, String> headers = new TreeMap<>();
        for (SignableRequest.Header header : signed.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || name.contains("_")) {
                continue;
            }
            if (headers.put(name, header.value()) != null) {
                throw new IllegalArgumentException("header '" + header.name() + "' is sent twice; the Huawei"
                        + " signature covers one value per header, so send it once");
            }
        }
        headers.put("host", signed.host());
        headers.put("x-sdk-date", date);

        StringBuilder canonical = new StringBuilder(512)
                .append(signed.method()).append('\n');
        appendCanonicalUri(canonical, signed.rawPath());
        canonical.append('\n');
        appendCanonicalQuery(canonical, signed.uri().getRawQuery());
        canonical.append('\n');
        StringBuilder signedHeaders = new StringBuilder();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            canonical.append(header.getKey()).append(':').append(header.getValue()).append('\n');
            if (signedHeaders.length() > 0) {
                signedHeaders.append(';');
            }
            signedHeaders.append(header.getKey());
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash(signed, headers));

        String canonicalRequest = canonical.toString();
        String stringToSign = ALGORITHM + "\n" + date + "\n"
                + Hex.encode(Crypto.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String signature = Hex.encode(Crypto.hmacSha256(credentials.secretKey().getBytes(StandardCharsets.UTF_8),
                stringToSign.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Sdk-Date", date);
        added.put("Authorization", ALGORITHM + " Access=" + credentials.accessKeyId() + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature);
        credentials.sessionToken().ifPresent(token -> added.put("X-Security-Token", token));
        return new Signature(added, canonicalRequest, stringToSign);
    }

    private static String payloadHash(SignableRequest request, Map<String, String> headers) {
        String given = headers.get("x-sdk-content-sha256");
        if (given != null) {
            return given;
        }
        return request.payloadSha256();
    }

    /** Each segment encoded and followed by "/", as String.split drops trailing empty segments. */
    private static void appendCanonicalUri(StringBuilder out, String rawPath) {
        if (rawPath.equals("/")) {
            out.append('/');
            return;
        }
        String[] segments = rawPath.split("/");
        for (String segment : segments) {
            out.append(PercentEncoding.encode(segment, false)).append('/');
        }
    }

    private static void appendCanonicalQuery(StringBuilder out, String rawQuery) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (QueryParameter parameter : QueryParameter.parse(rawQuery, false)) {
            sorted.computeIfAbsent(PercentEncoding.encode(parameter.name(), false), name -> new ArrayList<>())
                    .add(PercentEncoding.encode(parameter.value(), false));
        }
        boolean first = true;
        for (Map.Entry<String, List<String>> parameter : sorted.entrySet()) {
            for (String value : parameter.getValue()) {
                if (!first) {
                    out.append('&');
                }
                first = false;
                out.append(parameter.getKey()).append('=').append(value);
            }
        }
    }
}
