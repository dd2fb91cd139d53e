package dev.tasklens.emulators.tencent;

import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Emulates MPS {@code DescribeTasks} (seed 001; API 3.0, version 2019-06-12) as strictly as the
 * API 3.0 gateway:
 *
 * <ul>
 *   <li>{@code POST /} with {@code X-TC-Action: DescribeTasks}, {@code X-TC-Version: 2019-06-12} and
 *       a TC3 signature for service {@code mps} ({@link Tc3Verifier}); errors come as HTTP 200 with
 *       {@code Response.Error}, as API 3.0 sends them.</li>
 *   <li>The body is a JSON object of the request's parameters and nothing else
 *       ({@code UnknownParameter}). {@code Status} is required: WAITING, PROCESSING or FINISH.
 *       {@code SubTaskHasFailed} (a boolean, official SDK model) splits FINISH. {@code Limit} is
 *       1..100, default 10, accepted as a number or a string, as the document's own example sends
 *       {@code "5"}. {@code StartTime}/{@code EndTime} are ISO-8601 creation times no earlier than
 *       seven days ("只能查询到最近七天（168小时）内的任务"). A value of the wrong type or out of range is
 *       {@code InvalidParameterValue}, never a dropped connection.</li>
 *   <li>Paging by {@code ScrollToken}, "下一条记录的 ID": the id of the next page's first task; an
 *       empty token ends the list. {@code TotalCount} counts all matches.</li>
 *   <li>Unset times are {@code 0000-00-00T00:00:00Z}, the document's sentinel.</li>
 * </ul>
 *
 * <p>Pages are read from a {@link TaskCatalog} without copying it, so a million tasks are served
 * as fast as a hundred.
 */
public final class MpsApi implements ApiHandler {

    /** The sentinel the API sends for a time that is not set. */
    public static final String UNSET_TIME = "0000-00-00T00:00:00Z";
    /** The service the TC3 credential scope must name. */
    public static final String SERVICE = "mps";

    private static final Set<String> PARAMETERS = Set.of("Status", "SubTaskHasFailed", "Limit", "ScrollToken",
            "StartTime", "EndTime");
    private static final Duration RETENTION = Duration.ofDays(7);

    private final Supplier<TaskCatalog> catalog;
    private final Tc3Verifier verifier;
    private final Clock clock;

    /**
     * An emulator serving these tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public MpsApi(List<EmulatedTask> tasks, Map<String, String> secrets, Clock clock) {
        this(TaskCatalog.of(tasks), secrets, clock);
    }

    /**
     * An emulator serving a catalog of tasks to these keys.
     *
     * @param tasks the tasks
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public MpsApi(TaskCatalog tasks, Map<String, String> secrets, Clock clock) {
        this(() -> tasks, secrets, clock);
    }

    /**
     * An emulator serving a catalog of tasks to these keys.
     *
     * @param catalog the tasks served, read once per request (a sandbox with churn swaps them)
     * @param secrets the accepted SecretIds and their SecretKeys
     * @param clock the server's clock
     */
    public MpsApi(Supplier<TaskCatalog> catalog, Map<String, String> secrets, Clock clock) {
        this(catalog, KeyRing.of(secrets), clock);
    }

    /**
     * An emulator serving a catalog of tasks to the keys of a ring, temporary ones included.
     *
     * @param catalog the tasks served, read once per request
     * @param keys the accepted keys, shared with the credential services that issue temporary ones
     * @param clock the server's clock
     */
    public MpsApi(Supplier<TaskCatalog> catalog, KeyRing keys, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.verifier = new Tc3Verifier(SERVICE, keys, clock);
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
        try {
            return describe(TencentReplies.parameters(request), exchange);
        } catch (TencentReplies.Refused refused) {
            return TencentReplies.error(refused.code(), refused.getMessage(), clock);
        }
    }

