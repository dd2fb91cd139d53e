package dev.tasklens.domain;

/**
 * The request got no usable reply: the connection failed or was reset, or it timed out.
 * Retryable: every listing request is a read, so repeating it is safe.
 */
public final class TransportException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * A transport failure with no underlying exception, raised by a transport (which does not
     * know the source): a refused request or a reply over the size limit.
     *
     * @param message what failed and what to do
     * @param retryable whether a retry may cure it
     */
    public TransportException(String message, boolean retryable) {
        super(message, null, null, null);
        this.retryable = retryable;
    }

    /**
     * A transport failure raised below the level that knows the source (by a transport).
     *
     * @param message what failed (host and port, never headers)
     * @param cause the underlying I/O error
     * @param retryable false for failures a retry cannot cure, such as a reply over the size limit
     */
    public TransportException(String message, Throwable cause, boolean retryable) {
        super(message, null, null, cause);
        this.retryable = retryable;
    }

    /**
     * A transport failure that a retry may cure.
     *
     * @param source the source the request was for
     * @param message what failed (host and port, never headers)
     * @param cause the underlying I/O error
     */
    public TransportException(SourceId source, String message, Throwable cause) {
        this(source, message, cause, true);
    }

    /**
     * A transport failure.
     *
     * @param source the source the request was for
     * @param message what failed (host and port, never headers)
     * @param cause the underlying I/O error
     * @param retryable false for failures a retry cannot cure, such as a reply over the size limit
     */
    public TransportException(SourceId source, String message, Throwable cause, boolean retryable) {
        super(withContext(message, java.util.Objects.requireNonNull(source, "source"), null), source, null, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
