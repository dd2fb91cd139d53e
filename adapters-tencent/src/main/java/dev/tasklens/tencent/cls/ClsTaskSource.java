package dev.tasklens.tencent.cls;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.ScopeKey;
import dev.tasklens.domain.SingleWindow;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Attempt;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.adapters.SourceBuilder;
import dev.tasklens.tencent.internal.ApiErrors;
import dev.tasklens.tencent.internal.TencentWire;
import dev.tasklens.adapters.EndpointPath;
import dev.tasklens.adapters.HttpTaskSource;
import dev.tasklens.adapters.JsonReplies;
import dev.tasklens.adapters.SignedRequests;
import dev.tasklens.tencent.internal.TencentKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tencent Cloud CLS shipping tasks, the legacy {@code GET /tasks} API (seed 000), as a task source.
 *
 * <ul>
 *   <li>Host: the public {@code <region>.cls.tencentcs.com} by default; the seed's
 *       {@code <region>.cls.tencentyun.com} is the intranet domain, reachable only from Tencent
 *       Cloud in the same region ({@link Builder#intranet()}); any endpoint can be set.</li>
 *   <li>The CLS HMAC-SHA1 signature; temporary credentials add {@code X-Cls-Token}.</li>
 *   <li>Scope {@code shipper_id} is required. The API takes a time window ({@code start_time},
 *       {@code end_time}) that must start within the last three days: a query without one lists
 *       the last three days; an older one is refused before any request. Times are
 *       {@code yyyy-MM-dd HH:mm:ss} in China Standard Time by default (the document names no zone;
 *       Tencent's legacy APIs use Beijing time), configurable.</li>
 *   <li>One window, one reply; the status filter is applied here. A task's creation time is its
 *       {@code start_time}. A listing without a window that is resumed later covers the last three
 *       days as of the resume, so its tasks may have moved: give {@code createdAfter}/{@code
 *       createdBefore} for a listing that resumes exactly.</li>
 *   <li>Status: {@code wait} → PENDING, {@code running} → RUNNING, {@code success} → SUCCEEDED,
 *       {@code failed} → FAILED, anything else → UNKNOWN with the raw value.</li>
 *   <li>Errors are {@code {"errorcode", "errormessage"}} with a real HTTP status: 401
 *       {@code AuthFailure.*} → authentication, 429 {@code SpeedQuotaExceed} → throttled, 500
 *       {@code InternalError} → retried; the request id comes from {@code X-Cls-Requestid}. The
 *       document's own example body (a trailing comma) is reported as a malformed reply.</li>
 * </ul>
 */
public final class ClsTaskSource extends HttpTaskSource {

    /** The default zone of the API's times. */
    public static final ZoneId CHINA_STANDARD_TIME = ZoneId.of("Asia/Shanghai");
    private static final SourceId ID = SourceId.TENCENT_CLS;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Duration KEPT = Duration.ofDays(3);
    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor.builder(ID, SingleWindow.create())
            .title("Tencent Cloud CLS shipping tasks")
            .scope(ScopeKey.required("shipper_id", "ID of the shipping rule"))
            .lookback(KEPT)
            .build();

    private final Optional<URI> endpoint;
    private final CredentialsProvider credentials;
    private final ZoneId zone;
    private final ClsSigner signer = ClsSigner.create();

    private ClsTaskSource(Builder builder, Optional<URI> endpoint, CredentialsProvider credentials, HttpTransport transport,
            Resilience resilience, Clock clock) {
        super(DESCRIPTOR, transport, resilience, clock);
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.zone = builder.zone;
    }

    /**
     * Starts a source.
     *
     * @return a builder; credentials, transport and resilience are required, and a region (or endpoint)
     *     before the first listing
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What this source is: {@code tencent.cls}, one window per request, {@code shipper_id} required,
     * three days kept, filters applied here.
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
        return endpoint.map(URI::toString).orElse("") + " " + TencentKeys.account(credentials, ID);
    }

    @Override
    public ProviderPage<Task> fetchPage(PageRequest request) {
        URI base = endpoint.orElseThrow(() -> new InvalidQueryException(ID, "no CLS region is configured: set"
                + " TENCENTCLOUD_REGION (for example ap-guangzhou), or pass --region / --endpoint"));
        Instant now = clock.instant();
        // The API needs a window; without one, the whole retention (a minute short, so that the
        // start stays inside the last three days by the time the request arrives).
        Instant from = request.query().createdFrom().orElse(now.minus(KEPT).plus(Duration.ofMinutes(1)));
        Instant to = request.query().createdTo().orElse(now);
        String shipper = request.query().scope().get("shipper_id");
        URI uri = EndpointPath.under(base, "/tasks?shipper_id=" + form(shipper)
                + "&start_time=" + form(TIME.format(from.atZone(zone)))
                + "&end_time=" + form(TIME.format(to.atZone(zone))));
        return ProviderPage.whole(resilience.run(attempt -> send(uri, attempt)));
    }

    /** HTML-form encoding, as the seed's own example writes the query ({@code 2017-10-10+00%3A00%3A00}). */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<Task> send(URI uri, Attempt attempt) {
        Credentials keys = TencentKeys.require(credentials, ID);
        Reply<TencentWire.ClsReply> exchanged = exchange(attempt, SignedRequests.sign(HttpRequest.get(uri).build(), signer,
                keys, attempt.signAt()), Optional.of("X-Cls-Requestid"), Optional.empty(), TencentWire.ClsReply.class,
                (failed, id) -> error(failed, id, keys));
        TencentWire.ClsReply reply = exchanged.body();
        HttpResponse response = exchanged.response();
        Optional<String> requestId = exchanged.requestId();
        if (reply.tasks() == null) {
            throw new MalformedResponseException(ID, "the reply has no tasks list: "
                    + JsonReplies.excerpt(response.bodyText()), requestId);
        }
        List<Task> tasks = new ArrayList<>();
        for (TencentWire.ClsTask item : reply.tasks()) {
            if (item == null || item.taskId() == null || item.taskId().isBlank()) {
                throw new MalformedResponseException(ID, "field task_id is not an id (a non-blank string or a whole"
                        + " number)", requestId);
            }
            String raw = item.status() == null ? "" : item.status();
            Task.Builder task = Task.builder(ID, item.taskId())
                    .type("shipping")
                    .status(status(raw), raw);
            time(item.startTime(), "start_time", requestId).ifPresent(start -> task.createdAt(start).startedAt(start));
            if (status(raw).isTerminal()) {
                time(item.endTime(), "end_time", requestId).ifPresent(task::finishedAt);
            }
            Optional.ofNullable(item.message()).ifPresent(task::message);
            Optional.ofNullable(item.shipperId()).ifPresent(value -> task.attribute("shipper_id", value));
            Optional.ofNullable(item.topicId()).ifPresent(value -> task.attribute("topic_id", value));
            Optional.ofNullable(item.rangeStart()).ifPresent(value -> task.attribute("range_start", value));
            Optional.ofNullable(item.rangeEnd()).ifPresent(value -> task.attribute("range_end", value));
            tasks.add(task.build());
        }
        return tasks;
    }

    private static TaskStatus status(String raw) {
        return switch (raw) {
            case "wait" -> TaskStatus.PENDING;
            case "running" -> TaskStatus.RUNNING;
            case "success" -> TaskStatus.SUCCEEDED;
            case "failed" -> TaskStatus.FAILED;
            default -> TaskStatus.UNKNOWN;
        };
    }

    private Optional<Instant> time(String value, String field, Optional<String> requestId) {
        Optional<String> text = Optional.ofNullable(value).map(String::strip).filter(time -> !time.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.get(), TIME).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(ID, field + " '" + text.get() + "' is not yyyy-MM-dd HH:mm:ss",
                    requestId, e);
        }
    }

    private TaskLensException error(HttpResponse response, Optional<String> requestId, Credentials keys) {
        String code = "HTTP" + response.status();
        String message;
        try {
            TencentWire.ClsError body = JsonReplies.read(ID, response.bodyText(), TencentWire.ClsError.class,
                    requestId);
            code = keys.redact(Optional.ofNullable(body.code()).orElse(code));
            message = keys.redact(Optional.ofNullable(body.message()).orElse(""));
        } catch (MalformedResponseException notJson) {
            message = "the reply has status " + response.status();
        }
        int status = response.status();
        if (code.equals("AuthFailure.SignatureExpire")) {
            return new AuthenticationException(ID, code, message + "; the local clock is off, check it", requestId,
                    ApiErrors.serverTime(response));
        }
        if (status == 401 || status == 403 || code.startsWith("AuthFailure")) {
            return new AuthenticationException(ID, code, message + "; check TENCENTCLOUD_SECRET_ID /"
                    + " TENCENTCLOUD_SECRET_KEY and the rights of the key on CLS", requestId);
        }
        if (status == 429 || code.equals("SpeedQuotaExceed")) {
            return new ThrottledException(ID, code, message, requestId, response.retryAfter(clock.instant()));
        }
        if (status == 400 && code.startsWith("InvalidParam")) {
            return new InvalidQueryException(ID, code + ": " + message, requestId);
        }
        if (code.equals("ShipperNotExist")) {
            return new ProviderException(ID, status, code, message + " (check the shipper_id scope)", requestId, false);
        }
        return new ProviderException(ID, status, code, message, requestId, status >= 500);
    }

    /** Configures a {@link ClsTaskSource}. */
    public static final class Builder extends SourceBuilder<Builder> {
        private String region;
        private boolean intranet;
        private ZoneId zone = CHINA_STANDARD_TIME;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the region, such as {@code ap-guangzhou}: the endpoint becomes
         * {@code https://<region>.cls.tencentcs.com} (or the intranet domain). An endpoint set
         * with {@code endpoint(...)} afterwards wins.
         *
         * @param name the CLS region
         * @return this builder
         */
        public Builder region(String name) {
            if (!name.matches("[a-z]+(-[a-z]+)+")) {
                throw new IllegalArgumentException("CLS region '" + name + "' is not a region name such as"
                        + " ap-guangzhou");
            }
            this.region = name;
            return endpoint(regionEndpoint());
        }

        /**
         * Uses the intranet domain {@code <region>.cls.tencentyun.com}, reachable only from Tencent
         * Cloud in the same region.
         *
         * @return this builder
         */
        public Builder intranet() {
            this.intranet = true;
            return region == null ? this : endpoint(regionEndpoint());
        }

        private URI regionEndpoint() {
            return URI.create("https://" + region + (intranet ? ".cls.tencentyun.com" : ".cls.tencentcs.com"));
        }


        /**
         * Sets the zone of the API's times (default China Standard Time).
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         * @throws NullPointerException naming the part that is missing
         */
        public ClsTaskSource build() {
            return new ClsTaskSource(this, endpoint(), credentials(), transport(), resilience(), clock());
        }
    }
}
