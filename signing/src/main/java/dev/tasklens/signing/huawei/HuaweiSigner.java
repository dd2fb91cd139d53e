package dev.tasklens.signing.huawei;

import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.internal.CanonicalBuilder;
import dev.tasklens.signing.internal.Crypto;
import dev.tasklens.signing.internal.DerivedKeyCache;
import dev.tasklens.signing.internal.Hex;
import dev.tasklens.signing.internal.QueryParameter;
import dev.tasklens.signing.internal.SecondFormatter;
import dev.tasklens.signing.internal.SortedPairs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
    private static final SecondFormatter DATES = new SecondFormatter(
            second -> SDK_DATE.format(Instant.ofEpochSecond(second)));

    private final DerivedKeyCache keys = new DerivedKeyCache("HmacSHA256");

    private HuaweiSigner() {
    }

    /**
     * The signer.
     *
     * @return the signer
     */
    public static HuaweiSigner create() {
        return new HuaweiSigner();
    }

    @Override
    public Signature sign(SignableRequest request, SigningCredentials credentials, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        String date = DATES.format(Objects.requireNonNull(at, "at"));
        SignableRequest signed = credentials.sessionToken()
                .map(token -> request.withHeader("X-Security-Token", token))
                .orElse(request);

        SortedPairs<String> headers = new SortedPairs<>();
        for (SignableRequest.Header header : signed.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || name.indexOf('_') >= 0) {
                continue;
            }
            if (name.equals("x-sdk-date") && !header.value().equals(date)) {
                throw new IllegalArgumentException("the request already carries X-Sdk-Date " + header.value()
                        + " but is signed at " + date + "; remove the header or sign at that time");
            }
            if (!headers.putIfAbsent(name, header.value())) {
                throw new IllegalArgumentException("header '" + header.name() + "' is sent twice; the Huawei"
                        + " signature covers one value per header, so send it once");
            }
        }
        headers.put("host", signed.host());
        headers.put("x-sdk-date", date);

        String rawPath = signed.rawPath();
        CanonicalBuilder canonical = new CanonicalBuilder(256 + 2 * signed.uri().toString().length());
        canonical.append(signed.method()).append('\n');
        appendCanonicalUri(canonical, rawPath);
        canonical.append('\n');
        appendCanonicalQuery(canonical, signed.uri().getRawQuery());
        canonical.append('\n');
        StringBuilder signedHeaders = new StringBuilder(64);
        for (int i = 0; i < headers.size(); i++) {
            canonical.append(headers.key(i)).append(':').append(headers.value(i)).append('\n');
            if (i > 0) {
                signedHeaders.append(';');
            }
            signedHeaders.append(headers.key(i));
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash(signed, headers));

        String stringToSign = ALGORITHM + "\n" + date + "\n" + Crypto.sha256Hex(canonical);
        String secret = credentials.secretKey();
        String signature = Hex.encode(keys.hmac(secret, "", () -> secret.getBytes(StandardCharsets.UTF_8),
                stringToSign.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Sdk-Date", date);
        added.put("Authorization", ALGORITHM + " Access=" + credentials.accessKeyId() + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature);
        credentials.sessionToken().ifPresent(token -> added.put("X-Security-Token", token));
        return new Signature(added, canonical.toString(), stringToSign);
    }

    private static String payloadHash(SignableRequest request, SortedPairs<String> headers) {
        int given = headers.indexOf("x-sdk-content-sha256");
        return given >= 0 ? headers.value(given) : request.payloadSha256();
    }

    /**
     * Each segment of the raw path encoded (a {@code %} too, as the SDK does) and followed by
     * {@code /}; trailing empty segments are dropped, as the SDK's {@code String.split} drops them.
     */
    private static void appendCanonicalUri(CanonicalBuilder out, String rawPath) {
        if (rawPath.equals("/")) {
            out.append('/');
            return;
        }
        int end = rawPath.length();
        while (end > 0 && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        int start = 0;
        while (start < end) {
            int slash = rawPath.indexOf('/', start);
            if (slash < 0 || slash > end) {
                slash = end;
            }
            out.appendEncoded(rawPath, start, slash, false);
            out.append('/');
            start = slash + 1;
        }
    }

    private static void appendCanonicalQuery(CanonicalBuilder out, String rawQuery) {
        List<QueryParameter> parameters = QueryParameter.split(rawQuery);
        SortedPairs<QueryParameter> sorted = new SortedPairs<>();
        for (QueryParameter parameter : parameters) {
            sorted.add(parameter.encodedName(false), parameter);
        }
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(sorted.key(i)).append('=');
            sorted.value(i).appendEncodedValue(out, false);
        }
    }
}
