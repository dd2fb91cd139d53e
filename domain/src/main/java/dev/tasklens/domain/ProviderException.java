package dev.tasklens.domain;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error the provider reported that is neither authentication nor throttling nor a rejected
 * parameter: it keeps the provider's code, message, request id and HTTP status. Server-side
 * faults (HTTP 5xx, Tencent {@code InternalError}) are retryable; the rest are not.
 */
public final class ProviderException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String providerMessage;
    private final int httpStatus;
    private final boolean retryable;

    /**
     * A provider error.
     *
     * @param source the source that reported it
     * @param httpStatus the HTTP status of the reply (Tencent API 3.0 reports errors with 200)
     * @param code the provider's error code
     * @param providerMessage the provider's message
     * @param requestId the provider's request id, when it sent one
     * @param retryable whether the provider documents the error as transient
     */
    public ProviderException(SourceId source, int httpStatus, String code, String providerMessage,
            Optional<String> requestId, boolean retryable) {
        super(withContext(code + ": " + providerMessage + " (HTTP " + httpStatus + ")", source,
                requestId.orElse(null)), source, requestId.orElse(null), null);
        this.code = code;
        this.providerMessage = providerMessage;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    /**
     * The provider's error code.
     *
     * @return the code, such as {@code FailedOperation.InvalidMpsUser}
     */
    public String code() {
        return code;
    }

    /**
     * The provider's own message.
     *
     * @return the message as sent
     */
    public String providerMessage() {
        return providerMessage;
    }

    /**
     * The HTTP status of the reply.
     *
     * @return the status; present for every reply that arrived
     */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
