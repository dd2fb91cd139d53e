package dev.tasklens.emulators.huawei;

import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Emulates Huawei KooDrive "Listing Tasks" (seed 003): {@code GET /koodrive/ose/v1/task/list}.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer+{access_token}} (a space instead of {@code +} is accepted too,
 *       as the document shows both), {@code X-User-Id} of that token's user, {@code X-Date}
 *       ({@code yyyyMMdd'T'HHmmss'Z'}) within 15 minutes and never ahead of the server's time;
 *       refusals are HTTP 401 with the gateway's {@code APIGW.0301}.</li>
 *   <li>{@code pageSize} 1..100 (default and maximum 100), {@code pageCursor} from {@code nextCursor};
 *       "partial or empty result pages are returned before the end": every third page is empty and
 *       pages after it are shorter; the end is an absent {@code nextCursor}. {@code status}
 *       (0 NEW, 1 EXECUTING, 2 SUCCESS, 3 FAILED; repeated key or comma list) and {@code taskType}
 *       filter.</li>
 *   <li>The document's own quirks: the list is {@code taskListDtos} (the example) on odd pages and
 *       {@code taskList} (the table) on even ones; {@code nextCursor} and {@code code} are numbers;
 *       a failed task carries {@code resultCode}
 *       {@code 18xxxxxx}.</li>
 * </ul>
 */
public final class KooDriveApi implements ApiHandler {

    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter CREATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<TaskStatus, Integer> CODES = Map.of(TaskStatus.PENDING, 0, TaskStatus.RUNNING, 1,
            TaskStatus.SUCCEEDED, 2, TaskStatus.FAILED, 3);

    private final Supplier<TaskCatalog> catalog;
    private final String token;
    private final String userId;
    private final Clock clock;
    private final AtomicLong pages = new AtomicLong();

    /**
     * An emulator serving these tasks to one user's access token.
     *
     * @param tasks the tasks
     * @param token the accepted access token
     * @param userId the token's user
     * @param clock the server's clock
     */
    public KooDriveApi(TaskCatalog tasks, String token, String userId, Clock clock) {
        this(() -> tasks, token, userId, clock);
    }

    /**
     * An emulator serving these tasks to one user's access token.
     *
     * @param catalog the tasks served, read once per request (a sandbox with churn swaps them)
     * @param token the accepted access token
     * @param userId the token's user
     * @param clock the server's clock
     */
    public KooDriveApi(Supplier<TaskCatalog> catalog, String token, String userId, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.token = token;
        this.userId = userId;
        this.clock = clock;
    }

    /**
     * The status code this emulator writes for a neutral status.
     *
     * @param status a neutral status
     * @return 0 NEW, 1 EXECUTING, 2 SUCCESS or 3 FAILED
     */
    public static int statusCode(TaskStatus status) {
        return CODES.get(status);
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        TaskCatalog tasks = catalog.get();
        HttpRequest request = exchange.request();
        String traceId = request.headers().firstValue("X-Traceid").orElseGet(() -> UUID.randomUUID().toString());
        if (!request.method().equals("GET") || !exchange.path().equals("/koodrive/ose/v1/task/list")) {
            return error(404, "APIGW.0101", "The API does not exist or has not been published", traceId);
        }
        String authorization = request.headers().firstValue("Authorization").orElse("");
        if (!authorization.equals("Bearer+" + token) && !authorization.equals("Bearer " + token)) {
            return error(401, "APIGW.0301", "Incorrect authentication information: the access token is missing,"
                    + " wrong or expired", traceId);
        }
        if (!request.headers().firstValue("X-User-Id").orElse("").equals(userId)) {
            return error(401, "APIGW.0301", "Incorrect authentication information: X-User-Id is not the token's"
                    + " user", traceId);
        }
        Instant date;
        try {
            date = LocalDateTime.parse(request.headers().firstValue("X-Date").orElse(""), X_DATE)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return error(401, "APIGW.0301", "X-Date is not yyyyMMddTHHmmssZ", traceId);
        }
        Instant now = clock.instant();
        if (date.isAfter(now.truncatedTo(ChronoUnit.SECONDS)) || date.isBefore(now.minus(Duration.ofMinutes(15)))) {
            return error(401, "APIGW.0301", "X-Date must be within the last 15 minutes and not later than the"
                    + " server's time", traceId);
        }
        Map<String, List<String>> query = exchange.queryParameterLists();
        String sizeText = query.getOrDefault("pageSize", List.of("100")).get(0);
        if (!sizeText.matches("\\d{1,3}") || Integer.parseInt(sizeText) < 1 || Integer.parseInt(sizeText) > 100) {
            return error(400, "13000102", "parameter verification failed: pageSize is 1..100", traceId);
        }
        int pageSize = Integer.parseInt(sizeText);
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (String value : query.getOrDefault("status", List.of())) {
            for (String code : value.split(",")) {
                Optional<TaskStatus> status = CODES.entrySet().stream()
                        .filter(entry -> Integer.toString(entry.getValue()).equals(code.trim()))
                        .map(Map.Entry::getKey).findFirst();
                if (status.isEmpty()) {
                    return error(400, "13000102", "parameter verification failed: status is 0, 1, 2 or 3", traceId);
                }
                statuses.add(status.get());
            }
        }
        TaskCatalog.Selection selection = tasks.select(statuses.isEmpty() ? TaskCatalog.allStatuses() : statuses,
                Optional.empty(), Optional.empty());
        // The cursor is a number: the position of the next task, with the page count in its high digits.
        int from = selection.start();
        long page = 0;
        String cursor = query.getOrDefault("pageCursor", List.of("")).get(0);
        if (!cursor.isEmpty()) {
            if (!cursor.matches("\\d{1,18}")) {
                return error(400, "13000102", "parameter verification failed: pageCursor is a number", traceId);
            }
            long value = Long.parseLong(cursor);
            page = value / 10_000_000_000L;
            from = (int) (value % 10_000_000_000L);
            if (from >= tasks.size() || !selection.contains(from)) {
                return error(400, "13000102", "parameter verification failed: pageCursor is not valid", traceId);
            }
        }
        boolean empty = page % 3 == 2 || exchange.hasFault(Fault.EmptyPage.class);
        int size = empty ? 0 : page % 3 == 1 ? Math.max(1, pageSize / 2) : pageSize;
        TaskCatalog.Slice slice = selection.page(from, size);
        OptionalInt next = empty ? OptionalInt.of(from) : slice.next();
        List<EmulatedTask> listed = empty ? List.of() : slice.tasks();
        JsonArrayBuilder list = EmulatorJson.provider().createArrayBuilder();
        for (EmulatedTask task : listed) {
            list.add(info(task));
        }
        JsonObjectBuilder body = EmulatorJson.provider().createObjectBuilder()
                .add(pages.incrementAndGet() % 2 == 1 ? "taskListDtos" : "taskList", list)
                .add("code", 0)
                .add("msg", "Success.");
        if (next.isPresent()) {
            long nextCursor = (page + 1) * 10_000_000_000L + next.getAsInt();
            if (exchange.hasFault(Fault.RepeatedCursor.class) && !cursor.isEmpty()) {
                body.add("nextCursor", Long.parseLong(cursor));
            } else {
                body.add("nextCursor", nextCursor);
            }
        }
        return HttpResponse.of(200, headers(traceId), body.build().toString());
    }

