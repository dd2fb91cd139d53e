package dev.tasklens.emulators.baidu;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Emulates Baidu AI Cloud VOD {@code GET /v2/tasks} (seed 004) on {@code vod.bj.baidubce.com}:
 *
 * <ul>
 *   <li>bce-auth-v1 verified as the gateway does ({@link BceVerifier}); errors are
 *       {@code {code, message, requestId}} with the real HTTP status, and every reply carries
 *       {@code x-bce-request-id} (the request's own when it sent one).</li>
 *   <li>{@code maxSize} 1..100, default 10; with neither {@code marker} nor {@code maxSize}, only the
 *       first 10 results and no further page ("当这2个值都缺省时,本接口最多只返回前10条查询结果").
 *       {@code marker} is the id of the page's first task, {@code nextMarker} that of the next page's;
 *       the last page still names a {@code nextMarker} with {@code isTruncated: false}, as the
 *       document's own example does.</li>
 *   <li>{@code status} one word (this emulator's tasks use PENDING, PROCESSING, FINISHED, FAILED),
 *       {@code beginTime}/{@code endTime} on the creation time, inclusive, UTC ISO 8601;
 *       {@code taskId}, {@code mediaId}, {@code type} filter exactly. Only the last 7×24 h exist.</li>
 *   <li>A gateway 502 has an HTML body, not JSON.</li>
 * </ul>
 */
public final class VodApi implements ApiHandler {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    private static final Map<TaskStatus, String> WORDS = Map.of(TaskStatus.PENDING, "PENDING",
            TaskStatus.RUNNING, "PROCESSING", TaskStatus.SUCCEEDED, "FINISHED", TaskStatus.FAILED, "FAILED");

    private final Supplier<TaskCatalog> catalog;
    private final BceVerifier verifier;
    private final Clock clock;
    private final AtomicInteger aliases = new AtomicInteger();

    /**
     * An emulator serving these tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted access key ids and their secret access keys
     * @param clock the server's clock
     */
    public VodApi(List<EmulatedTask> tasks, Map<String, String> secrets, Clock clock) {
        this(TaskCatalog.of(tasks), secrets, clock);
    }

    /**
     * An emulator serving a catalog of tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted access key ids and their secret access keys
     * @param clock the server's clock
     */
    public VodApi(TaskCatalog tasks, Map<String, String> secrets, Clock clock) {
        this(() -> tasks, secrets, clock);
    }

    /**
     * An emulator serving a catalog of tasks to these keys.
     *
     * @param catalog the tasks served, read once per request (a sandbox with churn swaps them)
     * @param secrets the accepted access key ids and their secret access keys
     * @param clock the server's clock
     */
    public VodApi(Supplier<TaskCatalog> catalog, Map<String, String> secrets, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.verifier = new BceVerifier(secrets, clock);
        this.clock = clock;
    }

    /**
     * The status word this emulator writes for a neutral status.
     *
     * @param status a neutral status
     * @return PENDING, PROCESSING, FINISHED or FAILED
     */
    public static String vodStatus(TaskStatus status) {
        return WORDS.get(status);
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        TaskCatalog tasks = catalog.get();
        HttpRequest request = exchange.request();
        String requestId = request.headers().firstValue("x-bce-request-id").orElseGet(() -> UUID.randomUUID()
                .toString());
        if (!request.method().equals("GET") || !exchange.path().equals("/v2/tasks")) {
            return error(404, "NoSuchResource", "this emulator serves GET /v2/tasks", requestId);
        }
        Optional<BceVerifier.Refusal> refusal = verifier.verify(request);
        if (refusal.isPresent()) {
            return error(refusal.get().status(), refusal.get().code(), refusal.get().message(), requestId);
        }
        Map<String, String> query = exchange.queryParameters();
        boolean defaulted = !query.containsKey("maxSize") && !query.containsKey("marker");
        int maxSize = 10;
        if (query.containsKey("maxSize")) {
            String text = query.get("maxSize");
            if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 100) {
                return error(400, "InvalidHTTPRequest", "maxSize must be 1..100, got '" + shorten(text) + "'",
                        requestId);
            }
            maxSize = Integer.parseInt(text);
        }
        Optional<Instant> begin;
        Optional<Instant> end;
        try {
            begin = Optional.ofNullable(query.get("beginTime")).map(Instant::parse);
            end = Optional.ofNullable(query.get("endTime")).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return error(400, "InvalidHTTPRequest", "beginTime and endTime are UTC ISO 8601 times such as"
                    + " 2024-12-05T06:08:41Z", requestId);
        }
        // Only the last 7×24 h exist.
        Instant kept = clock.instant().minus(Duration.ofDays(7));
        begin = Optional.of(begin.filter(at -> at.isAfter(kept)).orElse(kept));
        Set<TaskStatus> statuses = TaskCatalog.allStatuses();
        if (query.containsKey("status")) {
            statuses = EnumSet.noneOf(TaskStatus.class);
            for (Map.Entry<TaskStatus, String> word : WORDS.entrySet()) {
                if (word.getValue().equals(query.get("status"))) {
                    statuses.add(word.getKey());
                }
            }
        }
        TaskCatalog.Selection selection = tasks.select(statuses, begin, end);
        int from = selection.start();
        String marker = query.getOrDefault("marker", "");
        if (!marker.isEmpty()) {
            String id = marker.contains("#") ? marker.substring(0, marker.indexOf('#')) : marker;
            OptionalInt position = tasks.indexOf(id);
            if (position.isEmpty() || !selection.contains(position.getAsInt())) {
                return error(400, "InvalidHTTPRequest", "the marker is not valid for this query", requestId);
            }
            from = position.getAsInt();
        }
        // An empty page stands before the end of a list; a selection with nothing in it has no such place.
        if (exchange.hasFault(Fault.EmptyPage.class) && !defaulted && selection.count() > 0) {
            String alias = (marker.isEmpty() ? firstId(selection) : marker.split("#")[0]) + "#e"
                    + aliases.incrementAndGet();
            return page(List.of(), marker, alias, true, requestId);
        }
        List<EmulatedTask> page = new ArrayList<>();
        OptionalInt next = OptionalInt.empty();
        boolean filtered = query.containsKey("taskId") || query.containsKey("mediaId") || query.containsKey("type");
        TaskCatalog.Slice slice = selection.page(from, filtered ? Integer.MAX_VALUE : maxSize);
        for (EmulatedTask task : slice.tasks()) {
            if (matches(task, query)) {
                if (page.size() == maxSize) {
                    next = tasks.indexOf(task.id());
                    break;
                }
                page.add(task);
            }
        }
        if (!filtered) {
            next = slice.next();
        }
        boolean truncated = next.isPresent() && !defaulted;
        String nextMarker = next.isPresent() ? tasks.get(next.getAsInt()).id()
                : page.isEmpty() ? "" : page.get(page.size() - 1).id();
        if (exchange.hasFault(Fault.RepeatedCursor.class) && !marker.isEmpty()) {
            nextMarker = marker;
            truncated = true;
        }
        return page(page, marker.isEmpty() && !page.isEmpty() ? page.get(0).id() : marker, nextMarker, truncated,
                requestId);
    }

    private String firstId(TaskCatalog.Selection selection) {
        List<EmulatedTask> first = selection.page(selection.start(), 1).tasks();
        return first.isEmpty() ? "none" : first.get(0).id();
    }

    private static boolean matches(EmulatedTask task, Map<String, String> query) {
        return (!query.containsKey("taskId") || query.get("taskId").equals(task.id()))
                && (!query.containsKey("mediaId") || query.get("mediaId").equals(mediaId(task)))
                && (!query.containsKey("type") || query.get("type").equals(type(task)));
    }

    private static String mediaId(EmulatedTask task) {
        return "mda-" + Integer.toHexString(task.id().hashCode() & 0x7fffffff);
    }

    private static String type(EmulatedTask task) {
        return task.type().equals("transcode") ? "WORKFLOW" : "PRESET";
    }

    private HttpResponse page(List<EmulatedTask> page, String marker, String nextMarker, boolean truncated,
            String requestId) {
        JsonArrayBuilder data = EmulatorJson.provider().createArrayBuilder();
        for (EmulatedTask task : page) {
            JsonObjectBuilder item = EmulatorJson.provider().createObjectBuilder()
                    .add("taskId", task.id())
                    .add("mediaId", mediaId(task))
                    .add("type", type(task))
                    .add("status", WORDS.get(task.status()))
                    .add("createTime", iso(task.createdAt()));
            task.finishedAt().ifPresent(at -> item.add("finishTime", iso(at)));
            data.add(item);
        }
        String body = EmulatorJson.provider().createObjectBuilder()
                .add("data", data)
                .add("marker", marker)
                .add("nextMarker", nextMarker)
                .add("isTruncated", truncated)
                .build().toString();
        return HttpResponse.of(200, headers(requestId, "application/json;charset=UTF-8"), body);
    }

    private static String iso(Instant at) {
        return ISO.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }

    private HttpHeaders headers(String requestId, String contentType) {
        return HttpHeaders.of("Content-Type", contentType, "x-bce-request-id", requestId,
                "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
    }

    private HttpResponse error(int status, String code, String message, String requestId) {
        return HttpResponse.of(status, headers(requestId, "application/json;charset=UTF-8"), EmulatorJson.provider().createObjectBuilder()
                .add("code", code).add("message", message).add("requestId", requestId).build().toString());
    }

    @Override
    public Optional<HttpResponse> pageWithFreshToken(EmulatorRequest request, String freshToken,
            List<EmulatedTask> listed) {
        return Optional.of(page(listed, "", freshToken, true, UUID.randomUUID().toString()));
    }

    @Override
    public List<EmulatedTask> catalogue() {
        TaskCatalog tasks = catalog.get();
        return tasks.toList();
    }

    @Override
    public HttpResponse throttled() {
        return error(429, "RequestRateLimitExceeded", "too many requests", UUID.randomUUID().toString());
    }

    /** A gateway failure: Baidu's front end answers 502 with an HTML page, not JSON. */
    @Override
    public HttpResponse serverError(int status) {
        return HttpResponse.of(status, headers(UUID.randomUUID().toString(), "text/html"),
                "<html><body><h1>" + status + " Bad Gateway</h1></body></html>");
    }

    /** The document's example cut half-way, as a broken proxy would pass it on. */
    @Override
    public HttpResponse malformed() {
        return HttpResponse.of(200, headers(UUID.randomUUID().toString(), "application/json"),
                "{\"data\": [{\"taskId\": \"tsk-emeqb9c1kmdd7rns\", \"status\": \"FAILED\",");
    }
}
