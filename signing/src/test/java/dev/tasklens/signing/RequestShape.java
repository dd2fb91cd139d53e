package dev.tasklens.signing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import dev.tasklens.properties.Gen;

/**
 * A generated request in the terms both sides understand: decoded path segments, query
 * parameters and headers, from which each test builds the official SDK's input and our
 * {@link SignableRequest}.
 *
 * @param method the HTTP method
 * @param host the host
 * @param pathSegments decoded path segments
 * @param query decoded query parameters, in order (names may repeat where allowed)
 * @param headers header lines, in order
 * @param body the body
 */
public record RequestShape(String method, String host, List<String> pathSegments,
        List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> headers, byte[] body) {

    /** Header names a generated request may carry, in mixed case. */
    private static final List<String> HEADER_NAMES = List.of("Content-Type", "content-md5", "X-Custom-Header",
            "x-cls-compress", "X-Bce-Date", "x-bce-meta-owner", "X-Project-Id", "User-Agent", "Accept",
            "X-Amz-Like", "Content-Length", "x-tc-action", "X-Request-Id", "If-Match");

    /** The path as it will be sent: each segment percent-encoded. */
    public String rawPath() {
        if (pathSegments.isEmpty()) {
            return "/";
        }
        return pathSegments.stream().map(RequestShape::encodeSegment).collect(Collectors.joining("/", "/", ""));
    }

    /** The query as sent, encoded as an HTML form encodes it ({@code +} for space) or per RFC 3986. */
    public String rawQuery(boolean plusForSpace) {
        return query.stream()
                .map(pair -> encodeComponent(pair.getKey(), plusForSpace) + "="
                        + encodeComponent(pair.getValue(), plusForSpace))
                .collect(Collectors.joining("&"));
    }

    /** The URI as sent. */
    public URI uri(boolean plusForSpace) {
        String query = rawQuery(plusForSpace);
        return URI.create("https://" + host + rawPath() + (query.isEmpty() ? "" : "?" + query));
    }

    /** Query parameters as a map (for SDKs that take one; names are unique in such shapes). */
    public Map<String, String> queryMap() {
        Map<String, String> map = new LinkedHashMap<>();
        query.forEach(pair -> map.put(pair.getKey(), pair.getValue()));
        return map;
    }

    /** Headers as a map (names are unique, case-insensitively, in every shape). */
    public Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(pair -> map.put(pair.getKey(), pair.getValue()));
        return map;
    }

    /** Our request, with the given extra headers first. */
    public SignableRequest toSignable(boolean plusForSpace, Map<String, String> extraHeaders) {
        SignableRequest.Builder builder = SignableRequest.builder(method, uri(plusForSpace));
        extraHeaders.forEach(builder::header);
        headers.forEach(pair -> builder.header(pair.getKey(), pair.getValue()));
        return builder.body(body).build();
    }

    private static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeComponent(String text, boolean plusForSpace) {
        String form = URLEncoder.encode(text, StandardCharsets.UTF_8);
        return plusForSpace ? form : form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /**
     * Generated shapes.
     *
     * @param hosts the hosts to choose from
     * @param repeatedQueryNames whether a query name may appear more than once
     * @return the generator
     */
    public static Gen<RequestShape> generator(Gen<String> hosts, boolean repeatedQueryNames) {
        Gen<String> methods = Gen.of("GET", "POST", "PUT", "DELETE", "HEAD");
        Gen<List<String>> path = Generators.awkwardText().filter(s -> !s.isEmpty()).list(0, 4);
        Gen<String> names = Generators.parameterNames();
        Gen<String> values = Generators.awkwardText();
        Gen<List<Map.Entry<String, String>>> query = ((Gen<Map.Entry<String, String>>) random ->
                Map.entry(names.next(random), values.next(random))).list(0, 6)
                .map(pairs -> repeatedQueryNames ? pairs : uniqueNames(pairs, false));
        Gen<String> headerNames = Gen.of(HEADER_NAMES);
        Gen<String> headerValues = Generators.headerValues();
        Gen<List<Map.Entry<String, String>>> headers = ((Gen<Map.Entry<String, String>>) random ->
                Map.entry(headerNames.next(random), headerValues.next(random))).list(0, 6)
                .map(pairs -> uniqueNames(pairs, true));
        Gen<byte[]> bodies = Generators.bodies();
        return random -> new RequestShape(methods.next(random), hosts.next(random), path.next(random),
                query.next(random), headers.next(random), bodies.next(random));
    }

    private static List<Map.Entry<String, String>> uniqueNames(List<Map.Entry<String, String>> pairs,
            boolean ignoreCase) {
        Set<String> seen = new TreeSet<>();
        List<Map.Entry<String, String>> unique = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs) {
            String key = ignoreCase ? pair.getKey().toLowerCase(Locale.ROOT) : pair.getKey();
            if (seen.add(key)) {
                unique.add(pair);
            }
        }
        return unique;
    }

    @Override
    public String toString() {
        return method + " " + uri(false) + " headers=" + headers + " body=" + body.length + " bytes";
    }
}
