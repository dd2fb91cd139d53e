package dev.tasklens.tencent.internal;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a Tencent Cloud API 3.0 error ({@code Response.Error.Code}/{@code Message}, HTTP 200) into
 * the typed error it means. Codes: the API 3.0 common error table ("公共错误码") and the MPS codes.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /**
     * The typed error for a code.
     *
     * @param source the source
     * @param code {@code Response.Error.Code}
     * @param message {@code Response.Error.Message}
     * @param requestId {@code Response.RequestId}
     * @param reply the HTTP reply (for its {@code Date})
     * @param now the source's time, against which a {@code Retry-After} date is read
     * @return the error to throw
     */
    public static TaskLensException of(SourceId source, String code, String message, Optional<String> requestId,
            HttpResponse reply, Instant now) {
        if (code.equals("AuthFailure.SignatureExpire")) {
            // The timestamp differs from the server's by more than five minutes: sign again at its time.
            return new AuthenticationException(source, code, message + "; the local clock is off, check it",
                    requestId, serverTime(reply));
        }
        if (code.startsWith("AuthFailure")) {
            return new AuthenticationException(source, code, message
                    + "; check TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (and the session token of temporary"
                    + " credentials)", requestId);
        }
        if (code.startsWith("RequestLimitExceeded")) {
            return new ThrottledException(source, code, message, requestId, reply.retryAfter(now));
        }
        if (code.startsWith("InvalidParameter") || code.startsWith("MissingParameter")
                || code.startsWith("UnknownParameter")) {
            return new InvalidQueryException(source, code + ": " + message + "; the query was refused by the provider",
                    requestId);
        }
        if (code.equals("FailedOperation.InvalidMpsUser")) {
            return new ProviderException(source, reply.status(), code, message
                    + " (the account is not an MPS user: activate Media Processing Service in the Tencent Cloud"
                    + " console first)", requestId, false);
        }
        boolean transientFault = code.startsWith("InternalError") || code.equals("ServiceUnavailable")
                || code.startsWith("ResourceUnavailable");
        return new ProviderException(source, reply.status(), code, message, requestId, transientFault);
    }

    /**
     * The error for a reply whose HTTP status is not 200 (a gateway or proxy in between).
     *
     * @param source the source
     * @param reply the reply
     * @param requestId the request id, if any
     * @param now the source's time, against which a {@code Retry-After} date is read
     * @return the error to throw
     */
    public static TaskLensException ofStatus(SourceId source, HttpResponse reply, Optional<String> requestId,
            Instant now) {
        int status = reply.status();
        if (status == 429) {
            return new ThrottledException(source, "HTTP429", "too many requests", requestId,
                    reply.retryAfter(now));
        }
        boolean retryable = status == 500 || status == 502 || status == 503 || status == 504;
        return new ProviderException(source, status, "HTTP" + status, "the reply has status " + status
                + (retryable ? "; retried, then given up" : ""), requestId, retryable);
    }

    /**
     * The server's time from a reply's {@code Date} header (RFC 1123), for the clock-skew retry.
     *
     * @param reply the reply
     * @return the server's time, if the header is there and readable
     */
    public static Optional<Instant> serverTime(HttpResponse reply) {
        return reply.date();
    }
}
