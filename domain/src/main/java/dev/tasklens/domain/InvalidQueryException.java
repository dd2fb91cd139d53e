package dev.tasklens.domain;

import java.util.Optional;

/**
 * The query, a page token or another argument is wrong. Raised before any request is sent;
 * the message says what was given and how to correct it. Never retryable.
 */
public final class InvalidQueryException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    /**
     * An invalid query not tied to one source.
     *
     * @param message what was wrong and how to fix it
     */
    public InvalidQueryException(String message) {
        super(message, null, null, null);
    }

    /**
     * An invalid query for one source.
     *
     * @param source the source whose rule was broken
     * @param message what was wrong and how to fix it
     */
    public InvalidQueryException(SourceId source, String message) {
        super(withContext(message, source, null), source, null, null);
    }

    /**
     * The provider itself rejected a parameter (for example MPS {@code InvalidParameterValue}).
     *
     * @param source the source that refused the request
     * @param message what was wrong and how to fix it
     * @param requestId the provider's request id, when it sent one
     */
    public InvalidQueryException(SourceId source, String message, Optional<String> requestId) {
        super(withContext(message, source, requestId.orElse(null)), source, requestId.orElse(null), null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
