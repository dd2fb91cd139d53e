package dev.tasklens.emulators;

import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.emulators.faults.Fault;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as an {@link ApiHandler} receives it. Its URI is the effective request URI (RFC 9112
 * §3.3): the authority the client named in its {@code Host} header and the whole path it sent,
 * which is what a signature covers; {@link #path()} is that path below the emulator's base path,
 * which is what the API routes on.
 *
 * @param request the request as it arrived
 * @param protocolFault the protocol-level fault the handler must apply to this request, if any
 * @param basePath the path the API is served under, {@code /} or such as {@code /gateway/}
 */
public record EmulatorRequest(HttpRequest request, Optional<Fault> protocolFault, String basePath) {

    /**
     * Checks the parts.
     *
     * @param request see the record component
     * @param protocolFault see the record component
     * @param basePath see the record component
     * @throws IllegalArgumentException if the base path does not start and end with {@code /}
     */
    public EmulatorRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(protocolFault, "protocolFault");
        Objects.requireNonNull(basePath, "basePath");
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("a base path starts and ends with '/', got '" + basePath + "'");
        }
    }

    /**
     * A request to an API served at the root.
     *
     * @param request the request as it arrived
     * @param protocolFault the protocol-level fault to apply, if any
     */
    public EmulatorRequest(HttpRequest request, Optional<Fault> protocolFault) {
        this(request, protocolFault, "/");
    }

    /**
     * The request's path below the base path, which the API routes on.
     *
     * @return the decoded path, starting with {@code /}; the whole path when it is not under the
     *     base path (the emulator answers such a request 404 before its API sees it)
     */
    public String path() {
        String path = request.uri().getPath();
        return path.startsWith(basePath) ? path.substring(basePath.length() - 1) : path;
    }

    /**
     * Whether this request must get a given protocol-level fault.
     *
     * @param kind the fault's class
     * @return true if the plan chose that fault for this request
     */
    public boolean hasFault(Class<? extends Fault> kind) {
        return protocolFault.filter(kind::isInstance).isPresent();
    }

    /**
     * The query string's parameters, each name with its values in order, both URL-decoded.
     *
     * @return the parameters; a {@link java.net.URI} holds only well-formed escapes, so decoding
     *     cannot fail
     */
    public Map<String, List<String>> queryParameterLists() {
        String raw = request.uri().getRawQuery();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.isEmpty()) {
                continue; // "?" alone, or "a=1&&b=2": nothing named
            }
            String[] parts = pair.split("=", 2);
            parameters.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), key -> new ArrayList<>())
                    .add(parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /**
     * The query string's parameters, the last value of each name winning, as most services read them.
     *
     * @return the parameters
     */
    public Map<String, String> queryParameters() {
        Map<String, String> last = new LinkedHashMap<>();
        queryParameterLists().forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }
}
