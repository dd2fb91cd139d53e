package dev.tasklens.client;

import dev.tasklens.domain.SourceId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads {@code TASKLENS_ENDPOINT_<SOURCE>} variables: an endpoint per source without code, for a
 * private or regional host, a proxy, or an emulator. {@code <SOURCE>} is the source id in capitals
 * with its dot as an underscore ({@code TENCENT_MPS} for {@code tencent.mps}).
 */
final class EndpointVariables {

    static final String PREFIX = "TASKLENS_ENDPOINT_";

    private EndpointVariables() {
    }

    /** Source id (as written, lower case) to endpoint, for every such variable. */
    static Map<String, URI> read(Map<String, String> environment) {
        Map<String, URI> endpoints = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith(PREFIX)) {
                return;
            }
            String source = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replaceFirst("_", ".");
            if (!source.matches("[a-z0-9]+\\.[a-z0-9_]+")) {
                throw new IllegalArgumentException(name + " does not name a source; write the source id in capitals"
                        + " with an underscore for its dot, such as TASKLENS_ENDPOINT_TENCENT_MPS");
            }
            endpoints.put(source, endpoint(name, value));
        });
        return endpoints;
    }

    /** An endpoint variable for a source no adapter provides is a typing mistake: say so. */
    static void checkNamed(Map<String, URI> fromEnvironment, Set<SourceId> sources) {
        for (String id : fromEnvironment.keySet()) {
            if (!sources.contains(SourceId.of(id))) {
                throw new IllegalArgumentException(PREFIX + id.toUpperCase(Locale.ROOT).replace('.', '_')
                        + " names source " + id + ", which no adapter on the class path provides; the sources are "
                        + sources.stream().map(SourceId::value).collect(Collectors.joining(", ")));
            }
        }
    }

    private static URI endpoint(String name, String value) {
        URI uri = null;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            // reported below, as every other unusable value
        }
        // The value is not echoed: a URL may carry credentials in its user part.
        if (uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(name + " is not an http(s) URL with a host, such as"
                    + " https://mps.ap-guangzhou.tencentcloudapi.com/");
        }
        return uri;
    }
}
