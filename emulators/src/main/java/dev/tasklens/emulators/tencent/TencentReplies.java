package dev.tasklens.emulators.tencent;

import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * The API 3.0 side of the wire shared by Tencent's emulators: the reply envelope
 * ({@code {"Response": {..., "RequestId": "..."}}}, errors with HTTP 200 and
 * {@code Response.Error.Code}/{@code Message}), and reading a request's JSON parameters with the
 * gateway's own error codes.
 */
final class TencentReplies {

    /** A request refused with one of the gateway's error codes. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private TencentReplies() {
    }

    static HttpResponse ok(JsonObject response, Clock clock) {
        JsonObject body = EmulatorJson.provider().createObjectBuilder()
                .add("Response", EmulatorJson.provider().createObjectBuilder(response).add("RequestId", UUID.randomUUID().toString()))
                .build();
        return HttpResponse.of(200, headers(clock), body.toString());
    }

    static HttpResponse error(String code, String message, Clock clock) {
        JsonObject body = EmulatorJson.provider().createObjectBuilder()
                .add("Response", EmulatorJson.provider().createObjectBuilder()
                        .add("Error", EmulatorJson.provider().createObjectBuilder().add("Code", code).add("Message", message))
                        .add("RequestId", UUID.randomUUID().toString()))
                .build();
        return HttpResponse.of(200, headers(clock), body.toString());
    }

    /** The body as the JSON object of parameters that API 3.0 takes for a POST. */
    static JsonObject parameters(HttpRequest request) {
        try (JsonReader reader = EmulatorJson.provider().createReader(new ByteArrayInputStream(request.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            // JsonException, a non-object, or Parsson's own limit on nesting: all are a bad body.
            throw new Refused("InvalidParameter", "the body is not a JSON object of parameters");
        }
    }

    /**
     * An Integer parameter, also when sent as a string ({@code "5"}), as the document's own example
     * does; anything else, or a number beyond a 64-bit integer, is refused.
     */
    static Optional<Long> integer(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        String text = value instanceof JsonNumber number ? number.toString()
                : value instanceof JsonString string ? string.getString() : "";
        if (text.length() <= 20 && text.matches("-?\\d+")) {
            BigDecimal parsed = new BigDecimal(text);
            if (parsed.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return Optional.of(parsed.longValueExact());
            }
        }
        throw new Refused("InvalidParameterValue." + name, "the parameter `" + name + "` must be an Integer, got "
                + quote(value.toString()));
    }

    /** A value as it may appear in an error message: bounded, one line. */
    static String quote(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return "'" + (line.length() > 64 ? line.substring(0, 64) + "..." : line) + "'";
    }

    private static HttpHeaders headers(Clock clock) {
        return HttpHeaders.of("Content-Type", "application/json",
                "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
    }
}
