package dev.tasklens.emulators.tencent;

import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The API 3.0 reply envelope: {@code {"Response": {..., "RequestId": "..."}}}, errors with HTTP 200. */
final class TencentReplies {

    private TencentReplies() {
    }

    static HttpResponse ok(JsonObject response, Clock clock) {
        JsonObject body = Json.createObjectBuilder()
                .add("Response", Json.createObjectBuilder(response).add("RequestId", UUID.randomUUID().toString()))
                .build();
        return HttpResponse.of(200, headers(clock), body.toString());
    }

    static HttpResponse error(String code, String message, Clock clock) {
        JsonObject body = Json.createObjectBuilder()
                .add("Response", Json.createObjectBuilder()
                        .add("Error", Json.createObjectBuilder().add("Code", code).add("Message", message))
                        .add("RequestId", UUID.randomUUID().toString()))
                .build();
        return HttpResponse.of(200, headers(clock), body.toString());
    }

    private static HttpHeaders headers(Clock clock) {
        return HttpHeaders.of("Content-Type", "application/json",
                "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC)));
    }
}
