package dev.tasklens.emulators.huawei;

import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulates Huawei Cloud MetaStudio "Listing Import and Export Tasks by Page" ({@code SearchTask},
 * seed 002): {@code GET /v2/{project_id}/ies/task} behind the Huawei gateway ({@link HuaweiGateway}),
 * {@code X-Project-Id} required with AK/SK and equal to the path's project.
 *
 * <ul>
 *   <li>Paging: the reply's {@code offset} is "No. of the query start page, starts from 0", so
 *       {@code offset} is read as a page number and {@code limit} as the page size (1..1000). A
 *       request without them (what the official SDK's {@code SearchTaskRequest} sends) is the first
 *       page of 10. {@code count} is the total.</li>
 *   <li>{@code begin_time}/{@code end_time} in the query are ms-epoch bounds on the task's
 *       {@code begin_time}; {@code resource} (repeated key) and {@code business_id} filter exactly.</li>
 *   <li>{@code begin_time} in the reply is a ms-epoch number for some tasks and a string of digits for
 *       others, as the ShowTask example and the table disagree (PROVIDERS §3.5).</li>
 *   <li>Errors: the gateway's {@code APIG.*}, and {@code MSS.000000003} (illegal parameter) with 400.</li>
 * </ul>
 */
public final class IesApi implements ApiHandler {

    private static final Pattern PATH = Pattern.compile("/v2/([^/]+)/ies/task/?");
    private static final Map<TaskStatus, String> WORDS = Map.of(TaskStatus.PENDING, "WAITING",
            TaskStatus.RUNNING, "RUNNING", TaskStatus.SUCCEEDED, "SUCCEEDED", TaskStatus.FAILED, "FAILED");

    private final Supplier<TaskCatalog> catalog;
    private final String projectId;
    private final HuaweiGateway gateway;

    /**
     * An emulator serving these tasks of one project to these keys, or to an IAM token.
     *
     * @param tasks the tasks
     * @param projectId the project they belong to
     * @param secrets the accepted AKs and their SKs
     * @param iamToken the accepted IAM token, if any
     * @param clock the gateway's clock
     */
    public IesApi(TaskCatalog tasks, String projectId, Map<String, String> secrets, Optional<String> iamToken,
            Clock clock) {
        this(() -> tasks, projectId, secrets, iamToken, clock);
    }

    /**
     * An emulator serving these tasks of one project to these keys, or to an IAM token.
     *
     * @param catalog the tasks served, read once per request (a sandbox with churn swaps them)
     * @param projectId the project they belong to
     * @param secrets the accepted AKs and their SKs
     * @param iamToken the accepted IAM token, if any
     * @param clock the gateway's clock
     */
    public IesApi(Supplier<TaskCatalog> catalog, String projectId, Map<String, String> secrets, Optional<String> iamToken,
            Clock clock) {
        this(catalog, projectId, KeyRing.of(secrets), iamToken, clock);
    }

    /**
     * An emulator serving these tasks of one project to the keys of a ring, temporary ones
     * included, or to an IAM token.
     *
     * @param catalog the tasks served, read once per request
     * @param projectId the project they belong to
     * @param keys the accepted keys, shared with the metadata service that issues temporary ones
     * @param iamToken the accepted IAM token, if any
     * @param clock the gateway's clock
     */
    public IesApi(Supplier<TaskCatalog> catalog, String projectId, KeyRing keys, Optional<String> iamToken,
            Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.projectId = projectId;
        this.gateway = new HuaweiGateway(keys, iamToken, clock);
    }

    /**
     * The word this emulator writes for a neutral status.
     *
     * @param status a neutral status
     * @return WAITING, RUNNING, SUCCEEDED or FAILED
     */
    public static String iesStatus(TaskStatus status) {
        return WORDS.get(status);
    }

    /**
     * How many of a task's items failed: the emulator's failed tasks each have one failure in
     * three items.
     *
     * @param task a task
     * @return the failure count
     */
    public static int failures(EmulatedTask task) {
        return task.status() == TaskStatus.FAILED ? 1 : 0;
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        return answer(exchange, false);
    }

    @Override
    public Optional<HttpResponse> offsetReadAsItemCount(EmulatorRequest exchange) {
        return Optional.of(answer(exchange, true));
    }

    /** The reply; {@code misread}: offset taken as an item count, against the document. */
    private HttpResponse answer(EmulatorRequest exchange, boolean misread) {
        TaskCatalog tasks = catalog.get();
        HttpRequest request = exchange.request();
        Matcher path = PATH.matcher(exchange.path());
        if (!request.method().equals("GET") || !path.matches()) {
            return gateway.error(404, "APIG.0101", "The API does not exist or has not been published");
        }
        Optional<HttpResponse> refused = gateway.refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (request.headers().firstValue("X-Auth-Token").isEmpty()
                && !request.headers().firstValue("X-Project-Id").orElse("").equals(path.group(1))) {
            return gateway.error(401, "APIG.0301", "Incorrect IAM authentication information: X-Project-Id is"
                    + " missing or is not the project of the path");
        }
        if (!path.group(1).equals(projectId)) {
            return gateway.error(403, "MSS.000000004", "illegal access: the project has no such tasks");
        }
        Map<String, List<String>> query = exchange.queryParameterLists();
        Optional<Long> offset = number(query, "offset");
        Optional<Long> limit = number(query, "limit");
        Optional<Long> begin = number(query, "begin_time");
        Optional<Long> end = number(query, "end_time");
        if (offset.filter(value -> value < 0 || value > 1_000_000).isPresent()
                || limit.filter(value -> value < 1 || value > 1_000).isPresent()
                || invalid(query, "offset") || invalid(query, "limit") || invalid(query, "begin_time")
                || invalid(query, "end_time")) {
            return gateway.error(400, "MSS.000000003", "illegal parameter: offset is a page number 0..1000000,"
                    + " limit 1..1000, begin_time and end_time ms-epoch timestamps");
        }
        int size = limit.orElse(10L).intValue();
        long page = offset.orElse(0L);
        TaskCatalog.Selection selection = tasks.select(TaskCatalog.allStatuses(),
                begin.map(Instant::ofEpochMilli), end.map(Instant::ofEpochMilli));
        List<String> resources = query.getOrDefault("resource", List.of());
        Optional<String> business = Optional.ofNullable(query.get("business_id")).map(values -> values.get(0));
        List<EmulatedTask> matching = new ArrayList<>();
        for (EmulatedTask task : selection.page(selection.start(), Integer.MAX_VALUE).tasks()) {
            if ((resources.isEmpty() || resources.contains(resource(task)))
                    && business.map(id -> id.equals(business(task))).orElse(true)) {
                matching.add(task);
            }
        }
        // The document's reading: offset is a page number. The hostile one reads it as an item count.
        long from = Math.min(matching.size(), misread ? page : page * size);
        long to = Math.min(matching.size(), from + size);
        JsonArrayBuilder data = EmulatorJson.provider().createArrayBuilder();
        for (EmulatedTask task : matching.subList((int) from, (int) to)) {
            data.add(dto(task));
        }
        String requestId = UUID.randomUUID().toString().replace("-", "");
        return HttpResponse.of(200, gateway.headers(requestId), EmulatorJson.provider().createObjectBuilder()
                .add("offset", page).add("limit", size).add("count", matching.size()).add("data", data)
                .build().toString());
    }

    private JsonObjectBuilder dto(EmulatedTask task) {
        long begin = task.createdAt().toEpochMilli();
        JsonObjectBuilder dto = EmulatorJson.provider().createObjectBuilder()
                .add("task_id", task.id())
                .add("task_name", task.name())
                .add("resource", resource(task))
                .add("task_type", "knowledge-intent-question-create")
                .add("operator", "sandbox")
                .add("user_id", "user-1")
                .add("task_status", WORDS.get(task.status()))
                .add("total_count", 3)
                .add("success_count", 3 - failures(task))
                .add("failure_count", failures(task));
        // The table says String; the ShowTask example sends a number. Both come.
        if (task.id().hashCode() % 2 == 0) {
            dto.add("begin_time", begin);
        } else {
            dto.add("begin_time", Long.toString(begin));
        }
        task.finishedAt().ifPresent(at -> dto.add("end_time", at.toEpochMilli()));
        return dto;
    }

    private static String resource(EmulatedTask task) {
        return task.type().equals("transcode") ? "question" : "intent";
    }

    private static String business(EmulatedTask task) {
        return "skill-" + (Math.abs(task.id().hashCode()) % 3);
    }

    private static boolean invalid(Map<String, List<String>> query, String name) {
        return query.containsKey(name) && !query.get(name).get(0).matches("\\d{1,13}");
    }

    private static Optional<Long> number(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || !values.get(0).matches("\\d{1,13}") ? Optional.empty()
                : Optional.of(Long.parseLong(values.get(0)));
    }

    @Override
    public HttpResponse throttled() {
        return gateway.throttled();
    }

    @Override
    public HttpResponse serverError(int status) {
        return gateway.error(status, status == 502 ? "APIG.0202" : "APIG.0203", "backend unavailable or timed out");
    }

    @Override
    public HttpResponse malformed() {
        return HttpResponse.of(200, gateway.headers("malformed"), "{\"offset\" : 0, \"limit\" : 100, \"count\" : 100");
    }
}
