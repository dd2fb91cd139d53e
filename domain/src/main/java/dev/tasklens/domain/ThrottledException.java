package dev.tasklens.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider asked the client to slow down (HTTP 429, Tencent {@code RequestLimitExceeded},
 * CLS {@code SpeedQuotaExceed}, ...). Retryable after {@link #retryAfter()} when the provider
 * said how long to wait.
 */
public final class ThrottledException extends TaskLensException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Duration retryAfter;

    /**
     * A throttling reply.
     *
     * @param source the source that throttled
     * @param code the provider's error code
     * @param message the provider's message
     * @param requestId the provider's request id, when it sent one
     * @param retryAfter how long the provider asked to wait, when it said
     */
    public ThrottledException(SourceId source, String code, String message, Optional<String> requestId,
            Optional<Duration> retryAfter) {
        super(withContext(code + ": " + message + "; slow down or retry later", source, requestId.orElse(null)),
                source, requestId.orElse(null), null);
        this.code = code;
        this.retryAfter = retryAfter.orElse(null);
    }

    /**
     * The provider's error code.
     *
     * @return the code, such as {@code RequestLimitExceeded}
     */
    public String code() {
        return code;
    }

    /**
     * How long the provider asked to wait.
     *
     * @return the wait, when the provider said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
