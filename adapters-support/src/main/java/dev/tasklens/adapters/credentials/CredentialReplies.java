package dev.tasklens.adapters.credentials;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TransportException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls to the services that hand out temporary credentials (a metadata service, an STS) and the
 * binding of their replies. Unlike a listing's replies, these carry secrets: an error about one
 * never quotes its body.
 */
public final class CredentialReplies {

    /**
     * How long a metadata service gets to answer. Off the cloud nobody answers at its link-local
     * address; the Huawei SDK gives it 3 s to connect and 3 s to read, we give the whole exchange 2 s.
     */
    public static final Duration METADATA_TIMEOUT = Duration.ofSeconds(2);

    private static final Jsonb JSONB = JsonbBuilder.create();

    private CredentialReplies() {
    }

    /**
     * Sends a request to a metadata service.
     *
     * @param transport the metadata transport (no proxy)
     * @param request the request; the metadata timeout is set on it
     * @return the reply, or empty when none came (no metadata service here)
     */
    public static Optional<HttpResponse> exchange(HttpTransport transport, HttpRequest request) {
        try {
            return Optional.of(transport.send(request.toBuilder().timeout(METADATA_TIMEOUT).build()));
        } catch (TransportException e) {
            return Optional.empty();
        }
    }

    /**
     * Binds a reply that holds credentials.
     *
     * @param source the source the credentials are for
     * @param from what answered, such as {@code the CVM metadata service}
     * @param body the body
     * @param type the record to bind to
     * @param <T> the record type
     * @return the bound reply
     * @throws MalformedResponseException naming what answered, never quoting the body
     */
    public static <T> T read(SourceId source, String from, String body, Class<T> type) {
        T value;
        try {
            value = JSONB.fromJson(body, type);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            throw new MalformedResponseException(source, from + " answered with something that is not its"
                    + " credentials document (" + body.length() + " characters, not shown: they may hold a secret)",
                    Optional.empty());
        }
        if (value == null) {
            throw new MalformedResponseException(source, from + " answered with an empty body", Optional.empty());
        }
        return value;
    }

    /**
     * A base URI with a path under it, keeping the base's own path.
     *
     * @param base such as {@code http://metadata.tencentyun.com/} or an emulator's {@code http://127.0.0.1:9/x/}
     * @param path the path under it, without a leading slash
     * @return the URI
     */
    public static URI under(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }

    /**
     * An endpoint a variable moves (a metadata service or an STS, for an emulator or a private cloud).
     *
     * @param environment the variables
     * @param variable the variable, such as {@code TASKLENS_METADATA_ENDPOINT_TENCENT}
     * @param fallback the cloud's own endpoint
     * @return the variable's URL, or the fallback when it is unset
     * @throws IllegalArgumentException if the variable is not an http(s) URL with a host (its value
     *     is not repeated: a URL may carry credentials in its user part)
     */
    public static URI endpoint(java.util.Map<String, String> environment, String variable, URI fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException(variable + " is not an http(s) URL with a host, such as " + fallback);
    }
}
