package example.jobs;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.Resilience;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job list of a small provider, "acme.jobs", as a tasklens source.
 *
 * <p>Its API: {@code GET /v1/jobs?limit=1..50[&cursor=C]} with {@code Authorization: Bearer T}.
 * A 200 reply is {@code text/plain}: a first line {@code next C} or {@code end}, then one line per
 * job, {@code id TAB status TAB created-at (ISO 8601)}. 401 for a bad token, 429 to slow down.
 */
public final class JobsTaskSource implements dev.tasklens.ports.source.TaskSource {

    /** The source's id. */
    public static final SourceId ID = SourceId.of("acme.jobs");

    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor.builder(ID, Cursor.of(20, 50, "limit"))
            .title("ACME job list")
            .build();
    private static final Map<String, TaskStatus> STATUSES = Map.of("queued", TaskStatus.PENDING,
            "running", TaskStatus.RUNNING, "succeeded", TaskStatus.SUCCEEDED, "failed", TaskStatus.FAILED,
            "cancelled", TaskStatus.FINISHED);

    private final URI endpoint;
    private final String token;
    private final HttpTransport transport;
    private final Resilience resilience;

    /**
     * A source for one account.
     *
     * @param endpoint the API's base URI
     * @param token the account's bearer token
     * @param transport how requests travel
     * @param resilience retries and rate limits
     */
    public JobsTaskSource(URI endpoint, String token, HttpTransport transport, Resilience resilience) {
        this.endpoint = endpoint;
        this.token = token;
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String tokenBinding() {
        return endpoint.toString();
    }

    @Override
    public ProviderPage<Task> fetchPage(PageRequest request) {
        String query = "limit=" + request.pageSize();
        if (request.position() instanceof PagePosition.Token cursor) {
            query += "&cursor=" + URLEncoder.encode(cursor.value(), StandardCharsets.UTF_8);
        }
        URI uri = endpoint.resolve("/v1/jobs?" + query);
        // Each attempt is bounded by its share of the call's deadline.
        HttpResponse response = resilience.run(attempt -> check(transport.send(HttpRequest.get(uri)
                .header("Authorization", "Bearer " + token).timeout(attempt.timeout()).build())));
        return read(response.bodyText());
    }

    private HttpResponse check(HttpResponse response) {
        return switch (response.status()) {
            case 200 -> response;
            case 401 -> throw new AuthenticationException(ID, "Unauthorized", "the token was refused", Optional.empty());
            case 429 -> throw new ThrottledException(ID, "TooManyRequests", "too many requests", Optional.empty(),
                    response.retryAfter(Instant.now()));
            default -> throw new ProviderException(ID, response.status(), "HTTP" + response.status(),
                    "the reply has status " + response.status(), Optional.empty(), response.status() >= 500);
        };
    }

    private static ProviderPage<Task> read(String body) {
        List<String> lines = body.lines().toList();
        if (lines.isEmpty() || !(lines.get(0).equals("end") || lines.get(0).startsWith("next "))) {
            throw new MalformedResponseException(ID, "the reply does not start with 'next' or 'end'", Optional.empty());
        }
        List<Task> tasks = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            TaskStatus status = fields.length == 3 ? STATUSES.get(fields[1]) : null;
            if (status == null || fields[0].isBlank()) {
                throw new MalformedResponseException(ID, "a job line is not 'id TAB status TAB created-at'",
                        Optional.empty());
            }
            try {
                tasks.add(Task.builder(ID, fields[0]).type("job").status(status, fields[1])
                        .createdAt(Instant.parse(fields[2])).build());
            } catch (DateTimeParseException e) {
                throw new MalformedResponseException(ID, "a job's created-at is not an ISO 8601 instant",
                        Optional.empty(), e);
            }
        }
        String first = lines.get(0);
        return first.equals("end") ? ProviderPage.last(tasks) : ProviderPage.withNext(tasks, first.substring(5));
    }
}
