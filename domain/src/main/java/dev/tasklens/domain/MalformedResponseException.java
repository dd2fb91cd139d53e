package dev.tasklens.domain;

import java.util.Optional;

/**
 * The provider's reply could not be understood: not JSON, a field of the wrong kind, a missing
 * required field, or paging that contradicts itself (a page token handed back twice). Not
 * retryable: the same request gets the same reply, so asking again only multiplies the load. A
 * reply cut short on the wire is a {@link TransportException}, which is retried.
 */
public final class MalformedResponseException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    /**
     * A malformed reply.
     *
     * @param source the source that sent it
     * @param message what was wrong with it (an excerpt, never a credential)
     * @param requestId the provider's request id, when it sent one
     */
    public MalformedResponseException(SourceId source, String message, Optional<String> requestId) {
        super(withContext(message, source, requestId.orElse(null)), source, requestId.orElse(null), null);
    }

    /**
     * A malformed reply, with the parser's error as the cause.
     *
     * @param source the source that sent it
     * @param message what was wrong with it
     * @param requestId the provider's request id, when it sent one
     * @param cause the parser's error
     */
    public MalformedResponseException(SourceId source, String message, Optional<String> requestId, Throwable cause) {
        super(withContext(message, source, requestId.orElse(null)), source, requestId.orElse(null), cause);
    }

    @Override
    public boolean isRetryable() {
        // The same request gets the same reply: fetching it again changes nothing.
        return false;
    }
}
