package dev.tasklens.domain;

import java.util.Optional;

/**
 * The provider refused the credentials, the token or the signature. Not retryable, with one
 * exception handled by the transport layer: a signature rejected as expired because the local
 * clock is off is retried once with the server's time.
 */
public final class AuthenticationException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * An authentication failure.
     *
     * @param source the source that refused the request
     * @param code the provider's error code, such as {@code AuthFailure.SignatureFailure}
     * @param message the provider's message and what to check (never the secret itself)
     * @param requestId the provider's request id, when it sent one
     */
    public AuthenticationException(SourceId source, String code, String message, Optional<String> requestId) {
        super(withContext(code + ": " + message, source, requestId.orElse(null)), source, requestId.orElse(null), null);
        this.code = code;
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
