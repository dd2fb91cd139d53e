package dev.tasklens.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The provider refused the credentials, the token or the signature. Not retryable, with one
 * exception handled by the transport layer: a signature rejected as expired because the local
 * clock is off is retried once with the server's time.
 */
public final class AuthenticationException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Instant serverTime;

    /**
     * An authentication failure.
     *
     * @param source the source that refused the request
     * @param code the provider's error code, such as {@code AuthFailure.SignatureFailure}
     * @param message the provider's message and what to check (never the secret itself)
     * @param requestId the provider's request id, when it sent one
     */
    public AuthenticationException(SourceId source, String code, String message, Optional<String> requestId) {
        this(source, code, message, requestId, Optional.empty());
    }

    /**
     * A signature refused as expired or not yet valid, with the server's time from its reply's
     * {@code Date} header: the retry layer signs the next attempt at that time.
     *
     * @param source the source that refused the request
     * @param code the provider's error code, such as {@code AuthFailure.SignatureExpire}
     * @param message the provider's message
     * @param requestId the provider's request id, when it sent one
     * @param serverTime the server's time, when the reply carried it
     */
    public AuthenticationException(SourceId source, String code, String message, Optional<String> requestId,
            Optional<Instant> serverTime) {
        super(withContext(code + ": " + message, source, requestId.orElse(null)), source, requestId.orElse(null), null);
        this.code = code;
        this.serverTime = serverTime.orElse(null);
    }

    /**
     * The server's time, when the provider refused the signature's time and said its own.
     *
     * @return the server's time from the reply's {@code Date}, if this is a clock-skew refusal
     */
    public Optional<Instant> serverTime() {
        return Optional.ofNullable(serverTime);
    }

    /**
     * The provider's error code.
     *
     * @return the code, such as {@code AuthFailure.SecretIdNotFound}
     */
    public String code() {
        return code;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
