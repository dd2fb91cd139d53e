package dev.tasklens.huawei.koodrive;

import dev.tasklens.adapters.ReplyTimes;
import dev.tasklens.adapters.QueryString;
import dev.tasklens.adapters.EndpointPath;
import dev.tasklens.adapters.HttpTaskSource;
import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.QueryFilter;
import dev.tasklens.domain.ScopeKey;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.huawei.internal.HuaweiErrors;
import dev.tasklens.huawei.internal.KooDriveWire;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Attempt;
import dev.tasklens.ports.resilience.Resilience;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Huawei KooDrive "Listing Tasks" (seed 003) as a task source.
 *
 * <ul>
 *   <li>{@code GET https://{host}/koodrive/ose/v1/task/list}, host
 *       {@code intl.myhuaweicloud-koodrive.com} (the AP-Singapore deployment) or
 *       {@code cn.myhuaweicloud-koodrive.com}; HTTPS only.</li>
 *   <li>{@code Authorization: Bearer+{access_token}} (the separator is configurable: the document
 *       shows {@code Bearer+token} in its table and example, a bare token in its prose),
 *       {@code X-User-Id}, {@code X-Date} ({@code yyyyMMdd'T'HHmmss'Z'}, from the corrected clock,
 *       never ahead of it), and a fresh {@code X-Traceid} per request, kept in every error. App
 *       authentication ({@code HMAC-SHA256 AppId=...}) is not offered: its key derivation is not
 *       documented completely (PROVIDERS §4.2).</li>
 *   <li>Paging: {@code pageCursor} ← {@code nextCursor}, {@code pageSize} ≤ 100. Empty and short
 *       pages before the end are normal; the end is only an absent or empty {@code nextCursor}. A
 *       cursor that repeats stops the listing with an error.</li>
 *   <li>{@code status} (0 NEW, 1 EXECUTING, 2 SUCCESS, 3 FAILED, a repeated key) is pushed down, and
 *       {@code taskType} as a scope.</li>
 *   <li>The document's quirks: {@code taskList} and {@code taskListDtos}; {@code nextCursor} and
 *       {@code code} as string or number; {@code taskId} as 19 digits, kept exact; a non-zero
 *       {@code code} with HTTP 200 is an error carrying {@code msg}; {@code resultCode}
 *       ({@code 18xxxxxx}) becomes the task's message.</li>
 * </ul>
 */
public final class KooDriveTaskSource extends HttpTaskSource {

    /** The international site's host, where KooDrive is deployed (AP-Singapore). */
    public static final URI INTERNATIONAL = URI.create("https://intl.myhuaweicloud-koodrive.com/");
    /** The Chinese site's host. */
    public static final URI CHINA = URI.create("https://cn.myhuaweicloud-koodrive.com/");
    private static final SourceId ID = SourceId.HUAWEI_KOODRIVE;
    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<TaskStatus, Integer> CODES = Map.of(TaskStatus.PENDING, 0, TaskStatus.RUNNING, 1,
            TaskStatus.SUCCEEDED, 2, TaskStatus.FAILED, 3);
    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor
            .builder(ID, Cursor.of(100, 100, "pageSize"))
            .title("Huawei KooDrive tasks")
            .scope(ScopeKey.oneOf("taskType", "0: transfer task, 1: batch import (createTask)", "0", "1"))
            .pushesDown(QueryFilter.STATUS)
            .build();
    private static final String CREDENTIAL_HINT = "check KOODRIVE_ACCESS_TOKEN (valid 20 minutes) and"
            + " KOODRIVE_USER_ID";

    private final URI endpoint;
    private final Optional<String> token;
    private final Optional<java.nio.file.Path> tokenFile;
    private final Optional<String> userId;
    private final String separator;

    private KooDriveTaskSource(Builder builder) {
        super(DESCRIPTOR, builder.transport, builder.resilience, builder.clock);
        this.endpoint = builder.endpoint;
        this.token = builder.token;
        this.tokenFile = builder.tokenFile;
        this.userId = builder.userId;
        this.separator = builder.separator;
    }

    /**
     * Starts a source.
     *
     * @return a builder; the token, the user id, transport and resilience are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What this source is: {@code huawei.koodrive}, cursor paging, status pushed down.
     *
     * @return the descriptor
     */
    public static SourceDescriptor describe() {
        return DESCRIPTOR;
    }

    /** The endpoint and the user listed as. */
    @Override
    public CredentialsOrigin credentialsOrigin() {
        if (userId.isEmpty()) {
            return new CredentialsOrigin(false, "KOODRIVE_USER_ID unset");
        }
        return token.isPresent() ? new CredentialsOrigin(true, "env") : tokenFile.map(file -> new CredentialsOrigin(
                true, "token file (" + file + ")")).orElse(new CredentialsOrigin(false, "KOODRIVE_ACCESS_TOKEN unset"));
    }

    @Override
    public String tokenBinding() {
        return endpoint + " " + userId.orElse("");
    }

    @Override
    public ProviderPage<Task> fetchPage(PageRequest request) {
        String accessToken = token.or(this::tokenFromFile).orElseThrow(() -> missing("KOODRIVE_ACCESS_TOKEN"));
        String user = userId.orElseThrow(() -> missing("KOODRIVE_USER_ID"));
        Set<TaskStatus> wanted = EnumSet.noneOf(TaskStatus.class);
        wanted.addAll(request.query().statuses());
        if (wanted.remove(TaskStatus.FINISHED)) {
            wanted.add(TaskStatus.SUCCEEDED);
            wanted.add(TaskStatus.FAILED);
        }
        if (!request.query().statuses().isEmpty() && wanted.stream().noneMatch(CODES::containsKey)) {
            return ProviderPage.last(List.of()); // UNKNOWN only: KooDrive reports no such status
        }
        QueryString query = QueryString.create().add("pageSize", request.pageSize());
        request.token().ifPresent(cursor -> query.add("pageCursor", cursor));
        for (TaskStatus status : wanted) {
            Optional.ofNullable(CODES.get(status)).ifPresent(code -> query.add("status", code));
        }
        Optional.ofNullable(request.query().scope().get("taskType")).ifPresent(type -> query.add("taskType", type));
        URI uri = EndpointPath.under(endpoint, "/koodrive/ose/v1/task/list?" + query);
        return resilience.run(attempt -> send(uri, accessToken, user, attempt));
    }

    private ProviderPage<Task> send(URI uri, String accessToken, String user, Attempt attempt) {
        String traceId = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 58);
        HttpRequest request = HttpRequest.get(uri)
                .header("Authorization", "Bearer" + separator + accessToken)
                .header("X-User-Id", user)
                .header("X-Date", X_DATE.format(attempt.signAt().truncatedTo(ChronoUnit.SECONDS)))
                .header("X-Traceid", traceId)
                .build();
        // The trace id sent is the request id: KooDrive's reply names none of its own.
        Reply<KooDriveWire.Page> reply = exchange(attempt, request, Optional.empty(), Optional.of(traceId),
                KooDriveWire.Page.class, (failed, id) -> HuaweiErrors.of(ID, failed, id,
                        text -> redact(text, accessToken), CREDENTIAL_HINT, clock.instant()));
        KooDriveWire.Page page = reply.body();
        HttpResponse response = reply.response();
        Optional<String> requestId = reply.requestId();
        if (page.code() != null && !page.code().equals("0")) {
            throw HuaweiErrors.typed(ID, 200, page.code(), redact(Optional.ofNullable(page.msg()).orElse(""),
                    accessToken), requestId, response, CREDENTIAL_HINT, clock.instant());
        }
        List<KooDriveWire.Task> listed = page.tasks().orElseThrow(() -> new MalformedResponseException(ID,
                "the reply has no taskList (nor taskListDtos)", requestId));
        List<Task> tasks = new ArrayList<>();
        for (KooDriveWire.Task info : listed) {
            tasks.add(task(info, requestId));
        }
        Optional<String> next = Optional.ofNullable(page.nextCursor()).filter(cursor -> !cursor.isBlank());
        return next.isPresent() ? ProviderPage.withNext(tasks, next.get()) : ProviderPage.last(tasks);
    }

    private static String redact(String text, String accessToken) {
        return accessToken.length() >= 4 ? text.replace(accessToken, "***") : text;
    }

    /** The token file's content, read at each request: whatever renews the token rewrites it. */
    private Optional<String> tokenFromFile() {
        if (tokenFile.isEmpty()) {
            return Optional.empty();
        }
        java.nio.file.Path file = tokenFile.get();
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new dev.tasklens.ports.credentials.CredentialsFileException(file, "the KooDrive token file cannot be"
                    + " read (" + e.getClass().getSimpleName() + "); check KOODRIVE_ACCESS_TOKEN_FILE");
        }
        if (text.isEmpty() || text.contains("\n")) {
            throw new dev.tasklens.ports.credentials.CredentialsFileException(file, "the KooDrive token file must hold"
                    + " the access token alone, on one line");
        }
        return Optional.of(text);
    }

    private static AuthenticationException missing(String variable) {
        return new AuthenticationException(ID, "CredentialsMissing", "no KooDrive credentials; set"
                + " KOODRIVE_ACCESS_TOKEN and KOODRIVE_USER_ID (" + variable + " is missing)", Optional.empty());
    }

    private static Task task(KooDriveWire.Task info, Optional<String> requestId) {
        if (info == null || info.taskId() == null || info.taskId().isBlank()) {
            throw new MalformedResponseException(ID, "a task in the reply has no taskId", requestId);
        }
        TaskStatus status = TaskStatus.UNKNOWN;
        for (Map.Entry<TaskStatus, Integer> code : CODES.entrySet()) {
            if (code.getValue().equals(info.status())) {
                status = code.getKey();
            }
        }
        Task.Builder task = Task.builder(ID, info.taskId())
                .type(info.taskType() == null ? "unknown" : info.taskType() == 0 ? "transfer" : "type-"
                        + info.taskType())
                .status(status, info.status() == null ? "" : info.status().toString());
        Optional.ofNullable(info.taskName()).filter(name -> !name.isBlank()).ifPresent(task::name);
        ReplyTimes.iso8601(ID, "createTime", info.createTime(), requestId).ifPresent(task::createdAt);
        ReplyTimes.iso8601(ID, "startTime", info.startTime(), requestId).ifPresent(task::startedAt);
        ReplyTimes.iso8601(ID, "endTime", info.endTime(), requestId).ifPresent(task::finishedAt);
        Optional.ofNullable(info.resultCode()).filter(code -> !code.isBlank()).ifPresent(code -> {
            task.message("resultCode " + code);
            task.attribute("resultCode", code);
        });
        Optional.ofNullable(info.taskType()).ifPresent(type -> task.attribute("taskType", type.toString()));
        requestId.ifPresent(id -> task.attribute("traceId", id));
        return task.build();
    }

    /** Configures a {@link KooDriveTaskSource}. */
    public static final class Builder {
        private URI endpoint = INTERNATIONAL;
        private Optional<String> token = Optional.empty();
        private Optional<String> userId = Optional.empty();
        private Optional<java.nio.file.Path> tokenFile = Optional.empty();
        private String separator = "+";
        private HttpTransport transport;
        private Resilience resilience;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The user's access token and id.
         *
         * @param accessToken the access token (from the KooDrive web front end's cookies; 20 minutes)
         * @param user the user id it belongs to
         * @return this builder
         */
        public Builder credentials(String accessToken, String user) {
            this.token = Optional.of(Objects.requireNonNull(accessToken, "accessToken"));
            this.userId = Optional.of(Objects.requireNonNull(user, "userId"));
            return this;
        }

        /**
         * Reads the access token from a file at each request, when no token is given: the token
         * lasts 20 minutes, and whatever renews it rewrites the file.
         *
         * @param file the file, holding the token alone on one line
         * @return this builder
         */
        public Builder tokenFile(java.nio.file.Path file) {
            this.tokenFile = Optional.of(Objects.requireNonNull(file, "tokenFile"));
            return this;
        }

        /**
         * The credentials, if known; a listing without them fails saying what to set.
         *
         * @param accessToken the access token, if set
         * @param user the user id, if set
         * @return this builder
         */
        public Builder credentials(Optional<String> accessToken, Optional<String> user) {
            this.token = Objects.requireNonNull(accessToken, "accessToken");
            this.userId = Objects.requireNonNull(user, "userId");
            return this;
        }

        /**
         * Between {@code Bearer} and the token: {@code +} as the document's table and example write it,
         * {@code " "} as RFC 6750 does.
         *
         * @param value {@code +} (the default), a space, or empty
         * @return this builder
         * @throws IllegalArgumentException for anything else
         */
        public Builder bearerSeparator(String value) {
            if (!value.equals("+") && !value.equals(" ") && !value.isEmpty()) {
                throw new IllegalArgumentException("the bearer separator is '+', ' ' or empty, got '" + value + "'");
            }
            this.separator = value;
            return this;
        }

        /**
         * The site: {@code intl} (the default) or {@code cn}.
         *
         * @param site the site
         * @return this builder
         * @throws IllegalArgumentException for another name
         */
        public Builder site(String site) {
            this.endpoint = switch (site) {
                case "intl" -> INTERNATIONAL;
                case "cn" -> CHINA;
                default -> throw new IllegalArgumentException("KooDrive site '" + site + "' is intl or cn");
            };
            return this;
        }

        /**
         * Another endpoint, such as an emulator.
         *
         * @param uri the endpoint
         * @return this builder
         */
        public Builder endpoint(URI uri) {
            this.endpoint = Objects.requireNonNull(uri, "endpoint");
            return this;
        }

        /**
         * The HTTP transport.
         *
         * @param value the transport
         * @return this builder
         */
        public Builder transport(HttpTransport value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /**
         * The rate limit, retries and clock-skew correction the requests run through.
         *
         * @param value the resilience
         * @return this builder
         */
        public Builder resilience(Resilience value) {
            this.resilience = Objects.requireNonNull(value, "resilience");
            return this;
        }

        /**
         * The clock, for a {@code Retry-After} given as a date.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         * @throws NullPointerException naming the part that is missing
         */
        public KooDriveTaskSource build() {
            return new KooDriveTaskSource(this);
        }
    }
}
