package dev.tasklens.baidu.vod;

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
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.baidu.VodApi;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
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

/** The rules of seed 004 and of the BCE error format, one nested class each. */
class VodProviderRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String AK = "46bd9968a6194b4bbdf0341f2286ccce";
    private final List<HttpRequest> sent = new ArrayList<>();

    private VodTaskSource source(Function<HttpRequest, HttpResponse> provider, RetryPolicy policy) {
        return VodTaskSource.builder()
                .credentials(CredentialsProvider.of(Credentials.of(AK, "secret")))
                .transport(request -> {
                    sent.add(request);
                    return provider.apply(request);
                })
                .resilience(Resilience.of(policy, RateLimiter.unlimited(), new ClockSkew(CLOCK), duration -> { },
                        () -> 0))
                .clock(CLOCK)
                .build();
    }

    private VodTaskSource source(Function<HttpRequest, HttpResponse> provider) {
        return source(provider, RetryPolicy.none());
    }

    private static HttpResponse json(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "application/json", "x-bce-request-id", "req-7",
                "Date", "Sun, 22 Nov 2026 12:20:00 GMT"), body);
    }

    private static List<Task> list(VodTaskSource source, TaskQuery query) {
        return SourceListing.of(source, CLOCK).withConcurrency(Concurrency.sequential()).list(query).stream().toList();
    }

    private static TaskQuery all() {
        return TaskQuery.forSource(VodTaskSource.describe()).build();
    }

    private static String task(String id, String status) {
        return "{\"taskId\":\"" + id + "\",\"mediaId\":\"mda-1\",\"type\":\"WORKFLOW\",\"status\":\"" + status
                + "\",\"createTime\":\"2026-11-22T06:08:41Z\",\"finishTime\":\"\"}";
    }

    @Nested
    class IsTruncatedDecidesNotNextMarker {
        @Test
        void aLastPageThatStillNamesANextMarkerEndsTheList() {
            // The document's own example: nextMarker set, isTruncated false, and that is the end.
            List<Task> listed = list(source(request -> json(200, "{\"data\":[" + task("tsk-1", "FAILED")
                    + "],\"marker\":\"tsk-1\",\"nextMarker\":\"tsk-2\",\"isTruncated\":false}")), all());

            assertThat(listed).extracting(Task::id).containsExactly("tsk-1");
            assertThat(sent).hasSize(1);
        }

        @Test
        void truncatedWithoutANextMarkerIsMalformedNotTheEnd() {
            assertThatThrownBy(() -> list(source(request -> json(200, "{\"data\":[],\"marker\":\"\","
                    + "\"isTruncated\":true}")), all()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("names no nextMarker");
        }

        @Test
        void aReplyWithoutIsTruncatedIsMalformedNotAFirstAndLastPage() {
            // PROVIDERS §5.9: the official SDK never binds isTruncated, and stops after one page.
            assertThatThrownBy(() -> list(source(request -> json(200, "{\"data\":[],\"nextMarker\":\"x\"}")), all()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no isTruncated");
        }

        @Test
        void aMarkerHandedBackAgainStopsTheListing() {
            assertThatThrownBy(() -> list(source(request -> json(200, "{\"data\":[" + task("tsk-1", "FAILED")
                    + "],\"nextMarker\":\"tsk-2\",\"isTruncated\":true}")), all()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("a second time");
            assertThat(sent).hasSize(2);
        }

        @Test
        void maxSizeIsAlwaysSentSinceWithoutItOnlyTenComeBack() {
            list(source(request -> json(200, "{\"data\":[],\"isTruncated\":false}")),
                    all().toBuilder().pageSize(37).build());

            assertThat(sent.get(0).uri().getRawQuery()).isEqualTo("maxSize=37");
            assertThat(sent.get(0).uri().getHost()).isEqualTo("vod.bj.baidubce.com");
            assertThat(sent.get(0).uri().getScheme()).isEqualTo("https");
        }
    }

    @Test
    void stsCredentialsSendAndSignTheSecurityTokenAndTheEmulatorAcceptsThem() {
        try (Emulator emulator = Emulator.start(new VodApi(SeededTasks.generate(4, 12, NOW, Duration.ofDays(1)),
                Map.of(AK, "secret"), CLOCK))) {
            VodTaskSource sts = VodTaskSource.builder()
                    .endpoint(URI.create(emulator.baseUri() + "/"))
                    .credentials(CredentialsProvider.of(Credentials.temporary(AK, "secret", "sts-token-1",
                            NOW.plus(Duration.ofHours(1)))))
                    .transport(emulator.inMemoryTransport(Duration.ofSeconds(1)))
                    .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                            duration -> { }, () -> 0))
                    .build();

            assertThat(list(sts, all())).hasSize(12);
            HttpRequest first = emulator.journal().requests().get(0);
            assertThat(first.headers().firstValue("x-bce-security-token")).contains("sts-token-1");
            assertThat(first.headers().firstValue("Authorization").orElseThrow())
                    .contains("/host;x-bce-date;x-bce-security-token/");
        }
    }

    @Nested
    class StatusIsOneWordPerRequest {
        @Test
        void theKnownWordsMapAndTheRestIsUnknownButKept() {
            List<Task> listed = list(source(request -> json(200, "{\"data\":[" + task("a", "WAITING") + ","
                    + task("b", "PROCESSING") + "," + task("c", "SUCCESS") + "," + task("d", "FAILED") + ","
                    + task("e", "CANCELLED") + "],\"isTruncated\":false}")), all());

            assertThat(listed).extracting(Task::status).containsExactly(TaskStatus.PENDING, TaskStatus.RUNNING,
                    TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.UNKNOWN);
            assertThat(listed.get(4).rawStatus()).isEqualTo("CANCELLED");
            assertThat(listed.get(0).finishedAt()).isEmpty();
            assertThat(listed.get(0).attributes()).containsEntry("mediaId", "mda-1").containsEntry("type", "WORKFLOW");
        }

        @Test
        void severalStatusesAreScansOneWordEachAndTheEmulatorAgrees() {
            List<EmulatedTask> tasks = SeededTasks.generate(4, 40, NOW, Duration.ofDays(2));
            try (Emulator emulator = Emulator.start(new VodApi(tasks, Map.of(AK, "secret"), CLOCK))) {
                VodTaskSource emulated = VodTaskSource.builder()
                        .endpoint(URI.create(emulator.baseUri() + "/"))
                        .credentials(CredentialsProvider.of(Credentials.of(AK, "secret")))
                        .transport(emulator.inMemoryTransport(Duration.ofSeconds(1)))
                        .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                                duration -> { }, () -> 0))
                        .clock(CLOCK)
                        .build();

                List<Task> listed = list(emulated, all().toBuilder().status(TaskStatus.FAILED)
                        .status(TaskStatus.RUNNING).build());

                assertThat(listed).extracting(Task::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                        tasks.stream().filter(t -> t.status() == TaskStatus.FAILED || t.status() == TaskStatus.RUNNING)
                                .map(EmulatedTask::id).toList());
                assertThat(emulator.journal().requests()).extracting(request -> request.uri().getQuery())
                        .allSatisfy(query -> assertThat(query).containsPattern("status=(PROCESSING|RUNNING|FAILED)"));
            }
        }

        @Test
        void eachWordIsAPartitionOfItsOwnAndAResumeGoesOnWithItsWord() {
            // PENDING has three words; each is its own request stream, and a token made inside one
            // names that word, so the resumed listing asks for it again and for no other.
            java.util.Map<String, Integer> pages = new java.util.concurrent.ConcurrentHashMap<>();
            VodTaskSource vod = source(request -> {
                String word = request.uri().getQuery().replaceAll(".*status=([A-Z]+).*", "$1");
                int page = pages.merge(word, 1, Integer::sum);
                boolean more = page == 1;
                return json(200, "{\"isTruncated\":" + more + ",\"marker\":\"\",\"nextMarker\":\""
                        + (more ? word + "-2" : "") + "\",\"data\":[" + task(word + "-" + page, word) + "]}");
            });
            TaskQuery pending = all().toBuilder().status(TaskStatus.PENDING).build();

            dev.tasklens.domain.paging.Pager<Task> head = SourceListing.of(vod, CLOCK)
                    .withConcurrency(Concurrency.sequential()).list(pending.toBuilder().limit(1).build());
            assertThat(head.stream().map(Task::id).toList()).containsExactly("PENDING-1");
            sent.clear();
            List<String> rest = SourceListing.of(vod, CLOCK).withConcurrency(Concurrency.sequential())
                    .list(pending.toBuilder().resumeFrom(head.resumeToken().orElseThrow()).build())
                    .stream().map(Task::id).toList();

            assertThat(rest).containsExactly("PENDING-2", "WAITING-1", "WAITING-2", "QUEUED-1", "QUEUED-2");
            assertThat(sent).extracting(request -> request.uri().getQuery())
                    .allSatisfy(query -> assertThat(query).containsOnlyOnce("status="))
                    .anySatisfy(query -> assertThat(query).contains("status=PENDING", "marker=PENDING-2"));
        }

        @Test
        void aWindowOlderThanSevenDaysIsRefusedBeforeAnyRequest() {
            assertThatThrownBy(() -> list(source(request -> json(200, "{}")), all().toBuilder()
                    .createdAfter(NOW.minus(Duration.ofDays(8))).build()))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("7 days");
            assertThat(sent).isEmpty();
        }

        @Test
        void theWindowAndTheScopeAreSent() {
            list(source(request -> json(200, "{\"data\":[],\"isTruncated\":false}")), all().toBuilder()
                    .createdAfter(NOW.minus(Duration.ofHours(2))).createdBefore(NOW)
                    .scope("mediaId", "mda-9").scope("type", "PRESET").build());

            assertThat(sent.get(0).uri().getQuery()).contains("beginTime=2026-11-22T10:00:00Z",
                    "endTime=2026-11-22T12:00:01Z", "mediaId=mda-9", "type=PRESET");
        }
    }

    @Nested
    class ErrorsHaveARealHttpStatusAndKeepTheRequestId {
        private static String error(String code) {
            return "{\"code\":\"" + code + "\",\"message\":\"provider says no\",\"requestId\":\"req-42\"}";
        }

        @Test
        void aSignatureRefusalIsAnAuthenticationErrorAndIsNotRetried() {
            assertThatThrownBy(() -> list(source(request -> json(400, error("SignatureDoesNotMatch")),
                    RetryPolicy.defaults()), all()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("req-42")
                    .hasMessageContaining("BCE_SECRET_ACCESS_KEY");
            assertThat(sent).hasSize(1);
        }

        @Test
        void requestExpiredIsSignedAgainAtTheServersTimeWithAFreshRequestId() {
            int[] calls = {0};
            List<Task> listed = list(source(request -> calls[0]++ == 0 ? json(400, error("RequestExpired"))
                    : json(200, "{\"data\":[],\"isTruncated\":false}"), RetryPolicy.none()), all());

            assertThat(listed).isEmpty();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0).headers().firstValue("x-bce-date")).contains("2026-11-22T12:00:00Z");
            assertThat(sent.get(1).headers().firstValue("x-bce-date")).contains("2026-11-22T12:20:00Z");
            assertThat(sent.get(0).headers().firstValue("Authorization"))
                    .isNotEqualTo(sent.get(1).headers().firstValue("Authorization"));
            assertThat(sent.get(0).headers().firstValue("x-bce-request-id"))
                    .isNotEqualTo(sent.get(1).headers().firstValue("x-bce-request-id"));
        }

        @Test
        void everyRetryIsSignedAgain() {
            int[] calls = {0};
            list(source(request -> calls[0]++ < 2 ? json(503, error("ServiceUnavailable"))
                    : json(200, "{\"data\":[],\"isTruncated\":false}"), RetryPolicy.defaults()), all());

            assertThat(sent).hasSize(3);
            assertThat(sent).extracting(request -> request.headers().firstValue("x-bce-request-id").orElseThrow())
                    .doesNotHaveDuplicates();
        }

        @Test
        void throttlingByStatusOrByCodeIsThrottled() {
            assertThatThrownBy(() -> list(source(request -> json(429, error("TooManyRequests"))), all()))
                    .isInstanceOf(ThrottledException.class);
            sent.clear();
            assertThatThrownBy(() -> list(source(request -> json(400, error("RequestRateLimitExceeded"))), all()))
                    .isInstanceOf(ThrottledException.class);
        }

        @Test
        void aGatewayPageWithoutJsonIsAServerErrorThatIsRetried() {
            int[] calls = {0};
            List<Task> listed = list(source(request -> calls[0]++ == 0
                    ? HttpResponse.of(502, HttpHeaders.of("Content-Type", "text/html"), "<html>Bad Gateway</html>")
                    : json(200, "{\"data\":[],\"isTruncated\":false}"), RetryPolicy.defaults()), all());

            assertThat(listed).isEmpty();
            assertThat(sent).hasSize(2);
        }

        @Test
        void aBadUriIsAnInvalidQueryWithTheProvidersWords() {
            assertThatThrownBy(() -> list(source(request -> json(400, error("InvalidURI"))), all()))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("provider says no");
            assertThatThrownBy(() -> list(source(request -> json(500, error("InternalError"))), all()))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("req-42");
        }
    }
}
