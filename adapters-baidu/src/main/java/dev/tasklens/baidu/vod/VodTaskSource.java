package dev.tasklens.baidu.vod;

import dev.tasklens.adapters.ReplyTimes;
import dev.tasklens.adapters.QueryString;
import dev.tasklens.adapters.EndpointPath;
import dev.tasklens.adapters.HttpTaskSource;
import dev.tasklens.adapters.JsonReplies;
import dev.tasklens.baidu.internal.VodWire;
import dev.tasklens.adapters.SignedRequests;
import dev.tasklens.adapters.SourceBuilder;
import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.Marker;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.Partitioning;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.QueryFilter;
import dev.tasklens.domain.ScopeKey;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Attempt;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.signing.bce.BceSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Baidu AI Cloud VOD {@code GET /v2/tasks} (seed 004) as a task source.
 *
 * <ul>
 *   <li>Host {@code vod.{region}.baidubce.com}, {@code vod.bj.baidubce.com} by default, over HTTPS
 *       (the official SDK's default is plain HTTP). bce-auth-v1 signature over {@code host;x-bce-date},
 *       listed as Baidu's example lists it, signed again on every attempt; a fresh {@code x-bce-request-id} on every request, kept in every error;
 *       {@code x-bce-security-token} for STS credentials.</li>
 *   <li>Paging by marker: {@code marker} ← {@code nextMarker} while {@code isTruncated} is true;
 *       {@code maxSize} (1..100) is always sent, since without it and a marker the API returns only
 *       the first 10 ("当这2个值都缺省时,本接口最多只返回前10条查询结果"). {@code isTruncated: false} ends
 *       the list whatever {@code nextMarker} says (the document's own example sends both);
 *       {@code isTruncated: true} without a {@code nextMarker}, or with one already given, is a
 *       malformed reply, never a loop. A reply without {@code isTruncated} or {@code data} is
 *       malformed too: the official SDK never binds {@code isTruncated} and silently stops after
 *       one page (PROVIDERS §5.9).</li>
 *   <li>{@code status} takes one value per request, and the document confirms no full list of
 *       its words, so each word of each wanted status is a partition of its own ({@link VodStatus},
 *       {@link dev.tasklens.domain.Partition#term()}); the creation window is sent as {@code beginTime}/{@code endTime}
 *       (UTC ISO 8601) and applied exactly here as well. Only the last 7×24 h exist: an older window
 *       is refused before any request. Scope {@code taskId}, {@code mediaId} and {@code type}
 *       ({@code WORKFLOW}/{@code PRESET}, 2025 document) are sent as they are.</li>
 *   <li>Errors are {@code {code, message, requestId}} with the real HTTP status; a gateway's 502
 *       may have no JSON body. {@code SignatureDoesNotMatch}, {@code AccessDenied},
 *       {@code InvalidAccessKeyId} → authentication, not retried; {@code RequestExpired} → one
 *       clock-skew correction from the reply's {@code Date}, signed again; 429 and any
 *       {@code *RateLimit*}/{@code *Throttl*} code → throttled; 500/502/503 → retried;
 *       {@code InvalidURI}/{@code InvalidHTTPRequest} → invalid query.</li>
 * </ul>
 */
public final class VodTaskSource extends HttpTaskSource {

    /** The Beijing region's endpoint, the document's. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://vod.bj.baidubce.com/");
    private static final SourceId ID = SourceId.BAIDU_VOD;
    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor
            .builder(ID, Marker.of(100, 100, "maxSize"))
            .title("Baidu AI Cloud VOD task list")
            .scope(ScopeKey.optional("taskId", "one task's id"))
            .scope(ScopeKey.optional("mediaId", "the tasks of one media"))
            .scope(ScopeKey.oneOf("type", "the kind of task, as the 2025-04-11 document lists it", "WORKFLOW", "PRESET"))
            .lookback(Duration.ofDays(7))
            .pushesDown(QueryFilter.STATUS)
            // One partition per status word (VodStatus), each over slices of the window (beginTime/endTime, seconds).
            .partitionedBy(Partitioning.byStatus(VodStatus::partitions).eachBy(VodStatus::terms)
                    .andByWindow(Duration.ofSeconds(1)))
            .build();

    private final URI endpoint;
    private final CredentialsProvider credentials;
    /**
     * Signs {@code host;x-bce-date} (and the STS {@code x-bce-security-token}) and lists them, as
     * Baidu's own example does: with the empty list
     * (the SDK's default) the gateway signs every default header it receives, and an HTTP client
     * that adds {@code Content-Length: 0} to a GET (the JDK's does) would no longer match.
     */
    private final BceSigner signer = BceSigner.create()
            .listingSignedHeaders(Set.of("host", "x-bce-date", "x-bce-security-token"));

    private VodTaskSource(URI endpoint, CredentialsProvider credentials, HttpTransport transport,
            Resilience resilience, Clock clock) {
        super(DESCRIPTOR, transport, resilience, clock);
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /**
     * Starts a source.
     *
     * @return a builder; credentials, transport and resilience are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What this source is: {@code baidu.vod}, marker paging, 7 days kept, status pushed down.
     *
     * @return the descriptor
     */
    public static SourceDescriptor describe() {
        return DESCRIPTOR;
    }

    /** The endpoint and the access key id listed as: a resume token of one account is refused by another. */
    @Override
    public CredentialsOrigin credentialsOrigin() {
        return CredentialsOrigin.of(credentials);
    }

    @Override
    public String tokenBinding() {
        return endpoint + " " + keys().id();
    }

    @Override
    public ProviderPage<Task> fetchPage(PageRequest request) {
        // A partition is one status word (its term), or one scan without a status for every status.
        List<String> words = request.term().map(List::of).orElseGet(() -> VodStatus.scans(request.query().statuses()));
        if (words.isEmpty()) {
            return ProviderPage.last(List.of()); // no word for the statuses asked (UNKNOWN alone)
        }
        if (words.size() > 1) {
            throw new InvalidQueryException(ID, "a page request names " + words.size() + " status words " + words
                    + ", but /v2/tasks takes one status per request; list through SourceListing (or TaskLens),"
                    + " which asks for one word at a time");
        }
        String status = words.get(0);
        if (!status.isEmpty() && !VodStatus.isWord(status)) {
            throw new InvalidQueryException(ID, "'" + status + "' is not a status word this source asks for; resume"
                    + " with the token tasklens printed for this query");
        }
        String marker = request.token().orElse("");
        Listed listed = resilience.run(attempt -> send(status, marker, request, attempt));
        return ProviderPage.marked(listed.tasks, listed.nextMarker.isPresent(), listed.nextMarker);
    }

    /** One page of one status word: its tasks, and the marker of its next page unless it ended. */
    private record Listed(List<Task> tasks, Optional<String> nextMarker) {
    }

    private Credentials keys() {
        return credentials.credentials().orElseThrow(() -> new AuthenticationException(ID, "CredentialsMissing",
                "no Baidu AI Cloud credentials; set BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY (and"
                        + " BCE_SESSION_TOKEN for STS credentials)", Optional.empty()));
    }

    private Listed send(String status, String marker, PageRequest request, Attempt attempt) {
        Credentials keys = keys();
        QueryString query = QueryString.create().add("maxSize", request.pageSize());
        if (!marker.isEmpty()) {
            query.add("marker", marker);
        }
        if (!status.isEmpty()) {
            query.add("status", status);
        }
        // The window is narrowed here and applied exactly by the listing (bounds are whole seconds).
        request.query().createdFrom().ifPresent(from -> query.add("beginTime", from.truncatedTo(ChronoUnit.SECONDS)));
        request.query().createdTo().ifPresent(to -> query.add("endTime",
                to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
        for (String name : List.of("taskId", "mediaId", "type")) {
            Optional.ofNullable(request.query().scope().get(name)).ifPresent(value -> query.add(name, value));
        }
        String requestId = UUID.randomUUID().toString();
        HttpRequest unsigned = HttpRequest.get(EndpointPath.under(endpoint, "/v2/tasks?" + query))
                .header("Content-Type", "application/json")
                .header("x-bce-request-id", requestId)
                .build();
        Reply<VodWire.TaskList> reply = exchange(attempt, SignedRequests.sign(unsigned, signer, keys, attempt.signAt()),
                Optional.of("x-bce-request-id"), Optional.of(requestId), VodWire.TaskList.class,
                (response, id) -> error(response, id, keys));
        VodWire.TaskList list = reply.body();
        Optional<String> replyId = reply.requestId();
        if (list.truncated() == null) {
            throw new MalformedResponseException(ID, "the reply has no isTruncated, so whether more pages follow is"
                    + " unknown", replyId);
        }
        if (list.data() == null) {
            throw new MalformedResponseException(ID, "the reply has no data list", replyId);
        }
        List<Task> tasks = new ArrayList<>();
        for (VodWire.TaskInfo info : list.data()) {
            tasks.add(task(info, replyId));
        }
        Optional<String> nextMarker = Optional.ofNullable(list.nextMarker()).filter(text -> !text.isEmpty());
        if (list.truncated() && nextMarker.isEmpty()) {
            throw new MalformedResponseException(ID, "the reply says more pages follow (isTruncated true) but names"
                    + " no nextMarker; the listing cannot continue without losing tasks", replyId);
        }
        return new Listed(tasks, list.truncated() ? nextMarker : Optional.empty());
    }

    private static Task task(VodWire.TaskInfo info, Optional<String> requestId) {
        if (info == null || info.taskId() == null || info.taskId().isBlank()) {
            throw new MalformedResponseException(ID, "a task in the reply has no taskId", requestId);
        }
        String raw = info.status() == null ? "" : info.status();
        Task.Builder task = Task.builder(ID, info.taskId())
                .type(info.type() == null || info.type().isBlank() ? "unknown" : info.type())
                .status(VodStatus.of(raw), raw);
        ReplyTimes.iso8601(ID, "createTime", info.createTime(), requestId).ifPresent(task::createdAt);
        ReplyTimes.iso8601(ID, "finishTime", info.finishTime(), requestId).ifPresent(task::finishedAt);
        if (info.mediaId() != null && !info.mediaId().isBlank()) {
            task.attribute("mediaId", info.mediaId());
        }
        if (info.type() != null && !info.type().isBlank()) {
            task.attribute("type", info.type());
        }
        requestId.ifPresent(id -> task.attribute("requestId", id));
        return task.build();
    }

    private TaskLensException error(HttpResponse response, Optional<String> requestId, Credentials keys) {
        int status = response.status();
        String code = "HTTP" + status;
        String message = "the reply has status " + status;
        Optional<String> id = requestId;
        try {
            VodWire.Error body = JsonReplies.read(ID, response.bodyText(), VodWire.Error.class, requestId);
            code = body.code() == null ? code : keys.redact(body.code());
            message = body.message() == null ? message : keys.redact(body.message());
            id = Optional.ofNullable(body.requestId()).or(() -> requestId);
        } catch (MalformedResponseException notJson) {
            // A gateway's 502 may carry an HTML page: the status says enough.
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (code.equals("RequestExpired")) {
            return new AuthenticationException(ID, code, message + "; the local clock is off, check it", id,
                    response.date());
        }
        if (code.equals("SignatureDoesNotMatch") || code.equals("AccessDenied") || code.equals("InvalidAccessKeyId")
                || status == 401 || status == 403) {
            return new AuthenticationException(ID, code, message + "; check BCE_ACCESS_KEY_ID /"
                    + " BCE_SECRET_ACCESS_KEY (and BCE_SESSION_TOKEN for STS credentials)", id);
        }
        if (status == 429 || lower.contains("ratelimit") || lower.contains("throttl")) {
            return new ThrottledException(ID, code, message, id, response.retryAfter(clock.instant()));
        }
        if (code.equals("InvalidURI") || code.equals("InvalidHTTPRequest")) {
            return new InvalidQueryException(ID, code + ": " + message + "; the query was refused by the provider",
                    id);
        }
        return new ProviderException(ID, status, code, message, id, status == 500 || status == 502 || status == 503
                || status == 504);
    }

    /** Configures a {@link VodTaskSource}. */
    public static final class Builder extends SourceBuilder<Builder> {
        private Optional<String> region = Optional.empty();

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The region, such as {@code bj} or {@code gz}: the endpoint becomes
         * {@code https://vod.{region}.baidubce.com/}. An endpoint set with {@code endpoint(...)} wins.
         *
         * @param name the region
         * @return this builder
         * @throws IllegalArgumentException if the name is not a lower-case host label
         */
        public Builder region(String name) {
            Objects.requireNonNull(name, "region");
            if (!name.matches("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?")) {
                throw new IllegalArgumentException("Baidu region '" + name + "' is not a region name such as bj or gz");
            }
            this.region = Optional.of(name);
            return this;
        }


        /**
         * Builds the source.
         *
         * @return the source
         * @throws NullPointerException naming the part that is missing
         */
        public VodTaskSource build() {
            URI chosen = endpoint().orElseGet(() -> region
                    .map(name -> URI.create("https://vod." + name + ".baidubce.com/")).orElse(DEFAULT_ENDPOINT));
            return new VodTaskSource(chosen, credentials(), transport(), resilience(), clock());
        }
    }
}
