package dev.tasklens.huawei.ies;

import dev.tasklens.adapters.QueryString;
import dev.tasklens.adapters.EndpointPath;
import dev.tasklens.adapters.HttpTaskSource;
import dev.tasklens.adapters.SignedRequests;
import dev.tasklens.adapters.SourceBuilder;
import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.Partitioning;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.ScopeKey;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.huawei.internal.HuaweiErrors;
import dev.tasklens.huawei.internal.IesWire;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Attempt;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.signing.huawei.HuaweiSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Huawei Cloud MetaStudio "Listing Import and Export Tasks by Page" ({@code SearchTask}, seed 002)
 * as a task source.
 *
 * <ul>
 *   <li>{@code GET https://metastudio.{region}.myhuaweicloud.com/v2/{project_id}/ies/task}, region
 *       {@code cn-north-4} by default; {@code project_id} is a scope, defaulting to the settings'
 *       project ({@code HUAWEICLOUD_SDK_PROJECT_ID}).</li>
 *   <li>AK/SK ({@code SDK-HMAC-SHA256}) with {@code X-Project-Id} sent and signed ("mandatory for
 *       AK/SK authentication") and {@code X-Security-Token} for temporary keys; or an IAM token in
 *       {@code X-Auth-Token}.</li>
 *   <li>Paging: {@code offset} and {@code limit}, read as {@link IesOffset} says (a page number), with
 *       {@code count} the total; every reply is checked against that reading.</li>
 *   <li>Scope {@code resource} (several as a comma list, sent as a repeated key) and
 *       {@code business_id}; the creation window is sent as {@code begin_time}/{@code end_time} in ms
 *       epoch and applied exactly here too.</li>
 *   <li>{@code task_status} kept raw ({@link IesStatus}); counts become attributes; a finished task
 *       with {@code failure_count > 0} is FAILED with a message saying how many of how many failed.
 *       Errors as {@link HuaweiErrors} maps them.</li>
 * </ul>
 */
public final class IesTaskSource extends HttpTaskSource {

    /** The region unless one is set. */
    public static final String DEFAULT_REGION = "cn-north-4";
    private static final SourceId ID = SourceId.HUAWEI_IES;
    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor
            .builder(ID, OffsetLimit.of(100, 1000, "limit"))
            .title("Huawei Cloud MetaStudio import/export tasks")
            .scope(ScopeKey.optional("project_id", "IAM project; default HUAWEICLOUD_SDK_PROJECT_ID"))
            .scope(ScopeKey.optional("resource", "resource types, comma-separated"))
            .scope(ScopeKey.optional("business_id", "service ID, such as a skill_id"))
            // Slices of a given window (begin_time/end_time, epoch milliseconds); an open window stays whole.
            .partitionedBy(Partitioning.byWindow(Duration.ofMillis(1)))
            .build();
    private static final String CREDENTIAL_HINT = "check HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (and"
            + " HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys) or HUAWEICLOUD_SDK_IAM_TOKEN; after 5 failures"
            + " the gateway locks the AK for 5 minutes";

    private final URI endpoint;
    private final CredentialsProvider credentials;
    private final Optional<String> iamToken;
    private final Optional<String> projectId;
    private final HuaweiSigner signer = HuaweiSigner.create();

    private IesTaskSource(URI endpoint, CredentialsProvider credentials, Builder builder, HttpTransport transport,
            Resilience resilience, Clock clock) {
        super(DESCRIPTOR, transport, resilience, clock);
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.iamToken = builder.iamToken;
        this.projectId = builder.projectId;
    }

    /**
     * Starts a source.
     *
     * @return a builder; credentials (or an IAM token), transport and resilience are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What this source is: {@code huawei.ies}, offset/limit paging with a count.
     *
     * @return the descriptor
     */
    public static SourceDescriptor describe() {
        return DESCRIPTOR;
    }

    /** The endpoint and the AK (or the token's use) listed as. */
    @Override
    public CredentialsOrigin credentialsOrigin() {
        return credentials.credentials().isEmpty() && iamToken.isPresent()
                ? new CredentialsOrigin(true, "env (IAM token)") : CredentialsOrigin.of(credentials);
    }

    @Override
    public String tokenBinding() {
        return endpoint + " " + credentials.account().orElse("iam-token");
    }

    @Override
    public ProviderPage<Task> fetchPage(PageRequest request) {
        String project = Optional.ofNullable(request.query().scope().get("project_id")).or(() -> projectId)
                .orElseThrow(() -> new InvalidQueryException(ID, "no project_id: pass the scope project_id or set"
                        + " HUAWEICLOUD_SDK_PROJECT_ID to the IAM project of the region"));
        if (!project.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidQueryException(ID, "project_id '" + project + "' is not a project id (letters, digits,"
                    + " _ and -)");
        }
        long itemOffset = request.position() instanceof PagePosition.Offset at ? at.value() : 0L;
        long page = IesOffset.page(itemOffset, request.pageSize());
        return resilience.run(attempt -> send(project, page, request, attempt));
    }

    private ProviderPage<Task> send(String project, long page, PageRequest request, Attempt attempt) {
        QueryString query = QueryString.create().add("offset", page).add("limit", request.pageSize());
        Optional.ofNullable(request.query().scope().get("resource")).ifPresent(resources -> {
            for (String resource : resources.split(",")) {
                query.add("resource", resource.trim());
            }
        });
        Optional.ofNullable(request.query().scope().get("business_id")).ifPresent(id -> query.add("business_id", id));
        request.query().createdFrom().ifPresent(from -> query.add("begin_time", from.toEpochMilli()));
        request.query().createdTo().ifPresent(to -> query.add("end_time", to.toEpochMilli()));
        String requestId = UUID.randomUUID().toString().replace("-", "");
        HttpRequest.Builder unsigned = HttpRequest.get(EndpointPath.under(endpoint, "/v2/" + project + "/ies/task?" + query))
                .header("X-Request-Id", requestId);
        Optional<Credentials> keys = credentials.credentials();
        HttpRequest signed;
        if (keys.isPresent()) {
            signed = SignedRequests.sign(unsigned.header("X-Project-Id", project).build(), signer, keys.get(), attempt.signAt());
        } else if (iamToken.isPresent()) {
            signed = unsigned.header("X-Auth-Token", iamToken.get()).build();
        } else {
            throw new AuthenticationException(ID, "CredentialsMissing", "no Huawei Cloud credentials ("
                    + credentials.origin() + "); set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ak and sk"
                    + " under [basic] in ~/.huaweicloud/credentials, or set HUAWEICLOUD_SDK_IAM_TOKEN",
                    Optional.empty());
        }
        Reply<IesWire.Page> reply = exchange(attempt, signed, Optional.of("X-Request-Id"), Optional.of(requestId),
                IesWire.Page.class, (response, id) -> HuaweiErrors.of(ID, response, id, text -> redact(text, keys),
                        CREDENTIAL_HINT, clock.instant()));
        IesWire.Page body = reply.body();
        Optional<String> replyId = reply.requestId();
        if (body.data() == null || body.count() == null) {
            throw new MalformedResponseException(ID, "the reply has no " + (body.data() == null ? "data list"
                    : "count"), replyId);
        }
        IesOffset.check(page, request.pageSize(), Optional.ofNullable(body.offset()), Optional.ofNullable(body.limit()),
                body.count(), body.data().size(), replyId);
        List<Task> tasks = new ArrayList<>();
        for (IesWire.Task dto : body.data()) {
            tasks.add(task(dto, replyId));
        }
        return ProviderPage.counted(tasks, body.count());
    }

    private String redact(String text, Optional<Credentials> keys) {
        String safe = keys.map(key -> key.redact(text)).orElse(text);
        return iamToken.filter(token -> token.length() >= 4).map(token -> safe.replace(token, "***")).orElse(safe);
    }

    private static Task task(IesWire.Task dto, Optional<String> requestId) {
        if (dto == null || dto.taskId() == null || dto.taskId().isBlank()) {
            throw new MalformedResponseException(ID, "a task in the reply has no task_id", requestId);
        }
        String raw = dto.taskStatus() == null ? "" : dto.taskStatus();
        TaskStatus status = IesStatus.of(raw);
        long failures = dto.failureCount() == null ? 0 : dto.failureCount();
        long total = dto.totalCount() == null ? 0 : dto.totalCount();
        Task.Builder task = Task.builder(ID, dto.taskId())
                .type(dto.taskType() == null || dto.taskType().isBlank() ? "unknown" : dto.taskType());
        if (status == TaskStatus.SUCCEEDED && failures > 0) {
            // The same rule as MPS's SubTaskHasFailed: finished, with failed items, is failed.
            task.status(TaskStatus.FAILED, raw).message(failures + " of " + total + " items failed");
        } else {
            task.status(status, raw);
        }
        Optional.ofNullable(dto.taskName()).filter(name -> !name.isBlank()).ifPresent(task::name);
        Optional.ofNullable(dto.beginTime()).map(Instant::ofEpochMilli).ifPresent(begin -> {
            task.createdAt(begin);
            task.startedAt(begin);
        });
        Optional.ofNullable(dto.endTime()).map(Instant::ofEpochMilli).ifPresent(task::finishedAt);
        Optional.ofNullable(dto.totalCount()).ifPresent(value -> task.attribute("total_count", value.toString()));
        Optional.ofNullable(dto.successCount()).ifPresent(value -> task.attribute("success_count", value.toString()));
        Optional.ofNullable(dto.failureCount()).ifPresent(value -> task.attribute("failure_count", value.toString()));
        Optional.ofNullable(dto.resource()).ifPresent(value -> task.attribute("resource", value));
        Optional.ofNullable(dto.operator()).ifPresent(value -> task.attribute("operator", value));
        requestId.ifPresent(id -> task.attribute("requestId", id));
        return task.build();
    }

    /** Configures an {@link IesTaskSource}. */
    public static final class Builder extends SourceBuilder<Builder> {
        private Optional<String> region = Optional.empty();
        private Optional<String> iamToken = Optional.empty();
        private Optional<String> projectId = Optional.empty();

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The region, such as {@code cn-north-4}: the endpoint becomes
         * {@code https://metastudio.{region}.myhuaweicloud.com/}. An endpoint set with
         * {@code endpoint(...)} wins.
         *
         * @param name the region
         * @return this builder
         * @throws IllegalArgumentException if the name is not a region name
         */
        public Builder region(String name) {
            Objects.requireNonNull(name, "region");
            if (!name.matches("[a-z]{2}(-[a-z0-9]+){1,3}")) {
                throw new IllegalArgumentException("Huawei region '" + name + "' is not a region name such as"
                        + " cn-north-4");
            }
            this.region = Optional.of(name);
            return this;
        }

        /**
         * An IAM user token ({@code X-Auth-Token}), used when no AK/SK is given.
         *
         * @param token the token
         * @return this builder
         */
        public Builder iamToken(String token) {
            this.iamToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * The project listed when a query names no {@code project_id} scope.
         *
         * @param id the IAM project id
         * @return this builder
         */
        public Builder projectId(String id) {
            this.projectId = Optional.of(Objects.requireNonNull(id, "projectId"));
            return this;
        }


        /**
         * Builds the source.
         *
         * @return the source
         * @throws NullPointerException naming the part that is missing
         */
        public IesTaskSource build() {
            URI chosen = endpoint().orElseGet(() -> URI.create("https://metastudio." + region.orElse(DEFAULT_REGION)
                    + ".myhuaweicloud.com/"));
            return new IesTaskSource(chosen, credentials(), this, transport(), resilience(), clock());
        }
    }
}
