package dev.tasklens.emulators.tencent;

import dev.tasklens.domain.TaskStatus;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.faults.Fault;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Emulates MPS {@code DescribeTasks} (seed 001; API 3.0, version 2019-06-12):
 *
 * <ul>
 *   <li>{@code POST /} with {@code X-TC-Action: DescribeTasks}, {@code X-TC-Version: 2019-06-12},
 *       TC3 signature verified ({@code AuthFailure.*} on failure, HTTP 200 as API 3.0 does).</li>
 *   <li>{@code Status} is required (WAITING, PROCESSING, FINISH); {@code SubTaskHasFailed} splits
 *       FINISH; {@code Limit} 1..100, default 10, accepted as a number or a string as the
 *       document's own example sends it ({@code InvalidParameterValue.Limit} otherwise);
 *       {@code StartTime}/{@code EndTime} ISO-8601 on the creation time, no earlier than 7 days
 *       ({@code InvalidParameter.StartTime}).</li>
 *   <li>Paging by {@code ScrollToken}, the id of the next page's first task; an empty token ends
 *       the list. {@code TotalCount} counts all matches.</li>
 *   <li>Unset times are {@code 0000-00-00T00:00:00Z}, the document's sentinel.</li>
 * </ul>
 */
public final class MpsApi implements ApiHandler {

    /** The sentinel the API sends for a time that is not set. */
    public static final String UNSET_TIME = "0000-00-00T00:00:00Z";

    private final List<EmulatedTask> tasks;
    private final Tc3Verifier verifier;
    private final Clock clock;

    /**
     * An emulator serving these tasks to these keys.
     *
     * @param tasks the tasks, newest first
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public MpsApi(List<EmulatedTask> tasks, Map<String, String> secrets, Clock clock) {
        this.tasks = List.copyOf(tasks);
        this.verifier = new Tc3Verifier(secrets, clock);
        this.clock = clock;
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        HttpRequest request = exchange.request();
        if (!request.method().equals("POST")) {
            return TencentReplies.error("UnsupportedProtocol", "DescribeTasks is called with POST", clock);
        }
        if (!request.headers().firstValue("X-TC-Action").orElse("").equals("DescribeTasks")) {
            return TencentReplies.error("InvalidAction", "this emulator serves DescribeTasks only", clock);
        }
        if (!request.headers().firstValue("X-TC-Version").orElse("").equals("2019-06-12")) {
            return TencentReplies.error("NoSuchVersion", "DescribeTasks is version 2019-06-12", clock);
        }
        Optional<Tc3Verifier.Refusal> refusal = verifier.verify(request);
        if (refusal.isPresent()) {
            return TencentReplies.error(refusal.get().code(), refusal.get().message(), clock);
        }
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(new String(request.body(), StandardCharsets.UTF_8))).readObject();
        } catch (JsonException | IllegalStateException e) {
            return TencentReplies.error("InvalidParameter", "the body is not a JSON object", clock);
        }
        String status = string(body, "Status").orElse("");
        if (!List.of("WAITING", "PROCESSING", "FINISH").contains(status)) {
            return TencentReplies.error("InvalidParameterValue.Status",
                    "Status must be WAITING, PROCESSING or FINISH", clock);
        }
        Optional<Long> limit = number(body, "Limit");
        if (body.containsKey("Limit") && (limit.isEmpty() || limit.get() < 1 || limit.get() > 100)) {
            return TencentReplies.error("InvalidParameterValue.Limit", "Limit must be 1..100", clock);
        }
        Optional<Instant> start;
        Optional<Instant> end;
        try {
            start = string(body, "StartTime").map(Instant::parse);
            end = string(body, "EndTime").map(Instant::parse);
        } catch (DateTimeParseException e) {
            return TencentReplies.error("InvalidParameter.StartTime", "StartTime and EndTime are ISO 8601 times", clock);
        }
        if (start.isPresent() && start.get().isBefore(clock.instant().minus(Duration.ofDays(7)))) {
            return TencentReplies.error("InvalidParameter.StartTime", "only the last 7 days can be queried", clock);
        }
        Optional<Boolean> failedSubTask = body.containsKey("SubTaskHasFailed")
                ? Optional.of(body.getBoolean("SubTaskHasFailed")) : Optional.empty();

        List<EmulatedTask> matching = tasks.stream()
                .filter(task -> status.equals(mpsStatus(task.status())))
                .filter(task -> failedSubTask.isEmpty() || failedSubTask.get() == (task.status() == TaskStatus.FAILED))
                .filter(task -> start.map(s -> !task.createdAt().isBefore(s)).orElse(true))
                .filter(task -> end.map(e -> !task.createdAt().isAfter(e)).orElse(true))
                .collect(Collectors.toList());
        String scrollToken = string(body, "ScrollToken").orElse("");
        int from = 0;
        if (!scrollToken.isEmpty()) {
            from = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(scrollToken)) {
                    from = i;
                }
            }
            if (from < 0) {
                return TencentReplies.error("InvalidParameterValue.ScrollToken", "the ScrollToken is not valid", clock);
            }
        }
        int to = Math.min(matching.size(), from + limit.orElse(10L).intValue());
        JsonArrayBuilder set = Json.createArrayBuilder();
        for (EmulatedTask task : matching.subList(from, to)) {
            set.add(Json.createObjectBuilder()
                    .add("TaskId", task.id())
                    .add("TaskType", "WorkflowTask")
                    .add("SubTaskTypes", Json.createArrayBuilder().add("action-trans"))
                    .add("CreateTime", iso(task.createdAt()))
                    .add("BeginProcessTime", task.startedAt().map(MpsApi::iso).orElse(UNSET_TIME))
                    .add("FinishTime", task.finishedAt().map(MpsApi::iso).orElse(UNSET_TIME)));
        }
        String next = to < matching.size() ? matching.get(to).id() : "";
        if (exchange.hasFault(Fault.RepeatedCursor.class) && !scrollToken.isEmpty()) {
            next = scrollToken;
        }
        return TencentReplies.ok(Json.createObjectBuilder()
                .add("TotalCount", matching.size())
                .add("TaskSet", set)
                .add("ScrollToken", next)
                .build(), clock);
    }

    @Override
    public HttpResponse throttled() {
        return TencentReplies.error("RequestLimitExceeded", "the request rate exceeds the limit", clock);
    }

    /**
     * The MPS status of a neutral one.
     *
     * @param status a neutral status
     * @return WAITING, PROCESSING or FINISH
     */
    public static String mpsStatus(TaskStatus status) {
        return switch (status) {
            case PENDING -> "WAITING";
            case RUNNING -> "PROCESSING";
            default -> "FINISH";
        };
    }

    /** Whole seconds, UTC, as the API writes times ({@code 2018-12-27T13:57:15Z}). */
    private static String iso(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static Optional<String> string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        return value instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    /** A number, also when sent as a string ("5"), as the document's own example does. */
    private static Optional<Long> number(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value instanceof JsonNumber number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof JsonString text && text.getString().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(text.getString()));
        }
        return Optional.empty();
    }
}
