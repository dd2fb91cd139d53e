package dev.tasklens.tencent.cls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.tencent.ClsApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of seed 000 (legacy CLS shipping tasks), one nested class each. */
class ClsProviderRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<HttpRequest> sent = new ArrayList<>();

    private ClsTaskSource.Builder source(HttpTransport transport) {
        return ClsTaskSource.builder()
                .region("ap-guangzhou")
                .credentials(CredentialsProvider.of(Credentials.of("AKIDEXAMPLECLS0123456", "secret")))
                .transport(request -> {
                    sent.add(request);
                    return transport.send(request);
                })
                .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                        duration -> { }, () -> 0))
                .clock(CLOCK);
    }

    private ClsTaskSource replying(Function<HttpRequest, HttpResponse> reply) {
        return source(reply::apply).build();
    }

    private static HttpResponse json(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "application/json", "X-Cls-Requestid", "cls-7"),
                body);
    }

    private static TaskQuery shipper() {
        return TaskQuery.forSource(ClsTaskSource.describe()).scope("shipper_id", "xx-xx-xx-xxxx").build();
    }

    private static List<Task> list(ClsTaskSource source, TaskQuery query) {
        return SourceListing.of(source, CLOCK).withConcurrency(Concurrency.sequential()).list(query).stream().toList();
    }

    @Nested
    class ThePublicDomainIsTheDefault {
        @Test
        void aRegionMeansTheTencentcsDomainAndIntranetMeansTencentyun() {
            list(replying(request -> json(200, "{\"tasks\":[]}")), shipper());
            list(source(request -> json(200, "{\"tasks\":[]}")).intranet().build(), shipper());

            assertThat(sent).extracting(request -> request.uri().getHost())
                    .containsExactly("ap-guangzhou.cls.tencentcs.com", "ap-guangzhou.cls.tencentyun.com");
        }
    }

    @Nested
    class TheWindowIsRequiredAndWithinThreeDays {
        @Test
        void withoutAWindowTheLastThreeDaysAreListedInChinaStandardTime() {
            list(replying(request -> json(200, "{\"tasks\":[]}")), shipper());

            // 2026-11-22T12:00:00Z is 20:00 in Beijing; three days back, a minute short.
            assertThat(sent.get(0).uri().getRawQuery()).isEqualTo("shipper_id=xx-xx-xx-xxxx"
                    + "&start_time=2026-11-19+20%3A01%3A00&end_time=2026-11-22+20%3A00%3A00");
        }

        @Test
        void aWindowReachingFurtherBackIsRefusedBeforeAnyRequest() {
            TaskQuery old = TaskQuery.forSource(ClsTaskSource.describe()).scope("shipper_id", "s")
                    .createdAfter(NOW.minus(Duration.ofDays(4))).build();

            assertThatThrownBy(() -> list(replying(request -> json(200, "{}")), old))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("the last 3 days");
            assertThat(sent).isEmpty();
        }

        @Test
        void theZoneIsConfigurable() {
            list(source(request -> json(200, "{\"tasks\":[]}")).zone(ZoneOffset.UTC).build(), shipper());

            assertThat(sent.get(0).uri().getRawQuery()).endsWith("&end_time=2026-11-22+12%3A00%3A00");
        }
    }

    @Test
    void withoutARegionTheListingSaysHowToSetOne() {
        ClsTaskSource noRegion = ClsTaskSource.builder()
                .credentials(CredentialsProvider.of(Credentials.of("AKIDEXAMPLECLS0123456", "secret")))
                .transport(request -> {
                    throw new AssertionError("no request expected");
                })
                .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                        duration -> { }, () -> 0))
                .clock(CLOCK)
                .build();

        assertThatThrownBy(() -> list(noRegion, shipper()))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("set TENCENTCLOUD_REGION");
    }

    @Test
    void shipperIdIsRequired() {
        assertThatThrownBy(() -> TaskQuery.forSource(ClsTaskSource.describe()).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("scope 'shipper_id' (ID of the shipping rule) is required");
    }

    @Nested
    class TheDocumentsOwnExampleBodyIsNotJson {
        @Test
        void itIsAMalformedReplyWithTheRequestId() {
            String example = "{\"tasks\": [{\"task_id\": \"xxxxx-xx-xx-xx\", \"status\": \"success\","
                    + " \"message\": \"success\",}]}";

            assertThatThrownBy(() -> list(replying(request -> json(200, example)), shipper()))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("not valid JSON")
                    .hasMessageContaining("cls-7");
        }
    }

    @Nested
    class StatusesAreMappedAndTheRawValueKept {
        @Test
        void knownAndUnknownStatuses() {
            String body = "{\"tasks\":[" + task("a", "wait") + "," + task("b", "running") + "," + task("c", "success")
                    + "," + task("d", "failed") + "," + task("e", "paused") + "]}";

            List<Task> tasks = list(replying(request -> json(200, body)), shipper());

            assertThat(tasks).extracting(Task::status).containsExactly(TaskStatus.PENDING, TaskStatus.RUNNING,
                    TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.UNKNOWN);
            assertThat(tasks.get(4).rawStatus()).isEqualTo("paused");
            assertThat(tasks.get(2).attributes()).containsKeys("shipper_id", "topic_id", "range_start", "range_end");
            assertThat(tasks.get(2).createdAt()).contains(Instant.parse("2026-11-22T02:10:10Z"));
            assertThat(tasks.get(2).finishedAt()).contains(Instant.parse("2026-11-22T02:20:10Z"));
        }

        private String task(String id, String status) {
            return "{\"task_id\":\"" + id + "\",\"shipper_id\":\"s\",\"topic_id\":\"t\",\"range_start\":"
                    + "\"2026-11-22 10:00:00\",\"range_end\":\"2026-11-22 10:10:00\",\"start_time\":"
                    + "\"2026-11-22 10:10:10\",\"end_time\":\"2026-11-22 10:20:10\",\"status\":\"" + status
                    + "\",\"message\":\"" + status + "\"}";
        }
    }

    @Nested
    class ARepliesWithoutItsListIsNotAnEmptyList {
        @Test
        void anEmptyObjectOrAnErrorTextWithHttp200IsMalformed() {
            for (String body : List.of("{}", "{\"error\":\"quota exhausted\"}", "{\"tasks\":null}")) {
                assertThatThrownBy(() -> list(replying(request -> json(200, body)), shipper()))
                        .as(body)
                        .isInstanceOf(dev.tasklens.domain.MalformedResponseException.class)
                        .hasMessageContaining("no tasks list")
                        .hasMessageContaining("cls-7");
            }
        }

        @Test
        void aBlankTaskIdIsMalformed() {
            assertThatThrownBy(() -> list(replying(request -> json(200, "{\"tasks\":[{\"task_id\":\"\","
                    + "\"status\":\"success\"}]}")), shipper()))
                    .isInstanceOf(dev.tasklens.domain.MalformedResponseException.class)
                    .hasMessageContaining("task_id is not an id");
        }
    }

    @Nested
    class ErrorsHaveARealHttpStatus {
        @Test
        void speedQuotaExceededIsThrottled() {
            assertThatThrownBy(() -> list(replying(request -> json(429,
                    "{\"errorcode\":\"SpeedQuotaExceed\",\"errormessage\":\"too frequent\"}")), shipper()))
                    .isInstanceOf(ThrottledException.class).hasMessageContaining("cls-7");
        }

        @Test
        void aThrottlingReplysRetryAfterIsKept() {
            assertThatThrownBy(() -> list(replying(request -> HttpResponse.of(429, HttpHeaders.of("Content-Type",
                    "application/json", "Retry-After", "7"),
                    "{\"errorcode\":\"SpeedQuotaExceed\",\"errormessage\":\"too frequent\"}")), shipper()))
                    .isInstanceOfSatisfying(ThrottledException.class, throttled ->
                            assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7)));
        }

        @Test
        void authFailureIsAnAuthenticationError() {
            assertThatThrownBy(() -> list(replying(request -> json(401,
                    "{\"errorcode\":\"AuthFailure.SignatureFailure\",\"errormessage\":\"bad\"}")), shipper()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("TENCENTCLOUD_SECRET_ID");
        }

        @Test
        void internalErrorIsRetryable() {
            assertThatThrownBy(() -> list(replying(request -> json(500,
                    "{\"errorcode\":\"InternalError\",\"errormessage\":\"oops\"}")), shipper()))
                    .isInstanceOf(ProviderException.class)
                    .satisfies(error -> assertThat(((ProviderException) error).isRetryable()).isTrue());
        }
    }

    @Nested
    class TemporaryCredentialsTravelInXClsToken {
        @Test
        void theTokenIsSentAndSignedAndTheEmulatorAcceptsIt() {
            try (Emulator emulator = Emulator.start(new ClsApi(SeededTasks.generate(2, 6, NOW, Duration.ofDays(1)),
                    Map.of("AKIDTEMPORARY0000000", "temp-secret"), CLOCK))) {
                ClsTaskSource source = ClsTaskSource.builder()
                        .endpoint(URI.create(emulator.baseUri().toString()))
                        .credentials(CredentialsProvider.of(Credentials.temporary("AKIDTEMPORARY0000000",
                                "temp-secret", "session-token", NOW.plusSeconds(3600))))
                        .transport(emulator.inMemoryTransport(Duration.ofSeconds(1)))
                        .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                                duration -> { }, () -> 0))
                        .clock(CLOCK)
                        .build();

                assertThat(list(source, shipper())).hasSize(6);
                HttpRequest request = emulator.journal().requests().get(0);
                assertThat(request.headers().firstValue("X-Cls-Token")).contains("session-token");
                assertThat(request.headers().firstValue("Authorization").orElseThrow())
                        .contains("q-header-list=host;x-cls-token");
            }
        }
    }
}
