package dev.tasklens.huawei.internal;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.reply.JsonGuard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Huawei Cloud's error replies as typed errors (PROVIDERS §3.7, §4.6). The body is
 * {@code {error_code, error_msg, request_id}}, or {@code {code, message}}, {@code {code, msg}}, or
 * either nested under {@code error}, as the official SDK's {@code ExceptionUtils} looks for them:
 *
 * <ul>
 *   <li>{@code APIG.0301}/{@code APIGW.0301} → authentication, never retried: the gateway locks an
 *       AK for 5 minutes after 5 failed attempts; except "signature expired", which is one clock-skew
 *       correction from the reply's {@code Date};</li>
 *   <li>{@code APIG.0308}/{@code APIGW.0308} and 429 → throttled, retried no sooner than 2 s (Huawei
 *       suggests waiting 2–5 s);</li>
 *   <li>502/503/504, {@code APIG.0202}/{@code 0203}, {@code MSS.000000002} → retried;</li>
 *   <li>{@code MSS.000000003} and KooDrive's {@code 13000102} → invalid query, with the provider's
 *       message.</li>
 * </ul>
 */
public final class HuaweiErrors {

    private static final Duration MIN_THROTTLE_WAIT = Duration.ofSeconds(2);

    private HuaweiErrors() {
    }

    /**
     * The typed error of a refused request.
     *
     * @param source the source
     * @param response the reply
     * @param requestId the request id the client sent or the reply's header gave
     * @param redact removes credential values from the provider's text
     * @param credentialHint what to check when the credentials are refused
     * @param now the local time, for a {@code Retry-After} date
     * @return the error to throw
     */
    public static TaskLensException of(SourceId source, HttpResponse response, Optional<String> requestId,
            UnaryOperator<String> redact, String credentialHint, Instant now) {
        int status = response.status();
        String code = "HTTP" + status;
        String message = "the reply has status " + status;
        Optional<String> id = requestId;
        Optional<JsonObject> body = object(source, response.bodyText());
        if (body.isPresent()) {
            JsonObject error = body.get().get("error") instanceof JsonObject nested ? nested : body.get();
            code = text(error, "error_code").or(() -> text(error, "code")).map(redact).orElse(code);
            message = text(error, "error_msg").or(() -> text(error, "message")).or(() -> text(error, "msg"))
                    .map(redact).orElse(message);
            id = text(error, "request_id").or(() -> requestId);
        }
        return typed(source, status, code, message, id, response, credentialHint, now);
    }

    /**
     * The typed error of a code and message sent with HTTP 200 (KooDrive's non-zero {@code code}).
     *
     * @param source the source
     * @param status the HTTP status
     * @param response the reply
     * @param code the provider's code
     * @param message the provider's message
     * @param requestId the request id
     * @param credentialHint what to check when the credentials are refused
     * @param now the local time
     * @return the error to throw
     */
    public static TaskLensException typed(SourceId source, int status, String code, String message,
            Optional<String> requestId, HttpResponse response, String credentialHint, Instant now) {
        if (code.endsWith(".0301") || status == 401 || status == 403) {
            if (message.contains("signature expired")) {
                return new AuthenticationException(source, code, message + "; the local clock is off, check it",
                        requestId, response.date());
            }
            return new AuthenticationException(source, code, message + "; " + credentialHint, requestId);
        }
        if (code.endsWith(".0308") || status == 429) {
            Duration wait = response.retryAfter(now).filter(asked -> asked.compareTo(MIN_THROTTLE_WAIT) > 0)
                    .orElse(MIN_THROTTLE_WAIT);
            return new ThrottledException(source, code, message, requestId, Optional.of(wait));
        }
        if (code.equals("MSS.000000003") || code.equals("13000102")) {
            return new InvalidQueryException(source, code + ": " + message + "; the query was refused by the provider",
                    requestId);
        }
        boolean transientFault = status == 502 || status == 503 || status == 504 || code.endsWith(".0202")
                || code.endsWith(".0203") || code.equals("MSS.000000002");
        return new ProviderException(source, status, code, message, requestId, transientFault);
    }

    private static Optional<JsonObject> object(SourceId source, String body) {
        try {
            JsonGuard.check(source, body, Optional.empty());
        } catch (MalformedResponseException hostile) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(value.toString());
    }
}
