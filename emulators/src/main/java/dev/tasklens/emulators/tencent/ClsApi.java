package dev.tasklens.emulators.tencent;

import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
    private static final Pattern AUTHORIZATION = Pattern.compile("q-sign-algorithm=sha1&q-ak=([^&]+)"
            + "&q-sign-time=(\\d{1,30};\\d{1,30})&q-key-time=(\\d{1,30};\\d{1,30})&q-header-list=([^&]*)"
            + "&q-url-param-list=([^&]*)&q-signature=([0-9a-f]{40})");

    private final Supplier<TaskCatalog> catalog;
    private final KeyRing keys;
    private final Clock clock;

    /**
     * An emulator serving these tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public ClsApi(List<EmulatedTask> tasks, Map<String, String> secrets, Clock clock) {
        this(TaskCatalog.of(tasks), secrets, clock);
    }

    /**
     * An emulator serving a catalog of tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public ClsApi(TaskCatalog tasks, Map<String, String> secrets, Clock clock) {
        this(() -> tasks, secrets, clock);
    }

    /**
     * An emulator serving a catalog of tasks to these keys.
     *
     * @param catalog the tasks served, read once per request (a sandbox with churn swaps them)
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public ClsApi(Supplier<TaskCatalog> catalog, Map<String, String> secrets, Clock clock) {
        this(catalog, KeyRing.of(secrets), clock);
    }

    /**
     * An emulator serving a catalog of tasks to the keys of a ring, temporary ones included.
     *
     * @param catalog the tasks served, read once per request
     * @param keys the accepted keys, shared with the credential services that issue temporary ones
     * @param clock the server's clock
     */
    public ClsApi(Supplier<TaskCatalog> catalog, KeyRing keys, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = clock;
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        TaskCatalog tasks = catalog.get();
        HttpRequest request = exchange.request();
        if (!request.method().equals("GET") || !exchange.path().equals("/tasks")) {
            return error(404, "NotFound", "this emulator serves GET /tasks only");
        }
        Optional<HttpResponse> refused = verify(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> query = exchange.queryParameters();
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
        JsonArrayBuilder list = EmulatorJson.provider().createArrayBuilder();
        TaskCatalog.Selection window = tasks.select(TaskCatalog.allStatuses(), Optional.of(start), Optional.of(end));
        for (EmulatedTask task : window.page(window.start(), Integer.MAX_VALUE).tasks()) {
            list.add(EmulatorJson.provider().createObjectBuilder()
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
        return reply(200, EmulatorJson.provider().createObjectBuilder().add("tasks", list).build().toString());
    }

    /**
     * Verifies the CLS signature as the service does (Tencent Cloud CLS "请求签名", product 614, doc
     * 12445): {@code q-sign-algorithm=sha1}; {@code q-key-time} equal to {@code q-sign-time}; the
     * server's clock inside that {@code start;end} window, read without overflow; the signature
     * recomputed over the headers named in {@code q-header-list}.
     */
    private Optional<HttpResponse> verify(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse("");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            return Optional.of(error(401, "AuthFailure.SignatureFailure",
                    "Authorization is not a CLS signature (q-sign-algorithm=sha1&q-ak=...&q-sign-time=...)"));
        }
        Optional<KeyRing.Key> key = keys.find(parts.group(1));
        if (key.isEmpty()) {
            return Optional.of(error(401, "AuthFailure.SecretIdNotFound", "the SecretId is not found"));
        }
        String secret = key.get().secret();
        // Temporary keys come with X-Cls-Token (the CLS SDKs' header) and stop at their expiry.
        Optional<String> unusable = KeyRing.refusal(key.get(), request.headers().firstValue("X-Cls-Token"),
                clock.instant());
        if (unusable.isPresent()) {
            return Optional.of(error(401, unusable.get().contains("expired") ? "AuthFailure.SecretIdNotFound"
                    : "AuthFailure.TokenFailure", unusable.get()));
        }
        if (!parts.group(2).equals(parts.group(3))) {
            return Optional.of(error(401, "AuthFailure.SignatureFailure", "q-key-time must equal q-sign-time"));
        }
        String[] window = parts.group(2).split(";");
        Instant from = epochSeconds(window[0]);
        Instant to = epochSeconds(window[1]);
        if (!from.isBefore(to)) {
            return Optional.of(error(401, "AuthFailure.SignatureFailure", "q-sign-time must start before it ends"));
        }
        Instant now = clock.instant();
        if (now.isBefore(from) || now.isAfter(to)) {
            return Optional.of(error(401, "AuthFailure.SignatureExpire", "the signature is not valid at the server's"
                    + " time: q-sign-time is " + parts.group(2) + ", the server's time is " + now.getEpochSecond()));
        }
        Set<String> listed = parts.group(4).isEmpty() ? Set.of()
                : Set.of(parts.group(4).toLowerCase(Locale.ROOT).split(";"));
        SignableRequest.Builder signable = SignableRequest.builder("GET", request.uri());
        request.headers().entries().stream()
                .filter(header -> listed.contains(header.name().toLowerCase(Locale.ROOT)))
                .forEach(header -> signable.header(header.name(), header.value()));
        String expected;
        try {
            expected = ClsSigner.create().signForWindow(signable.build(), SigningCredentials.of(parts.group(1),
                    secret), from, to).authorization();
        } catch (IllegalArgumentException e) {
            return Optional.of(error(401, "AuthFailure.SignatureFailure", "the request cannot be signed: "
                    + e.getMessage()));
        }
        return expected.equals(authorization) ? Optional.empty()
                : Optional.of(error(401, "AuthFailure.SignatureFailure", "the signature does not match"));
    }

    /** Unix seconds; a number too large for an instant is a time that never comes. */
    private static Instant epochSeconds(String digits) {
        return digits.length() > 15 ? Instant.MAX : Instant.ofEpochSecond(Long.parseLong(digits));
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
        return reply(status, EmulatorJson.provider().createObjectBuilder().add("errorcode", code).add("errormessage", message).build()
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
