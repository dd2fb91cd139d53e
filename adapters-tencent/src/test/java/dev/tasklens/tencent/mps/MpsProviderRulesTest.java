package dev.tasklens.tencent.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
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
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.tencent.MpsApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/** The rules of seed 001 and of the API 3.0 error format, one nested class each. */
class MpsProviderRulesTest {

    /**
     * These rules are about the requests of one listing, so they list one partition at a time, on
     * the test's thread; {@code PartitionedListing} covers the listing split into partitions.
     */
    private static SourceListing sequential(dev.tasklens.ports.source.TaskSource source, java.time.Clock clock) {
        return SourceListing.of(source, clock).withConcurrency(Concurrency.sequential());
    }


    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<HttpRequest> sent = new ArrayList<>();

    private MpsTaskSource source(Function<HttpRequest, HttpResponse> provider) {
        return MpsTaskSource.builder()
                .credentials(CredentialsProvider.of(Credentials.of("AKIDEXAMPLE0123456789", "secret")))
                .transport(request -> {
                    sent.add(request);
                    return provider.apply(request);
                })
                .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                        duration -> { }, () -> 0))
                .build();
    }

    /** A source talking to an emulator in memory, with the test's clock and no retries. */
    private static MpsTaskSource emulated(Emulator emulator) {
        return MpsTaskSource.builder()
                .endpoint(URI.create(emulator.baseUri() + "/"))
                .credentials(CredentialsProvider.of(Credentials.of("AKIDEXAMPLE0123456789", "secret")))
                .transport(emulator.inMemoryTransport(Duration.ofSeconds(1)))
                .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                        duration -> { }, () -> 0))
                .build();
    }

    private static HttpResponse reply(String json) {
        return HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"), json);
    }

    private static List<Task> list(MpsTaskSource source, TaskQuery query) {
        return sequential(source, CLOCK).list(query).stream().toList();
    }

    private static TaskQuery finished() {
        return TaskQuery.forSource(MpsTaskSource.describe()).status(TaskStatus.SUCCEEDED).build();
    }

    @Nested
    class FinishTimeSentinelIsNotAnInstant {
        @Test
        void anUnsetTimeIsAbsentNotAnError() {
            MpsTaskSource source = source(request -> reply("{\"Response\":{\"TaskSet\":[{\"TaskId\":\"t1\","
                    + "\"TaskType\":\"WorkflowTask\",\"CreateTime\":\"2026-11-22T11:00:00Z\","
                    + "\"BeginProcessTime\":\"0000-00-00T00:00:00Z\",\"FinishTime\":\"0000-00-00T00:00:00Z\"}],"
                    + "\"ScrollToken\":\"\",\"RequestId\":\"r-1\"}}"));

            Task task = list(source, finished()).get(0);

            assertThat(task.createdAt()).contains(Instant.parse("2026-11-22T11:00:00Z"));
            assertThat(task.startedAt()).isEmpty();
            assertThat(task.finishedAt()).isEmpty();
        }
    }

    @Nested
    class NumbersMayComeAsStrings {
        @Test
        void totalCountAsAStringIsRead() {
            MpsTaskSource source = source(request -> reply("{\"Response\":{\"TotalCount\":\"1\",\"TaskSet\":[{"
                    + "\"TaskId\":\"t1\",\"TaskType\":\"WorkflowTask\",\"SubTaskTypes\":[\"action-trans\"],"
                    + "\"CreateTime\":\"2026-11-22T11:00:00Z\"}],\"ScrollToken\":\"\",\"RequestId\":\"r-1\"}}"));

            assertThat(list(source, finished())).singleElement().satisfies(task -> {
                assertThat(task.attribute("SubTaskTypes")).contains("action-trans");
                assertThat(task.attribute("SubTaskHasFailed")).contains("false");
            });
        }

        @Test
        void theEmulatorTakesLimitAsAStringAsTheDocumentsExampleSendsIt() {
            List<EmulatedTask> tasks = SeededTasks.generate(1, 8, NOW, Duration.ofDays(1));
            try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of("AKIDEXAMPLE0123456789", "secret"),
                    CLOCK))) {
                MpsTaskSource source = MpsTaskSource.builder()
                        .endpoint(URI.create(emulator.baseUri() + "/"))
                        .credentials(CredentialsProvider.of(Credentials.of("AKIDEXAMPLE0123456789", "secret")))
                        .transport(request -> {
                            // Rewrite the body the way seed 001's example writes it: "Limit": "5".
                            String body = new String(request.body(), StandardCharsets.UTF_8)
                                    .replaceAll("\"Limit\":(\\d+)", "\"Limit\":\"$1\"");
                            HttpRequest quoted = request.toBuilder().body(body).build();
                            return emulator.inMemoryTransport(Duration.ofSeconds(1)).send(
                                    dev.tasklens.adapters.SignedRequests.sign(quoted,
                                            dev.tasklens.signing.tc3.Tc3Signer.forService("mps"),
                                            Credentials.of("AKIDEXAMPLE0123456789", "secret"), NOW));
                        })
                        .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                                duration -> { }, () -> 0))
                        .build();

                assertThat(list(source, TaskQuery.forSource(MpsTaskSource.describe()).pageSize(5).build()))
                        .hasSize(8);
            }
        }
    }

    @Nested
    class StatusIsRequiredSoEachStatusIsAScan {
        @Test
        void listingEveryStatusRunsFourScansAndLabelsEachTaskByItsScan() {
            List<EmulatedTask> tasks = SeededTasks.generate(3, 20, NOW, Duration.ofDays(1));
            try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of("AKIDEXAMPLE0123456789", "secret"),
                    CLOCK))) {
                MpsTaskSource source = emulated(emulator);

                List<Task> listed = list(source, TaskQuery.forSource(MpsTaskSource.describe()).build());

                assertThat(emulator.journal().requests()).extracting(request ->
                        new String(request.body(), StandardCharsets.UTF_8).replaceAll(",\"Limit\":100", ""))
                        .containsExactlyInAnyOrder("{\"Status\":\"WAITING\"}", "{\"Status\":\"PROCESSING\"}",
                                "{\"Status\":\"FINISH\",\"SubTaskHasFailed\":false}",
                                "{\"Status\":\"FINISH\",\"SubTaskHasFailed\":true}");
                assertThat(listed).hasSize(20).allSatisfy(task -> {
                    EmulatedTask origin = tasks.stream().filter(t -> t.id().equals(task.id())).findFirst().orElseThrow();
                    assertThat(task.status()).isEqualTo(origin.status());
                    assertThat(task.rawStatus()).isEqualTo(MpsApi.mpsStatus(origin.status()));
                });
            }
        }
    }

    @Nested
    class NothingLostNothingRepeated {
        private final URI endpoint = URI.create("https://mps.tencentcloudapi.com/");

        /** A source whose requests reach this emulator in memory, under the real endpoint's name. */
        private MpsTaskSource at(Emulator emulator) {
            return MpsTaskSource.builder()
                    .endpoint(endpoint)
                    .credentials(CredentialsProvider.of(Credentials.of("AKIDEXAMPLE0123456789", "secret")))
                    .transport(emulator.inMemoryTransport(Duration.ofSeconds(1)))
                    .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                            duration -> { }, () -> 0))
                    .build();
        }

        private EmulatedTask task(String id, TaskStatus status, int minutesAgo) {
            Instant created = NOW.minus(Duration.ofMinutes(minutesAgo));
            return new EmulatedTask(id, id, "transcode", status, created,
                    status == TaskStatus.PENDING ? java.util.Optional.empty() : java.util.Optional.of(created),
                    java.util.Optional.empty());
        }

        @Test
        void aResumeAfterATaskMovedBetweenScansLosesNoTaskThatStayed() {
            // Seed 001: Status is one value per request, so PENDING and RUNNING are two scans.
            List<EmulatedTask> before = List.of(task("W1", TaskStatus.PENDING, 30), task("W2", TaskStatus.PENDING, 31),
                    task("W3", TaskStatus.PENDING, 32), task("P1", TaskStatus.RUNNING, 10),
                    task("P2", TaskStatus.RUNNING, 11), task("P3", TaskStatus.RUNNING, 12));
            List<EmulatedTask> after = new ArrayList<>(before);
            after.set(0, task("W1", TaskStatus.RUNNING, 30));
            TaskQuery query = TaskQuery.forSource(MpsTaskSource.describe()).status(TaskStatus.PENDING)
                    .status(TaskStatus.RUNNING).pageSize(3).build();
            List<String> delivered = new ArrayList<>();
            String token;
            try (Emulator emulator = Emulator.start(new MpsApi(before, Map.of("AKIDEXAMPLE0123456789", "secret"),
                    CLOCK))) {
                var pager = sequential(at(emulator), CLOCK).list(query.toBuilder().limit(4).build());
                pager.stream().map(Task::id).forEach(delivered::add);
                token = pager.resumeToken().orElseThrow().value();
            }
            try (Emulator emulator = Emulator.start(new MpsApi(after, Map.of("AKIDEXAMPLE0123456789", "secret"),
                    CLOCK))) {
                sequential(at(emulator), CLOCK).list(query.toBuilder().resumeFrom(token).build()).stream()
                        .map(Task::id).forEach(delivered::add);
            }

            assertThat(delivered).startsWith("W1", "W2", "W3", "P1").contains("P2", "P3");
            assertThat(delivered.stream().filter(id -> !id.equals("W1"))).doesNotHaveDuplicates();
        }

        @Test
        void succeededWithFinishedScansEachFinishedTaskOnce() {
            List<EmulatedTask> tasks = SeededTasks.generate(5, 40, NOW, Duration.ofDays(1));
            try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of("AKIDEXAMPLE0123456789", "secret"),
                    CLOCK))) {
                List<Task> listed = list(emulated(emulator), TaskQuery.forSource(MpsTaskSource.describe())
                        .status(TaskStatus.SUCCEEDED).status(TaskStatus.FINISHED).build());

                assertThat(listed).extracting(Task::id).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(tasks.stream().filter(t -> t.status().isTerminal())
                                .map(EmulatedTask::id).toList());
                assertThat(emulator.journal().requests()).extracting(request ->
                        new String(request.body(), StandardCharsets.UTF_8).replaceAll(",\"Limit\":100", ""))
                        .containsExactlyInAnyOrder("{\"Status\":\"FINISH\",\"SubTaskHasFailed\":false}",
                                "{\"Status\":\"FINISH\",\"SubTaskHasFailed\":true}");
            }
        }

        @Test
        void aTokenOfAnotherAccountIsRefused() {
            List<EmulatedTask> tasks = SeededTasks.generate(5, 10, NOW, Duration.ofDays(1));
            try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of("AKIDEXAMPLE0123456789", "secret",
                    "AKIDSOMEONEELSE000000", "other"), CLOCK))) {
                var pager = sequential(at(emulator), CLOCK).list(finished().toBuilder().limit(1).build());
                pager.stream().toList();
                String token = pager.resumeToken().orElseThrow().value();
                MpsTaskSource otherAccount = MpsTaskSource.builder()
                        .endpoint(endpoint)
                        .credentials(CredentialsProvider.of(Credentials.of("AKIDSOMEONEELSE000000", "other")))
                        .transport(emulator.inMemoryTransport(Duration.ofSeconds(1)))
                        .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK),
                                duration -> { }, () -> 0))
                        .build();

                assertThatThrownBy(() -> sequential(otherAccount, CLOCK)
                        .list(finished().toBuilder().resumeFrom(token).build()))
                        .isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("another endpoint or account");
            }
        }
    }

    @Nested
    class HostileRepliesAreMalformedNotCrashes {
        private void refused(String body, String message) {
            assertThatThrownBy(() -> list(source(request -> reply(body)), finished()))
                    .isInstanceOf(dev.tasklens.domain.MalformedResponseException.class)
                    .hasMessageContaining(message);
            assertThat(sent).hasSize(1);
        }

        @Test
        void aReplyWithoutItsTaskSetIsNotAnEmptyList() {
            refused("{\"Response\":{\"RequestId\":\"r\"}}", "no TaskSet");
            sent.clear();
            refused("{\"Response\":{\"TaskSet\":null,\"RequestId\":\"r\"}}", "no TaskSet");
        }

        @Test
        void aBlankOrNonTextIdIsMalformed() {
            refused("{\"Response\":{\"TaskSet\":[{\"TaskId\":\" \"}],\"ScrollToken\":\"\"}}", "not an id");
            sent.clear();
            refused("{\"Response\":{\"TaskSet\":[{\"TaskId\":1e999999999}],\"ScrollToken\":\"\"}}", "not an id");
            sent.clear();
            refused("{\"Response\":{\"TaskSet\":[{\"TaskId\":{\"a\":1}}],\"ScrollToken\":\"\"}}", "not an id");
        }

        @Test
        void deepNestingAndHugeNumbersAreRefusedUnread() {
            refused("{\"Response\":" + "[".repeat(100_000) + "}", "nesting deeper than 64");
            sent.clear();
            refused("{\"Response\":{\"TaskSet\":[{\"TaskId\":1e2000000000}]}}", "not an id");
            sent.clear();
            refused("{\"Response\":{\"TotalCount\":" + "9".repeat(5_000) + "}}", "a number of 5000 characters");
        }

        @Test
        void aNineteenDigitIdStaysExact() {
            List<Task> listed = list(source(request -> reply("{\"Response\":{\"TaskSet\":[{\"TaskId\":"
                    + "1234567890123456789}],\"ScrollToken\":\"\"}}")), finished());

            assertThat(listed).extracting(Task::id).containsExactly("1234567890123456789");
        }
    }

    @Nested
    class ErrorsComeWithHttp200AndKeepTheRequestId {
        private static String error(String code) {
            return "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"provider says no\"},"
                    + "\"RequestId\":\"req-42\"}}";
        }

        @Test
        void authFailureIsAnAuthenticationError() {
            assertThatThrownBy(() -> list(source(request -> reply(error("AuthFailure.SecretIdNotFound"))), finished()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("AuthFailure.SecretIdNotFound")
                    .hasMessageContaining("req-42")
                    .hasMessageContaining("TENCENTCLOUD_SECRET_ID");
        }

        @Test
        void requestLimitExceededIsThrottled() {
            assertThatThrownBy(() -> list(source(request -> reply(error("RequestLimitExceeded.UinLimitExceeded"))),
                    finished()))
                    .isInstanceOf(ThrottledException.class)
                    .hasMessageContaining("req-42");
        }

        @Test
        void aThrottlingReplysRetryAfterIsKept() {
            assertThatThrownBy(() -> list(source(request -> HttpResponse.of(200, HttpHeaders.of("Content-Type",
                    "application/json", "Retry-After", "3"), error("RequestLimitExceeded"))), finished()))
                    .isInstanceOfSatisfying(ThrottledException.class, throttled ->
                            assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(3)));
        }

        @Test
        void anInvalidParameterIsAnInvalidQuery() {
            assertThatThrownBy(() -> list(source(request -> reply(error("InvalidParameterValue.Limit"))), finished()))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("req-42");
        }

        @Test
        void anAccountWithoutMpsIsToldToActivateIt() {
            assertThatThrownBy(() -> list(source(request -> reply(error("FailedOperation.InvalidMpsUser"))), finished()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("activate Media Processing Service")
                    .satisfies(error -> assertThat(((ProviderException) error).isRetryable()).isFalse());
        }

        @Test
        void internalErrorIsRetryable() {
            assertThatThrownBy(() -> list(source(request -> reply(error("InternalError"))), finished()))
                    .isInstanceOf(ProviderException.class)
                    .satisfies(error -> assertThat(((ProviderException) error).isRetryable()).isTrue());
        }
    }

    @Nested
    class SignatureExpireCorrectsTheClock {
        @Test
        void aClientTenMinutesBehindIsRefusedOnceThenSignsAtTheServersTime() {
            Clock server = Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
            List<EmulatedTask> tasks = SeededTasks.generate(5, 3, NOW, Duration.ofDays(1));
            try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of("AKIDEXAMPLE0123456789", "secret"),
                    server))) {
                MpsTaskSource source = emulated(emulator);

                List<Task> listed = sequential(source, server).list(finished()).stream().toList();

                assertThat(listed).isNotEmpty();
                assertThat(emulator.journal().requests()).extracting(request ->
                        request.headers().firstValue("X-TC-Timestamp").orElseThrow())
                        .containsExactly(Long.toString(NOW.getEpochSecond()),
                                Long.toString(NOW.plus(Duration.ofMinutes(10)).getEpochSecond()));
            }
        }
    }

    @Test
    void totalCountIsPassedOnWithEachPage() {
        MpsTaskSource source = source(request -> reply("{\"Response\":{\"TotalCount\":12,\"TaskSet\":[{"
                + "\"TaskId\":\"t1\",\"CreateTime\":\"2026-11-22T11:00:00Z\"}],\"ScrollToken\":\"\","
                + "\"RequestId\":\"r-1\"}}"));

        var page = sequential(source, CLOCK).list(finished()).pages().iterator().next();

        assertThat(page.totalCount()).hasValue(12);
        assertThat(page.items()).singleElement().satisfies(task -> assertThat(task.type()).isEqualTo("unknown"));
    }

    @Test
    void aWindowOlderThanSevenDaysIsRefusedBeforeAnyRequest() {
        MpsTaskSource source = source(request -> reply("{}"));
        TaskQuery query = TaskQuery.forSource(MpsTaskSource.describe()).createdAfter(NOW.minus(Duration.ofDays(8)))
                .build();

        assertThatThrownBy(() -> sequential(source, CLOCK).list(query))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("the last 7 days");
        assertThat(sent).isEmpty();
    }
}
