package dev.tasklens.baidu.vod;

import static org.assertj.core.api.Assertions.assertThat;

import com.baidubce.auth.BceV1Signer;
import com.baidubce.auth.DefaultBceCredentials;
import com.baidubce.auth.SignOptions;
import com.baidubce.http.HttpMethodName;
import com.baidubce.internal.InternalRequest;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.baidu.VodApi;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Second opinion: requests signed by the official bce-java-sdk's {@code BceV1Signer} (0.10.448, its
 * default form: the default headers signed, the signed-header list left empty) page through the VOD
 * emulator by marker and see exactly the tasks our source lists; the same request with a wrong
 * secret is refused with {@code SignatureDoesNotMatch}. The SDK's own {@code VodClient} is not run:
 * it needs the SDK's whole dependency tree (123 jars), and PROVIDERS §5.9 records why it could not
 * page this list anyway (its {@code isTruncated} never binds).
 */
class OfficialSdkSignerPagesThroughTheEmulatorTest {

    private static final String AK = "46bd9968a6194b4bbdf0341f2286ccce";
    private static final String SK = "example-bce-secret";

    /** One GET as the SDK's HTTP client sends it (no Content-Length on a GET), signed by the SDK. */
    private static Reply get(URI base, Map<String, String> parameters, String secret) throws IOException {
        URI uri = URI.create(base + "/v2/tasks");
        InternalRequest request = new InternalRequest(HttpMethodName.GET, uri);
        String host = uri.getHost() + ":" + uri.getPort();
        request.addHeader("Host", host);
        parameters.forEach(request::addParameter);
        // What the SDK's BceHttpClient adds before it signs: the date, also as the signature's timestamp.
        java.util.Date now = new java.util.Date();
        SignOptions options = new SignOptions();
        options.setTimestamp(now);
        request.addHeader("x-bce-date", now.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        new BceV1Signer().sign(request, new DefaultBceCredentials(AK, secret), options);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                .append(value));
        HttpURLConnection connection = (HttpURLConnection) URI.create(uri + query.toString()).toURL().openConnection();
        request.getHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                connection.setRequestProperty(name, value);
            }
        });
        int status = connection.getResponseCode();
        try (InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Reply(status, Json.createReader(body).readObject());
        }
    }

    private record Reply(int status, JsonObject body) {
    }

    @Test
    void theSdksSignaturesPageThroughTheEmulatorAndSeeWhatOurSourceSees() throws IOException {
        Clock clock = Clock.systemUTC();
        List<EmulatedTask> tasks = SeededTasks.generate(21, 47, clock.instant(), Duration.ofDays(3));
        try (Emulator emulator = Emulator.start(new VodApi(tasks, Map.of(AK, SK), clock));
                JdkHttpTransport transport = JdkHttpTransport.create()) {
            List<String> sdkIds = new ArrayList<>();
            String marker = "";
            boolean truncated = true;
            while (truncated) {
                Map<String, String> parameters = marker.isEmpty() ? Map.of("maxSize", "10")
                        : Map.of("maxSize", "10", "marker", marker);
                Reply reply = get(emulator.baseUri(), parameters, SK);
                assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
                reply.body().getJsonArray("data").forEach(item -> sdkIds.add(item.asJsonObject().getString("taskId")));
                truncated = reply.body().get("isTruncated") == JsonValue.TRUE;
                marker = reply.body().getString("nextMarker");
            }

            VodTaskSource ours = VodTaskSource.builder()
                    .endpoint(URI.create(emulator.baseUri() + "/"))
                    .credentials(CredentialsProvider.of(Credentials.of(AK, SK)))
                    .transport(transport)
                    .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(clock),
                            duration -> { }, () -> 0))
                    .build();
            List<String> ourIds = SourceListing.of(ours, clock).withConcurrency(Concurrency.sequential()).list(TaskQuery.forSource(ours.descriptor())
                    .pageSize(10).build()).stream().map(Task::id).toList();

            assertThat(sdkIds).hasSize(47).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(EmulatedTask::id).toList());
            assertThat(ourIds).containsExactlyElementsOf(sdkIds);
            assertThat(emulator.journal().requests()).anySatisfy(request -> assertThat(request.headers()
                    .firstValue("Authorization").orElseThrow()).matches("bce-auth-v1/" + AK + "/[^/]+/1800//[0-9a-f]{64}"));
        }
    }

    @Test
    void theSameRequestWithAWrongSecretIsRefused() throws IOException {
        Clock clock = Clock.systemUTC();
        try (Emulator emulator = Emulator.start(new VodApi(SeededTasks.generate(21, 5, clock.instant(),
                Duration.ofDays(1)), Map.of(AK, SK), clock))) {
            Reply reply = get(emulator.baseUri(), Map.of("maxSize", "10"), "not-the-secret");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().getString("code")).isEqualTo("SignatureDoesNotMatch");
            assertThat(reply.body().getString("requestId")).isNotBlank();
        }
    }
}
