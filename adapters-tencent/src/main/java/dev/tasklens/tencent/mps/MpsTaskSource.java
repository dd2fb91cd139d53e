package dev.tasklens.tencent.mps;

import dev.tasklens.adapters.ReplyTimes;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.Partitioning;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.QueryFilter;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Attempt;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.signing.tc3.Tc3Signer;
import dev.tasklens.tencent.internal.ApiErrors;
import dev.tasklens.adapters.SourceBuilder;
import dev.tasklens.tencent.internal.TencentWire;
import dev.tasklens.adapters.HttpTaskSource;
import dev.tasklens.adapters.JsonReplies;
import dev.tasklens.adapters.SignedRequests;
import dev.tasklens.tencent.internal.TencentKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tencent Cloud MPS {@code DescribeTasks} (seed 001; API 3.0, version 2019-06-12) as a task source.
 *
 * <ul>
 *   <li>{@code POST /} with {@code X-TC-Action: DescribeTasks}, a JSON body and the TC3-HMAC-SHA256
 *       signature; {@code X-TC-Token} for temporary credentials.</li>
 *   <li>Paging: {@code ScrollToken}, an empty token ends the list; {@code Limit} 1..100, 100 by default
 *       here (the API's default is 10) to save round trips. {@code TotalCount} (the matches of the
 *       current status scan) is passed on in {@code Page.totalCount()}.</li>
 *   <li>{@code Status} is required by the provider and a listed task carries no status of its own, so
 *       the source runs one scan per wanted status and gives each task the status of the scan that
 *       found it: WAITING → PENDING, PROCESSING → RUNNING, FINISH with {@code SubTaskHasFailed=false}
 *       → SUCCEEDED, with {@code true} → FAILED (a FINISH scan without the split → FINISHED). Listing
 *       every status costs four scans; that is the fewest requests that still tell succeeded from
 *       failed. The scans are disjoint (FINISHED with SUCCEEDED is the two split scans, not a third)
 *       and are the source's partitions ({@link Partitioning#byStatus}), each cut further into
 *       slices of the creation window, which the paging engine lists at once; a listing without
 *       concurrency runs them one after another, each page from one scan. Every request takes its
 *       turn from the source's rate limiter (100 per second).</li>
 *   <li>The creation window is sent as {@code StartTime}/{@code EndTime} (ISO 8601, UTC, as the
 *       document's times are) to narrow the scan, and applied exactly on this side too, since the
 *       provider does not document whether its bounds are inclusive. Only the last 7 days (168 h) are
 *       kept: an older window is refused before any request.</li>
 *   <li>An unset time is {@code 0000-00-00T00:00:00Z} in the reply, which is not an instant: it
 *       becomes an absent time. Numbers are accepted as strings, as the document's examples send them.</li>
 *   <li>Errors come with HTTP 200 and {@code Response.Error}: {@code AuthFailure.*} → authentication
 *       ({@code SignatureExpire} triggers the clock-skew correction), {@code RequestLimitExceeded*} →
 *       throttled, {@code InternalError} → retried, {@code InvalidParameter*} → invalid query,
 *       {@code FailedOperation.InvalidMpsUser} → provider error saying to activate MPS. Every error
 *       keeps the {@code RequestId}.</li>
 * </ul>
 */
public final class MpsTaskSource extends HttpTaskSource {

    /** The public endpoint. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://mps.tencentcloudapi.com/");
    /** MPS documents 100 requests per second for {@code DescribeTasks}. */
    public static final double REQUESTS_PER_SECOND = 100;
    private static final String UNSET_TIME = "0000-00-00T00:00:00Z";
    private static final SourceId ID = SourceId.TENCENT_MPS;
    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor
            .builder(ID, Cursor.of(100, 100, "DescribeTasks Limit"))
            .title("Tencent Cloud MPS DescribeTasks")
            .lookback(Duration.ofDays(7))
            .pushesDown(QueryFilter.STATUS)
            // One status scan per partition, each over slices of the window (StartTime/EndTime, whole seconds).
            .partitionedBy(Partitioning.byStatus(MpsScan::partitions).andByWindow(Duration.ofSeconds(1)))
            .build();

    private final URI endpoint;
    private final CredentialsProvider credentials;
    private final Tc3Signer signer = Tc3Signer.forService("mps");

    private MpsTaskSource(Optional<URI> endpoint, CredentialsProvider credentials, HttpTransport transport,
            Resilience resilience, Clock clock) {
        super(DESCRIPTOR, transport, resilience, clock);
        this.endpoint = endpoint.orElse(DEFAULT_ENDPOINT);
        this.credentials = credentials;
    }

    /**
     * Starts a source.
     *
     * @return a builder; credentials, transport and resilience are required; the endpoint defaults to
     *     {@code https://mps.tencentcloudapi.com/}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What this source is: {@code tencent.mps}, scroll-token paging, 7 days kept, status pushed down.
     *
     * @return the descriptor
     */
    public static SourceDescriptor describe() {
        return DESCRIPTOR;
    }

    /** The endpoint and the SecretId listed as: a resume token of one account is refused by another. */
    @Override
    public CredentialsOrigin credentialsOrigin() {
        return CredentialsOrigin.of(credentials);
    }

    @Override
    public String tokenBinding() {
        return endpoint + " " + TencentKeys.account(credentials, ID);
    }

    @Override
    public ProviderPage<Task> fetchPage(PageRequest request) {
        List<MpsScan> scans = MpsScan.forStatuses(request.query().statuses());
        if (scans.isEmpty()) {
            return ProviderPage.last(List.of()); // UNKNOWN alone: MPS has no such status
        }
        MpsScan scan = MpsScan.single(scans, ID);
        String scrollToken = request.token().orElse("");
        Listed listed = resilience.run(attempt -> send(scan, scrollToken, request, attempt));
        ProviderPage<Task> page = listed.scrollToken.isEmpty() ? ProviderPage.last(listed.tasks)
                : ProviderPage.withNext(listed.tasks, listed.scrollToken);
        // TotalCount: the matches of this status scan.
        return listed.totalCount.isPresent() ? page.withTotalCount(listed.totalCount.get()) : page;
    }

    private record Listed(List<Task> tasks, String scrollToken, Optional<Long> totalCount) {
    }

    private Listed send(MpsScan scan, String scrollToken, PageRequest request, Attempt attempt) {
        Credentials keys = TencentKeys.require(credentials, ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", scan.status());
        body.put("Limit", request.pageSize());
        if (!scrollToken.isEmpty()) {
            body.put("ScrollToken", scrollToken);
        }
        scan.subTaskHasFailed().ifPresent(failed -> body.put("SubTaskHasFailed", failed));
        request.query().createdFrom().ifPresent(from -> body.put("StartTime",
                from.truncatedTo(ChronoUnit.SECONDS).toString()));
        request.query().createdTo().ifPresent(to -> body.put("EndTime",
                to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString()));
        byte[] json = JsonReplies.write(body).getBytes(StandardCharsets.UTF_8);

        HttpRequest unsigned = HttpRequest.post(endpoint, json)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-TC-Action", "DescribeTasks")
                .header("X-TC-Version", "2019-06-12")
                .build();
        return parse(attempt, SignedRequests.sign(unsigned, signer, keys, attempt.signAt()), scan, keys);
    }

    private Listed parse(Attempt attempt, HttpRequest signed, MpsScan scan, Credentials keys) {
        // The request id is in the body, not a header (seed 001).
        Reply<TencentWire.MpsReply> exchanged = exchange(attempt, signed, Optional.empty(), Optional.empty(),
                TencentWire.MpsReply.class, (failed, id) -> ApiErrors.ofStatus(ID, failed, id, clock.instant()));
        TencentWire.MpsReply envelope = exchanged.body();
        HttpResponse response = exchanged.response();
        TencentWire.MpsResponse reply = Optional.ofNullable(envelope.response()).orElseThrow(() ->
                new MalformedResponseException(ID, "the reply has no Response object", Optional.empty()));
        Optional<String> requestId = Optional.ofNullable(reply.requestId());
        if (reply.error() != null) {
            // A message that echoes the request must not carry the secret or token into the exception.
            throw ApiErrors.of(ID, keys.redact(Optional.ofNullable(reply.error().code()).orElse("UnknownError")),
                    keys.redact(Optional.ofNullable(reply.error().message()).orElse("")), requestId, response,
                    clock.instant());
        }
        if (reply.taskSet() == null) {
            throw new MalformedResponseException(ID, "the reply has no TaskSet list", requestId);
        }
        List<Task> tasks = new ArrayList<>();
        for (TencentWire.MpsTask item : reply.taskSet()) {
            if (item == null || item.taskId() == null || item.taskId().isBlank()) {
                throw new MalformedResponseException(ID, "field TaskId is not an id (a non-blank string or a whole"
                        + " number)", requestId);
            }
            Task.Builder task = Task.builder(ID, item.taskId())
                    .type(Optional.ofNullable(item.taskType()).filter(type -> !type.isBlank()).orElse("unknown"))
                    .status(scan.taskStatus(), scan.status());
            time(item.createTime(), "CreateTime", requestId).ifPresent(task::createdAt);
            time(item.beginProcessTime(), "BeginProcessTime", requestId).ifPresent(task::startedAt);
            time(item.finishTime(), "FinishTime", requestId).ifPresent(task::finishedAt);
            List<String> subTaskTypes = item.subTaskTypes() == null ? List.of() : item.subTaskTypes();
            if (!subTaskTypes.isEmpty()) {
                task.attribute("SubTaskTypes", String.join(",", subTaskTypes));
            }
            scan.subTaskHasFailed().ifPresent(failed -> task.attribute("SubTaskHasFailed", failed.toString()));
            requestId.ifPresent(id -> task.attribute("RequestId", id));
            tasks.add(task.build());
        }
        return new Listed(tasks, Optional.ofNullable(reply.scrollToken()).orElse(""),
                Optional.ofNullable(reply.totalCount()));
    }

    /** A time field; the unset sentinel (and blank) is absent, never an error (seed 001). */
    private static Optional<Instant> time(String value, String field, Optional<String> requestId) {
        boolean unset = value != null && value.strip().equals(UNSET_TIME);
        return unset ? Optional.empty() : ReplyTimes.iso8601(ID, field, value, requestId);
    }

    /** Configures an {@link MpsTaskSource}. */
    public static final class Builder extends SourceBuilder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         * @throws NullPointerException naming the part that is missing
         */
        public MpsTaskSource build() {
            return new MpsTaskSource(endpoint(), credentials(), transport(), resilience(), clock());
        }
    }
}