    private JsonObjectBuilder info(EmulatedTask task) {
        JsonObjectBuilder info = EmulatorJson.provider().createObjectBuilder()
                .add("taskId", task.id())
                .add("taskName", task.name())
                .add("taskType", 0)
                .add("tenantId", "tenant-1")
                .add("userId", userId)
                .add("status", CODES.get(task.status()))
                .add("createTime", iso(task.createdAt()));
        task.startedAt().ifPresent(at -> info.add("startTime", iso(at)));
        task.finishedAt().ifPresent(at -> info.add("endTime", iso(at)));
        if (task.status() == TaskStatus.FAILED) {
            info.add("resultCode", "18000001");
        }
        return info;
    }

    /** The document's form, milliseconds always written: {@code 2024-08-12T07:22:33.000Z}. */
    private static String iso(Instant at) {
        return CREATE_TIME.format(at);
    }

    private HttpHeaders headers(String traceId) {
        return HttpHeaders.of("Content-Type", "application/json;charset=UTF-8", "X-Traceid", traceId,
                "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
    }

    private HttpResponse error(int status, String code, String message, String traceId) {
        JsonObjectBuilder body = code.startsWith("APIGW")
                ? EmulatorJson.provider().createObjectBuilder().add("error_code", code).add("error_msg", message)
                        .add("request_id", traceId)
                : EmulatorJson.provider().createObjectBuilder().add("code", code).add("msg", message);
        return HttpResponse.of(status, headers(traceId), body.build().toString());
    }

    @Override
    public Optional<HttpResponse> pageWithFreshToken(EmulatorRequest request, String freshToken,
            List<EmulatedTask> listed) {
        JsonArrayBuilder list = EmulatorJson.provider().createArrayBuilder();
        listed.forEach(task -> list.add(info(task)));
        return Optional.of(HttpResponse.of(200, headers("hostile"), EmulatorJson.provider().createObjectBuilder()
                .add("taskList", list).add("code", 0).add("msg", "Success.")
                .add("nextCursor", freshToken).build().toString()));
    }

    @Override
    public List<EmulatedTask> catalogue() {
        TaskCatalog tasks = catalog.get();
        return tasks.toList();
    }

    @Override
    public HttpResponse throttled() {
        return error(429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,"
                + "limit:100,time:1 second", UUID.randomUUID().toString());
    }

    @Override
    public HttpResponse serverError(int status) {
        return error(status, "APIGW.0203", "backend timed out", UUID.randomUUID().toString());
    }

    @Override
    public HttpResponse malformed() {
        return HttpResponse.of(200, headers("malformed"), "{ \"taskListDtos\" : [ { \"taskId\" : \"1486254586942472064\"");
    }
}
