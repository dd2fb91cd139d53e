package dev.tasklens.signing.cls;

import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.internal.CanonicalBuilder;
import dev.tasklens.signing.internal.Crypto;
import dev.tasklens.signing.internal.DerivedKeyCache;
import dev.tasklens.signing.internal.Hex;
import dev.tasklens.signing.internal.QueryParameter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The signature of the legacy Tencent Cloud CLS API (seed 000, {@code <region>.cls.tencentyun.com};
 * CLS "请求签名", product 614, doc 12445), as the official {@code tencentcloud-cls-sdk-java}
 * ({@code QcloudClsSignature}) computes it:
 *
 * <ol>
 *   <li>{@code q-sign-time} = {@code q-key-time} = {@code start;end} in Unix seconds; SignKey =
 *       hex(HMAC-SHA1(SecretKey, KeyTime)).</li>
 *   <li>HttpString = {@code lower(method)\npath\nparams\nheaders\n}: the parameters are the decoded
 *       query parameters and the headers are {@code content-type}, {@code content-md5},
 *       {@code host} and every header whose name starts with {@code x}; each as
 *       {@code lower(name)=encode(value)} joined by {@code &}, where encode keeps only
 *       {@code A-Z a-z 0-9 - . _ ~} and writes everything else as {@code %XX} (so {@code /} is
 *       {@code %2F}).</li>
 *   <li>StringToSign = {@code sha1\nq-sign-time\nhex(SHA-1(HttpString))\n}; Signature =
 *       hex(HMAC-SHA1(SignKey, StringToSign)).</li>
 *   <li>{@code Authorization: q-sign-algorithm=sha1&q-ak=…&q-sign-time=…&q-key-time=…&
 *       q-header-list=…&q-url-param-list=…&q-signature=…}, the lists being the lower-cased names
 *       joined by {@code ;}.</li>
 * </ol>
 *
 * <p>Where the SDK departs from the document, this signer follows the SDK (that is what the
 * servers accept): header values are signed as sent, without trimming; and parameters are
 * sorted by their name <em>as given</em>, then lower-cased, so {@code B} sorts before {@code a}.
 * A {@code +} in the raw query is read as a space, as in the seed's own example
 * ({@code start_time=2017-10-10+00%3A00%3A00}). Like the SDK, the signature starts 60 seconds
 * before the signing time, to tolerate a server clock that is slightly behind.
 *
 * <p>Not signable, and refused with a message: a query parameter or a signed header that
 * appears twice (the scheme has one value per name). When the request has no {@code Host}
 * header, the host the transport will send is signed. Temporary credentials add
 * {@code X-Cls-Token}, which is signed too.
 */
public final class ClsSigner implements RequestSigner {

    /** How far before the signing time the signature starts to be valid, as in the SDK. */
    public static final Duration BACKDATE = Duration.ofSeconds(60);
    /** The default validity after the signing time. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);

    private final Duration validity;
    private final DerivedKeyCache keys = new DerivedKeyCache("HmacSHA1");

    private ClsSigner(Duration validity) {
        this.validity = validity;
    }

    /**
     * A signer whose signatures are valid from 60 seconds before to 5 minutes after signing.
     *
     * @return the signer
     */
    public static ClsSigner create() {
        return new ClsSigner(DEFAULT_VALIDITY);
    }

    /**
     * A signer whose signatures stay valid this long after the signing time.
     *
     * @param validity how long, positive
     * @return the signer
     * @throws IllegalArgumentException if the validity is not positive
     */
    public static ClsSigner withValidity(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a CLS signature validity must be positive, got " + validity);
        }
        return new ClsSigner(validity);
    }

    @Override
    public Signature sign(SignableRequest request, SigningCredentials credentials, Instant at) {
        Objects.requireNonNull(at, "at");
        return signForWindow(request, credentials, at.minus(BACKDATE), at.plus(validity));
    }

    /**
     * Signs for an explicit validity window ({@code q-sign-time}).
     *
     * @param request the request
     * @param credentials the key pair
     * @param start when the signature starts to be valid
     * @param end when it stops being valid
     * @return the headers to add and what was signed
     * @throws IllegalArgumentException if the window is empty or the request cannot be signed
     */
    public Signature signForWindow(SignableRequest request, SigningCredentials credentials, Instant start,
            Instant end) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a CLS signature window must start before it ends, got " + start
                    + " to " + end);
        }
        SignableRequest signed = credentials.sessionToken()
                .map(token -> request.withHeader("X-Cls-Token", token))
                .orElse(request);

        TreeMap<String, QueryParameter> parameters = new TreeMap<>();
        for (QueryParameter parameter : QueryParameter.split(signed.uri().getRawQuery())) {
            String name = parameter.name(true);
            if (parameters.put(name, parameter) != null) {
                throw new IllegalArgumentException("the CLS signature cannot sign query parameter '" + name
                        + "' twice: it has one value per name; send it once");
            }
        }
        TreeMap<String, String> headers = new TreeMap<>();
        for (SignableRequest.Header header : signed.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (isSigned(name) && headers.put(name, header.value()) != null) {
                throw new IllegalArgumentException("the CLS signature cannot sign header '" + header.name()
                        + "' twice: it has one value per name; send it once");
            }
        }
        headers.putIfAbsent("host", signed.host());

        String time = start.getEpochSecond() + ";" + end.getEpochSecond();
        String rawPath = signed.rawPath();
        CanonicalBuilder httpString = new CanonicalBuilder(128 + rawPath.length() + 2 * signed.uri().toString().length());
        httpString.append(signed.method().toLowerCase(Locale.ROOT)).append('\n').append(rawPath).append('\n');
        StringBuilder parameterList = new StringBuilder(64);
        boolean first = true;
        for (Map.Entry<String, QueryParameter> parameter : parameters.entrySet()) {
            String name = parameter.getKey().toLowerCase(Locale.ROOT);
            if (!first) {
                httpString.append('&');
                parameterList.append(';');
            }
            first = false;
            httpString.appendEncoded(name, false).append('=');
            parameter.getValue().appendEncodedValue(httpString, true);
            parameterList.append(name);
        }
        httpString.append('\n');
        StringBuilder headerList = new StringBuilder(64);
        first = true;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!first) {
                httpString.append('&');
                headerList.append(';');
            }
            first = false;
            httpString.appendEncoded(header.getKey(), false).append('=').appendEncoded(header.getValue(), false);
            headerList.append(header.getKey());
        }
        httpString.append('\n');

        String stringToSign = "sha1\n" + time + "\n" + Crypto.sha1Hex(httpString) + "\n";
        String secret = credentials.secretKey();
        String signature = Hex.encode(keys.hmac(secret, time, () -> Hex.encode(Crypto.hmacSha1(
                secret.getBytes(StandardCharsets.UTF_8), time.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8), stringToSign.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> added = new LinkedHashMap<>();
        added.put("Authorization", "q-sign-algorithm=sha1&q-ak=" + credentials.accessKeyId()
                + "&q-sign-time=" + time + "&q-key-time=" + time
                + "&q-header-list=" + headerList + "&q-url-param-list=" + parameterList
                + "&q-signature=" + signature);
        credentials.sessionToken().ifPresent(token -> added.put("X-Cls-Token", token));
        return new Signature(added, httpString.toString(), stringToSign);
    }

    private static boolean isSigned(String lowerName) {
        return lowerName.startsWith("x") || lowerName.equals("host") || lowerName.equals("content-type")
                || lowerName.equals("content-md5");
    }

}