    private HttpResponse describe(JsonObject body, EmulatorRequest exchange) {
        TaskCatalog tasks = catalog.get();
        for (String name : body.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new TencentReplies.Refused("UnknownParameter", "the parameter `" + name
                        + "` is not defined for DescribeTasks");
            }
        }
        String status = text(body, "Status").orElseThrow(() -> new TencentReplies.Refused("MissingParameter",
                "the parameter `Status` is required"));
        Optional<Boolean> failedSubTask = flag(body, "SubTaskHasFailed");
        Set<TaskStatus> statuses = switch (status) {
            case "WAITING" -> EnumSet.of(TaskStatus.PENDING);
            case "PROCESSING" -> EnumSet.of(TaskStatus.RUNNING);
            case "FINISH" -> failedSubTask.map(failed -> EnumSet.of(failed ? TaskStatus.FAILED : TaskStatus.SUCCEEDED))
                    .orElse(EnumSet.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED));
            default -> throw new TencentReplies.Refused("InvalidParameterValue.Status",
                    "Status must be WAITING, PROCESSING or FINISH, got " + TencentReplies.quote(status));
        };
        long limit = TencentReplies.integer(body, "Limit").orElse(10L);
        if (limit < 1 || limit > 100) {
            throw new TencentReplies.Refused("InvalidParameterValue.Limit", "Limit must be 1..100, got " + limit);
        }
        Optional<Instant> start = time(body, "StartTime");
        Optional<Instant> end = time(body, "EndTime");
        if (start.isPresent() && start.get().isBefore(clock.instant().minus(RETENTION))) {
            throw new TencentReplies.Refused("InvalidParameter.StartTime", "only the last 7 days can be queried");
        }
        TaskCatalog.Selection matching = tasks.select(statuses, start, end);
        String scrollToken = text(body, "ScrollToken").orElse("");
        int from = matching.start();
        if (!scrollToken.isEmpty()) {
            OptionalInt position = tasks.indexOf(scrollToken);
            if (position.isEmpty() || !matching.contains(position.getAsInt())) {
                throw new TencentReplies.Refused("InvalidParameterValue.ScrollToken", "the ScrollToken is not valid");
            }
            from = position.getAsInt();
        }
        TaskCatalog.Slice page = matching.page(from, (int) limit);
        JsonArrayBuilder set = EmulatorJson.provider().createArrayBuilder();
        for (EmulatedTask task : page.tasks()) {
            set.add(taskJson(task));
        }
        String next = page.next().isPresent() ? tasks.get(page.next().getAsInt()).id() : "";
        if (exchange.hasFault(Fault.RepeatedCursor.class) && !scrollToken.isEmpty()) {
            next = scrollToken;
        }
        return TencentReplies.ok(EmulatorJson.provider().createObjectBuilder()
                .add("TotalCount", matching.count())
                .add("TaskSet", set)
                .add("ScrollToken", next)
                .build(), clock);
    }

    @Override
    public Optional<HttpResponse> pageWithFreshToken(EmulatorRequest request, String freshToken,
            List<EmulatedTask> listed) {
        TaskCatalog tasks = catalog.get();
        JsonArrayBuilder set = EmulatorJson.provider().createArrayBuilder();
        listed.forEach(task -> set.add(taskJson(task)));
        return Optional.of(TencentReplies.ok(EmulatorJson.provider().createObjectBuilder().add("TotalCount", tasks.size())
                .add("TaskSet", set).add("ScrollToken", freshToken).build(), clock));
    }

    @Override
    public List<EmulatedTask> catalogue() {
        TaskCatalog tasks = catalog.get();
        return tasks.toList();
    }

    private static JsonObjectBuilder taskJson(EmulatedTask task) {
        return EmulatorJson.provider().createObjectBuilder()
                .add("TaskId", task.id())
                .add("TaskType", "WorkflowTask")
                .add("SubTaskTypes", EmulatorJson.provider().createArrayBuilder().add("action-trans"))
                .add("CreateTime", iso(task.createdAt()))
                .add("BeginProcessTime", task.startedAt().map(MpsApi::iso).orElse(UNSET_TIME))
                .add("FinishTime", task.finishedAt().map(MpsApi::iso).orElse(UNSET_TIME));
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
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Optional<String> text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new TencentReplies.Refused("InvalidParameterValue", "the parameter `" + name + "` must be a String");
    }

    private static Optional<Boolean> flag(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw new TencentReplies.Refused("InvalidParameterValue", "the parameter `" + name + "` must be a Boolean");
    }

    private static Optional<Instant> time(JsonObject body, String name) {
        Optional<String> text = text(body, name);
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new TencentReplies.Refused("InvalidParameter." + name, "the parameter `" + name
                    + "` must be an ISO 8601 time such as 2018-12-27T13:57:15Z");
        }
    }
}
