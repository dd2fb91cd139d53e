package dev.tasklens.adapters;

import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Attempt;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What every task source over an HTTP JSON API repeats, written once: its descriptor, the transport
 * it sends through, the resilience that retries and paces its calls, its clock, and one exchange —
 * send the signed request, take the request id the reply names (or the one sent), turn a reply that
 * is not 200 into the source's own typed error, and bind the body into the record that mirrors the
 * provider's document ({@link JsonReplies}). A provider's source adds what is its own: the request it
 * builds, its wire records, its error codes and its rules.
 */
public abstract class HttpTaskSource implements TaskSource {

    /** Where the source sends its requests. */
    protected final HttpTransport transport;
    /** Retries and paces every call ({@code resilience.run(attempt -> ...)}). */
    protected final Resilience resilience;
    /** The time, for signatures and for a reply's {@code Retry-After} date. */
    protected final Clock clock;
    private final SourceDescriptor descriptor;

    /**
     * Sets the parts every source has.
     *
     * @param descriptor what the source is
     * @param transport where it sends its requests
     * @param resilience its retries and pace
     * @param clock its time
     * @throws NullPointerException naming the part that is missing
     */
    protected HttpTaskSource(SourceDescriptor descriptor, HttpTransport transport, Resilience resilience,
            Clock clock) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.transport = Objects.requireNonNull(transport, "transport: call transport(...)");
        this.resilience = Objects.requireNonNull(resilience, "resilience: call resilience(...)");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public final SourceDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Sends a request within its attempt's time and binds its 200 reply.
     *
     * @param attempt the attempt it is, whose timeout bounds the exchange
     * @param request the request, signed
     * @param requestIdHeader the reply header that names the provider's request id, if it has one
     * @param sentId the request id sent, kept when the reply names none
     * @param wire the record the body is an instance of
     * @param failure the source's typed error for a reply that is not 200
     * @param <W> the record type
     * @return the bound body and the request id
     * @throws TaskLensException the transport's failure, the source's typed error, or a {@code
     *     MalformedResponseException} for a body that does not bind
     */
    protected final <W> Reply<W> exchange(Attempt attempt, HttpRequest request, Optional<String> requestIdHeader,
            Optional<String> sentId, Class<W> wire, Failure failure) {
        HttpResponse response = transport.send(request.toBuilder().timeout(attempt.timeout()).build());
        Optional<String> requestId = requestIdHeader.flatMap(name -> response.headers().firstValue(name))
                .or(() -> sentId);
        if (response.status() != 200) {
            throw failure.of(response, requestId);
        }
        return new Reply<>(JsonReplies.read(descriptor.id(), response.bodyText(), wire, requestId), requestId,
                response);
    }

    /**
     * A source's typed error for a reply that is not 200.
     */
    @FunctionalInterface
    protected interface Failure {
        /**
         * The error.
         *
         * @param response the reply
         * @param requestId the provider's request id, if known
         * @return the typed error to throw
         */
        TaskLensException of(HttpResponse response, Optional<String> requestId);
    }

    /**
     * A 200 reply, bound.
     *
     * @param body the record
     * @param requestId the provider's request id, if known
     * @param response the reply itself, for its headers and body text
     * @param <W> the record type
     */
    protected record Reply<W>(W body, Optional<String> requestId, HttpResponse response) {
    }
}
