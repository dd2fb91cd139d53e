package example.jobs;

import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.EmulatorRequest;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provider's side of the ACME job list, from its API description: bearer token, limit 1..50,
 * an opaque cursor, plain-text pages, oldest job first.
 */
final class JobsApi implements ApiHandler {

    private final List<EmulatedTask> jobs;
    private final String token;

    JobsApi(List<EmulatedTask> jobs, String token) {
        this.jobs = jobs.stream().sorted(Comparator.comparing(EmulatedTask::createdAt)
                .thenComparing(EmulatedTask::id)).toList();
        this.token = token;
    }

    @Override
    public HttpResponse handle(EmulatorRequest exchange) {
        var request = exchange.request();
        if (!request.method().equals("GET") || !request.uri().getPath().equals("/v1/jobs")) {
            return text(404, "no such resource");
        }
        if (!request.headers().firstValue("Authorization").equals(java.util.Optional.of("Bearer " + token))) {
            return text(401, "unauthorized");
        }
        Map<String, String> query = query(request.uri().getRawQuery());
        int limit;
        int from;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            // A cursor is "p<index>", with "~" suffixes on a deliberately empty page's cursor.
            String cursor = query.getOrDefault("cursor", "p0").replace("~", "");
            from = cursor.startsWith("p") ? Integer.parseInt(cursor.substring(1)) : -1;
        } catch (NumberFormatException e) {
            return text(400, "bad limit or cursor");
        }
        if (limit < 1 || limit > 50 || from < 0 || from > jobs.size()) {
            return text(400, "bad limit or cursor");
        }
        if (exchange.hasFault(Fault.RepeatedCursor.class) && query.containsKey("cursor")) {
            return text(200, "next " + query.get("cursor") + "\n");
        }
        if (exchange.hasFault(Fault.EmptyPage.class)) {
            return text(200, "next " + query.getOrDefault("cursor", "p0") + "~\n");
        }
        int to = Math.min(jobs.size(), from + limit);
        StringBuilder body = new StringBuilder(to == jobs.size() ? "end" : "next p" + to).append('\n');
        for (EmulatedTask job : jobs.subList(from, to)) {
            body.append(job.id()).append('\t').append(status(job)).append('\t').append(job.createdAt()).append('\n');
        }
        return text(200, body.toString());
    }

    private static String status(EmulatedTask job) {
        return switch (job.status()) {
            case PENDING -> "queued";
            case RUNNING -> "running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            default -> "cancelled";
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals).toLowerCase(Locale.ROOT),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static HttpResponse text(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8"), body);
    }
}
