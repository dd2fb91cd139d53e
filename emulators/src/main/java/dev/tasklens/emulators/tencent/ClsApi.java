package dev.tasklens.emulators.tencent;

import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulates the legacy CLS shipping-task list (seed 000): {@code GET /tasks?shipper_id=&start_time=
 * &end_time=} with the CLS HMAC-SHA1 signature verified, times as {@code yyyy-MM-dd HH:mm:ss} in
 * China Standard Time, {@code start_time} no older than three days, one reply holding the whole
 * window. Errors are {@code {"errorcode", "errormessage"}} with a real HTTP status, and every reply
 * carries {@code X-Cls-Requestid}. The malformed reply is the document's own example, whose
 * trailing comma makes it invalid JSON.
 */
public final class ClsApi implements ApiHandler {

    /** The time zone of the API's times (China Standard Time). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern SIGN_TIME = Pattern.compile("q-ak=([^&]*)&q-sign-time=(\\d+);(\\d+)&");

    private final List<EmulatedTask> tasks;
    private final Map<String, String> secrets;
    private final Clock clock;

    /**
     * An emulator serving these tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public ClsApi(List<EmulatedTask> tasks, Map<String, String> secrets, Clock clock) {
        this.tasks = List.copyOf(tasks);
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        HttpRequest request = exchange.request();
        if (!request.method().equals("GET") || !request.uri().getPath().equals("/tasks")) {
            return error(404, "NotFound", "this emulator serves GET /tasks only");
        }
        Optional<HttpResponse> refused = verify(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> query = new HashMap<>();
        String raw = request.uri().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        String shipper = query.getOrDefault("shipper_id", "");
        if (shipper.isEmpty()) {
            return error(400, "InvalidParam", "shipper_id is required");
        }
        Instant start;
        Instant end;
        try {
            start = LocalDateTime.parse(query.getOrDefault("start_time", ""), TIME).atZone(ZONE).toInstant();
            end = LocalDateTime.parse(query.getOrDefault("end_time", ""), TIME).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return error(400, "InvalidParam", "start_time and end_time are yyyy-MM-dd HH:mm:ss");
        }
        if (start.isBefore(clock.instant().minus(Duration.ofDays(3)))) {
            return error(400, "InvalidParam", "start_time can be within the last three days");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (EmulatedTask task : tasks) {
            if (task.createdAt().isBefore(start) || task.createdAt().isAfter(end)) {
                continue;
            }
            list.add(Json.createObjectBuilder()
                    .add("task_id", task.id())
                    .add("shipper_id", shipper)
                    .add("topic_id", "topic-" + shipper)
                    .add("range_start", format(task.createdAt().minus(Duration.ofHours(1))))
                    .add("range_end", format(task.createdAt()))
                    .add("start_time", format(task.createdAt()))
                    .add("end_time", task.finishedAt().map(ClsApi::format).orElse(""))
                    .add("status", clsStatus(task))
                    .add("message", clsStatus(task)));
        }
        return reply(200, Json.createObjectBuilder().add("tasks", list).build().toString());
    }

    private Optional<HttpResponse> verify(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse("");
        Matcher parts = SIGN_TIME.matcher(authorization);
        if (!parts.find()) {
            return Optional.of(error(401, "AuthFailure.SignatureFailure", "Authorization is not a CLS signature"));
        }
        String secret = secrets.get(parts.group(1));
        if (secret == null) {
            return Optional.of(error(401, "AuthFailure.SecretIdNotFound", "the SecretId is not found"));
        }
        Instant from = Instant.ofEpochSecond(Long.parseLong(parts.group(2)));
        Instant to = Instant.ofEpochSecond(Long.parseLong(parts.group(3)));
        if (clock.instant().isBefore(from) || clock.instant().isAfter(to)) {
            return Optional.of(error(401, "AuthFailure.SignatureExpire", "the signature has expired"));
        }
        SignableRequest.Builder signable = SignableRequest.builder("GET", request.uri());
        request.headers().entries().stream()
                .filter(header -> !header.name().equalsIgnoreCase("Authorization"))
                .forEach(header -> signable.header(header.name(), header.value()));
        String expected = ClsSigner.create().signForWindow(signable.build(), SigningCredentials.of(parts.group(1),
                secret), from, to).authorization();
        return expected.equals(authorization) ? Optional.empty()
                : Optional.of(error(401, "AuthFailure.SignatureFailure", "the signature does not match"));
    }

    private static String clsStatus(EmulatedTask task) {
        return switch (task.status()) {
            case PENDING -> "wait";
            case RUNNING -> "running";
            case SUCCEEDED -> "success";
            default -> "failed";
        };
    }

    private static String format(Instant instant) {
        return TIME.format(instant.atZone(ZONE));
    }

    private HttpResponse reply(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "application/json",
                "X-Cls-Requestid", UUID.randomUUID().toString(),
                "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC))),
                body);
    }

    private HttpResponse error(int status, String code, String message) {
        return reply(status, Json.createObjectBuilder().add("errorcode", code).add("errormessage", message).build()
                .toString());
    }

    @Override
    public HttpResponse throttled() {
        return error(429, "SpeedQuotaExceed", "Requests are sent too frequently");
    }

    @Override
    public HttpResponse serverError(int status) {
        return error(status, "InternalError", "internal error");
    }

    /** The document's own example body: its trailing comma makes it invalid JSON (seed 000). */
    @Override
    public HttpResponse malformed() {
        return reply(200, "{\"tasks\": [{\"task_id\": \"xxxxx-xx-xx-xx\", \"status\": \"success\","
                + " \"message\": \"success\",}]}");
    }
}
