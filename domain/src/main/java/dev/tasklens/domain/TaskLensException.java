package dev.tasklens.domain;

import java.util.Optional;

/**
 * The root of every error tasklens raises. The family is closed: the subtype says what went
 * wrong and {@link #isRetryable()} says whether trying again can help.
 *
 * <ul>
 *   <li>{@link InvalidQueryException}: the query or an argument is wrong; found before any request.</li>
 *   <li>{@link AuthenticationException}: the provider refused the credentials or the signature.</li>
 *   <li>{@link ThrottledException}: the provider asked us to slow down; retryable.</li>
 *   <li>{@link ProviderException}: any other error the provider reported.</li>
 *   <li>{@link MalformedResponseException}: the provider's reply could not be understood.</li>
 *   <li>{@link TransportException}: the request did not get a reply (connection, timeout).</li>
 * </ul>
 *
 * <p>Messages never contain a secret or an {@code Authorization} value.
 */
public abstract sealed class TaskLensException extends RuntimeException
        permits InvalidQueryException, AuthenticationException, ThrottledException, ProviderException,
                MalformedResponseException, TransportException {

    private static final long serialVersionUID = 1L;

    private final SourceId source;
    private final String requestId;
    /** What happened around the failure (attempts made, waits refused), added by whoever retried it. */
    private volatile String context;

    TaskLensException(String message, SourceId source, String requestId, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.requestId = requestId;
    }

    /**
     * The task list the error concerns.
     *
     * @return the source, when the error is tied to one
     */
    public Optional<SourceId> source() {
        return Optional.ofNullable(source);
    }

    /**
     * The provider's id for the failed request; give it to the provider's support.
     *
     * @return the request id, when the provider sent one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Whether repeating the same request may succeed.
     *
     * @return true when a retry can help
     */
    public abstract boolean isRetryable();

    /**
     * Adds what happened around this failure to its message, such as how many attempts were made
     * over how long, once the caller that retried it gives up. The last note given wins.
     *
     * @param note a short clause, such as {@code gave up after 4 attempts over 92 s}
     * @return this exception, to be thrown
     */
    public final TaskLensException withContext(String note) {
        this.context = java.util.Objects.requireNonNull(note, "note");
        return this;
    }

    /**
     * The note added by {@link #withContext(String)}.
     *
     * @return the note, if one was added
     */
    public final Optional<String> context() {
        return Optional.ofNullable(context);
    }

    /** The failure, and what happened around it when a note was added. */
    @Override
    public String getMessage() {
        String note = context;
        return note == null ? super.getMessage() : super.getMessage() + " (" + note + ")";
    }

    static String withContext(String message, SourceId source, String requestId) {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source).append(": ");
        }
        text.append(message);
        if (requestId != null) {
            text.append(" (request id ").append(requestId).append(')');
        }
        return text.toString();
    }
}
