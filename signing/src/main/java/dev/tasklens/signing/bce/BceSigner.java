package dev.tasklens.signing.bce;

import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.internal.CanonicalBuilder;
import dev.tasklens.signing.internal.Crypto;
import dev.tasklens.signing.internal.DerivedKeyCache;
import dev.tasklens.signing.internal.Hex;
import dev.tasklens.signing.internal.PercentEncoding;
import dev.tasklens.signing.internal.QueryParameter;
import dev.tasklens.signing.internal.SecondFormatter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * bce-auth-v1, the signature of Baidu AI Cloud APIs (seed 004; Baidu AI Cloud "生成认证字符串"),
 * as the official Java SDK ({@code bce-java-sdk}, {@code BceV1Signer}) computes it:
 *
 * <ol>
 *   <li>authStringPrefix = {@code bce-auth-v1/{accessKeyId}/{timestamp}/{expirationInSeconds}},
 *       the timestamp as {@code yyyy-MM-dd'T'HH:mm:ss'Z'} in UTC; SigningKey =
 *       hex(HMAC-SHA256(SK, authStringPrefix)).</li>
 *   <li>CanonicalRequest = {@code METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders}:
 *       the decoded path encoded with RFC 3986 unreserved characters kept and {@code /} kept; the
 *       decoded query parameters as {@code encode(name)=encode(value)}, sorted, without
 *       {@code authorization}; the headers to sign as {@code encode(lower(trim(name))):
 *       encode(trim(value))}, sorted, joined by {@code \n}.</li>
 *   <li>Signature = hex(HMAC-SHA256(SigningKey, CanonicalRequest)); {@code Authorization:
 *       {authStringPrefix}/{signedHeaders}/{signature}}.</li>
 * </ol>
 *
 * <p>The headers signed by default are {@code host}, {@code content-length}, {@code content-type},
 * {@code content-md5} and every {@code x-bce-*} header with a non-empty value, and — as the SDK
 * does by default — the signed-header list in the {@code Authorization} is left empty
 * ({@code …/1800//…}); Baidu accepts that form. {@link #listingSignedHeaders(Set)} signs a chosen
 * set and lists it, as Baidu's own example does ({@code …/1800/host;x-bce-date/…}); the list is
 * then in the SDK's order: sorted by the names as sent, then lower-cased.
 *
 * <p>Added headers: {@code Authorization}, {@code x-bce-date}, and {@code x-bce-security-token}
 * for temporary credentials (both signed). The {@code Host} signed is the URI's host, with the
 * port only when it is not the scheme's default, as the SDK sends it. A header or query parameter
 * sent twice cannot be signed (one value per name) and is refused with a message. The signing key
 * is cached per secret and timestamp.
 */
public final class BceSigner implements RequestSigner {

    /** The SDK's default validity, in seconds. */
    public static final int DEFAULT_EXPIRATION_SECONDS = 1800;
    private static final SecondFormatter TIMESTAMPS = new SecondFormatter(
            second -> Instant.ofEpochSecond(second).toString());
    private static final Set<String> DEFAULT_HEADERS = Set.of("host", "content-length", "content-type", "content-md5");

    private final int expirationSeconds;
    private final Set<String> listedHeaders;
    private final DerivedKeyCache keys = new DerivedKeyCache("HmacSHA256");

    private BceSigner(int expirationSeconds, Set<String> listedHeaders) {
        this.expirationSeconds = expirationSeconds;
        this.listedHeaders = listedHeaders;
    }

    /**
     * The SDK's default: valid 1800 seconds, default headers, no signed-header list.
     *
     * @return the signer
     */
    public static BceSigner create() {
        return new BceSigner(DEFAULT_EXPIRATION_SECONDS, Collections.emptySet());
    }

    /**
     * The same signer with another validity.
     *
     * @param seconds how long the signature is valid, 1 or more
     * @return a new signer
     * @throws IllegalArgumentException if seconds is below 1
     */
    public BceSigner expiringAfter(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("a bce-auth-v1 expiration must be at least 1 second, got " + seconds);
        }
        return new BceSigner(seconds, listedHeaders);
    }

    /**
     * The same signer, signing exactly these headers and listing them in the {@code Authorization}.
     *
     * @param headerNames the headers to sign, such as {@code host} and {@code x-bce-date}
     * @return a new signer
     * @throws IllegalArgumentException if the set is empty
     */
    public BceSigner listingSignedHeaders(Set<String> headerNames) {
        if (headerNames.isEmpty()) {
            throw new IllegalArgumentException("name at least one header to sign, such as host");
        }
        Set<String> lower = new TreeSet<>();
        headerNames.forEach(name -> lower.add(name.trim().toLowerCase(Locale.ROOT)));
        return new BceSigner(expirationSeconds, Collections.unmodifiableSet(lower));
    }

    @Override
    public Signature sign(SignableRequest request, SigningCredentials credentials, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        String timestamp = TIMESTAMPS.format(Objects.requireNonNull(at, "at"));
        // The SDK keys its map by the names as sent; signed lines and the list follow its orders.
        TreeMap<String, String> toSign = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (SignableRequest.Header header : request.headers()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (lower.equals("host") || lower.equals("x-bce-date")
                    || lower.equals("x-bce-security-token") && credentials.sessionToken().isPresent()) {
                continue; // replaced below by what the signer sends
            }
            consider(toSign, seen, header.name(), lower, header.value());
        }
        consider(toSign, seen, "Host", "host", hostOf(request));
        consider(toSign, seen, "x-bce-date", "x-bce-date", timestamp);
        credentials.sessionToken().ifPresent(token -> consider(toSign, seen, "x-bce-security-token",
                "x-bce-security-token", token));
        List<String> canonicalHeaders = new ArrayList<>(toSign.size());
        CanonicalBuilder line = new CanonicalBuilder(128);
        toSign.forEach((name, value) -> canonicalHeaders.add(line.reset()
                .appendEncoded(name.trim().toLowerCase(Locale.ROOT), false).append(':')
                .appendEncoded(value.trim(), false).toString()));
        Collections.sort(canonicalHeaders);
        String signedHeaders = listedHeaders.isEmpty() ? "" : String.join(";", toSign.keySet()).trim()
                .toLowerCase(Locale.ROOT);

        String authPrefix = "bce-auth-v1/" + credentials.accessKeyId() + "/" + timestamp + "/" + expirationSeconds;
        CanonicalBuilder canonical = new CanonicalBuilder(256 + 2 * request.uri().toString().length());
        canonical.append(request.method()).append('\n');
        appendCanonicalUri(canonical, request);
        canonical.append('\n').append(canonicalQuery(request)).append('\n');
        for (int i = 0; i < canonicalHeaders.size(); i++) {
            if (i > 0) {
                canonical.append('\n');
            }
            canonical.append(canonicalHeaders.get(i));
        }
        String canonicalRequest = canonical.toString();
        String secret = credentials.secretKey();
        String signature = Hex.encode(keys.hmac(secret, authPrefix, () -> Hex.encode(Crypto.hmacSha256(
                secret.getBytes(StandardCharsets.UTF_8), authPrefix.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8), canonical));

        Map<String, String> added = new LinkedHashMap<>();
        added.put("Authorization", authPrefix + "/" + signedHeaders + "/" + signature);
        added.put("x-bce-date", timestamp);
        credentials.sessionToken().ifPresent(token -> added.put("x-bce-security-token", token));
        // bce-auth-v1 signs the canonical request directly: it has no separate string to sign.
        return new Signature(added, canonicalRequest, canonicalRequest);
    }

    private void consider(TreeMap<String, String> toSign, Set<String> seen, String name, String lower, String value) {
        if (!seen.add(lower)) {
            throw new IllegalArgumentException("header '" + name + "' is sent twice; bce-auth-v1 signs one value per"
                    + " header, so send it once");
        }
        boolean wanted = listedHeaders.isEmpty()
                ? DEFAULT_HEADERS.contains(lower) || lower.startsWith("x-bce-")
                : listedHeaders.contains(lower) && !lower.equals("authorization");
        if (wanted && !value.isEmpty()) {
            toSign.put(name, value);
        }
    }

    private static String hostOf(SignableRequest request) {
        int port = request.uri().getPort();
        String scheme = request.uri().getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return defaultPort ? request.uri().getHost() : request.uri().getHost() + ":" + port;
    }

    private static void appendCanonicalUri(CanonicalBuilder out, SignableRequest request) {
        String path = request.uri().getPath();
        if (path == null || path.isEmpty()) {
            out.append('/');
            return;
        }
        if (!path.startsWith("/")) {
            out.append('/');
        }
        out.appendEncoded(path, true);
    }

    private static String canonicalQuery(SignableRequest request) {
        List<QueryParameter> parameters = QueryParameter.split(request.uri().getRawQuery());
        if (parameters.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>(parameters.size());
        CanonicalBuilder pair = new CanonicalBuilder(128);
        for (QueryParameter parameter : parameters) {
            String name = parameter.encodedName(false);
            if (!name.equalsIgnoreCase("authorization")) {
                pair.reset().append(name).append('=');
                parameter.appendEncodedValue(pair, false);
                pairs.add(pair.toString());
            }
        }
        Collections.sort(pairs);
        StringBuilder query = new StringBuilder(pairs.size() * 24);
        String previousName = null;
        for (String sortedPair : pairs) {
            // Encoded names hold no '=', and equal names sort next to each other.
            String name = sortedPair.substring(0, sortedPair.indexOf('='));
            if (name.equals(previousName)) {
                throw new IllegalArgumentException("query parameter '" + PercentEncoding.decode(name, false)
                        + "' is sent twice; bce-auth-v1 signs one value per name, so send it once");
            }
            previousName = name;
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(sortedPair);
        }
        return query.toString();
    }
}
