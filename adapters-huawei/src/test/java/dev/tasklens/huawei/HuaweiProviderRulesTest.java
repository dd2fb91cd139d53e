package dev.tasklens.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.huawei.ies.IesTaskSource;
import dev.tasklens.huawei.koodrive.KooDriveTaskSource;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of seeds 002 and 003 and of Huawei's gateway errors, one nested class each. */
class HuaweiProviderRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<HttpRequest> sent = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    private Resilience resilience(RetryPolicy policy) {
        return Resilience.of(policy, RateLimiter.unlimited(), new ClockSkew(CLOCK), waits::add, () -> 0);
    }

    private static HttpResponse json(int status, String body) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "application/json", "X-Request-Id", "req-9",
                "Date", "Sun, 22 Nov 2026 12:30:00 GMT"), body);
    }

    private static List<Task> list(dev.tasklens.ports.source.TaskSource source, TaskQuery query) {
        return SourceListing.of(source, CLOCK).withConcurrency(Concurrency.sequential()).list(query).stream().toList();
    }

    @Nested
    class MetaStudioSearchTask {
        private IesTaskSource ies(Function<HttpRequest, HttpResponse> provider, RetryPolicy policy) {
            return IesTaskSource.builder()
                    .credentials(CredentialsProvider.of(Credentials.of("HPUAEXAMPLE0123456789", "secret")))
                    .projectId("p1")
                    .transport(request -> {
                        sent.add(request);
                        return provider.apply(request);
                    })
                    .resilience(resilience(policy))
                    .clock(CLOCK)
                    .build();
        }

        private TaskQuery query() {
            return TaskQuery.forSource(IesTaskSource.describe()).pageSize(2).build();
        }

        private String dto(String id, String status, String beginTime, int failures) {
            return "{\"task_id\":\"" + id + "\",\"task_status\":\"" + status + "\",\"begin_time\":" + beginTime
                    + ",\"total_count\":3,\"success_count\":" + (3 - failures) + ",\"failure_count\":" + failures + "}";
        }

        @Test
        void offsetIsSentAsAPageNumberWithTheProjectSignedAndTheRegionsHost() {
            list(ies(request -> json(200, "{\"offset\":" + (request.uri().getQuery().contains("offset=0") ? 0 : 1)
                    + ",\"limit\":2,\"count\":3,\"data\":[" + (request.uri().getQuery().contains("offset=0")
                    ? dto("a", "RUNNING", "1763800000000", 0) + "," + dto("b", "RUNNING", "1763800000001", 0)
                    : dto("c", "RUNNING", "1763800000002", 0)) + "]}"), RetryPolicy.none()), query());

            assertThat(sent).extracting(request -> request.uri().getQuery())
                    .containsExactly("offset=0&limit=2", "offset=1&limit=2");
            assertThat(sent.get(0).uri().getHost()).isEqualTo("metastudio.cn-north-4.myhuaweicloud.com");
            assertThat(sent.get(0).uri().getPath()).isEqualTo("/v2/p1/ies/task");
            assertThat(sent.get(0).headers().firstValue("X-Project-Id")).contains("p1");
            assertThat(sent.get(0).headers().firstValue("Authorization").orElseThrow()).contains("x-project-id");
        }

        @Test
        void aListEndingShortOfItsCountFailsNamingTheOffsetRule() {
            assertThatThrownBy(() -> list(ies(request -> json(200, "{\"offset\":0,\"limit\":2,\"count\":5,\"data\":["
                    + dto("a", "RUNNING", "1", 0) + "]}"), RetryPolicy.none()), query()))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("ended at 1 of the 5").hasMessageContaining("page number");
        }

        @Test
        void aCountOrAFailureCountOutOfRangeOrFractionalIsMalformedNeverWrapped() {
            // 2^64 read as a long wraps to 0: a failed task would show as succeeded; 2^64+1 would read as 1.
            for (String page : List.of(
                    "{\"offset\":0,\"limit\":2,\"count\":1,\"data\":[" + dto("a", "SUCCEEDED", "1", 0)
                            .replace("\"failure_count\":0", "\"failure_count\":18446744073709551616") + "]}",
                    "{\"offset\":0,\"limit\":2,\"count\":18446744073709551617,\"data\":[]}",
                    "{\"offset\":0,\"limit\":2,\"count\":1.9,\"data\":[" + dto("a", "RUNNING", "1", 0) + "]}",
                    "{\"offset\":0,\"limit\":2,\"count\":1e2000000000,\"data\":[]}")) {
                sent.clear();
                assertThatThrownBy(() -> list(ies(request -> json(200, page), RetryPolicy.none()), query()))
                        .as(page).isInstanceOf(MalformedResponseException.class);
                assertThat(sent).as("a malformed reply is not asked for again").hasSize(1);
            }
        }

        @Test
        void anEchoedOffsetOtherThanTheOneSentFailsNamingTheRule() {
            assertThatThrownBy(() -> list(ies(request -> json(200, "{\"offset\":7,\"limit\":2,\"count\":5,\"data\":[]}"),
                    RetryPolicy.none()), query()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("echoes offset 7");
        }

        @Test
        void beginTimeAsANumberOrAStringAndAFinishedTaskWithFailuresIsFailed() {
            List<Task> listed = list(ies(request -> json(200, "{\"offset\":0,\"limit\":2,\"count\":2,\"data\":["
                    + dto("a", "SUCCEEDED", "1744276967708", 1) + "," + dto("b", "SUCCESS", "\"1744276967708\"", 0)
                    + "]}"), RetryPolicy.none()), query());

            assertThat(listed).extracting(Task::createdAt).containsOnly(java.util.Optional.of(
                    Instant.ofEpochMilli(1_744_276_967_708L)));
            assertThat(listed.get(0).status()).isEqualTo(TaskStatus.FAILED);
            assertThat(listed.get(0).rawStatus()).isEqualTo("SUCCEEDED");
            assertThat(listed.get(0).message()).contains("1 of 3 items failed");
            assertThat(listed.get(0).attributes()).containsEntry("failure_count", "1").containsEntry("total_count", "3");
            assertThat(listed.get(1).status()).isEqualTo(TaskStatus.SUCCEEDED);
        }

        @Test
        void aRefusedSignatureIsNeverRetriedSinceTheGatewayLocksTheKey() {
            assertThatThrownBy(() -> list(ies(request -> json(401, "{\"error_code\":\"APIG.0301\",\"error_msg\":"
                    + "\"Incorrect IAM authentication information: verify aksk signature fail\",\"request_id\":\"r1\"}"),
                    RetryPolicy.defaults()), query()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("locks the AK");
            assertThat(sent).hasSize(1);
        }

        @Test
        void signatureExpiredIsOneClockSkewCorrection() {
            int[] calls = {0};
            list(ies(request -> calls[0]++ == 0 ? json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":"
                    + "\"calc aksk signature fail:signature expired\"}")
                    : json(200, "{\"offset\":0,\"limit\":2,\"count\":0,\"data\":[]}"), RetryPolicy.none()), query());

            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).headers().firstValue("X-Sdk-Date")).contains("20261122T123000Z");
        }

        @Test
        void throttlingWaitsAtLeastTwoSeconds() {
            int[] calls = {0};
            list(ies(request -> calls[0]++ == 0 ? json(429, "{\"error_code\":\"APIG.0308\",\"error_msg\":\"over\"}")
                    : json(200, "{\"offset\":0,\"limit\":2,\"count\":0,\"data\":[]}"), RetryPolicy.defaults()), query());

            assertThat(waits).containsExactly(Duration.ofSeconds(2));
            sent.clear();
            assertThatThrownBy(() -> list(ies(request -> json(429, "{\"error_code\":\"APIG.0308\"}"),
                    RetryPolicy.none()), query())).isInstanceOf(ThrottledException.class);
        }

        @Test
        void anIllegalParameterIsAnInvalidQueryAndAMissingProjectSaysWhatToSet() {
            assertThatThrownBy(() -> list(ies(request -> json(400, "{\"error_code\":\"MSS.000000003\",\"error_msg\":"
                    + "\"illegal parameter\"}"), RetryPolicy.none()), query()))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("illegal parameter");
            IesTaskSource noProject = IesTaskSource.builder()
                    .credentials(CredentialsProvider.of(Credentials.of("HPUAEXAMPLE0123456789", "secret")))
                    .transport(request -> {
                        throw new AssertionError("no request expected");
                    })
                    .resilience(resilience(RetryPolicy.none()))
                    .build();
            assertThatThrownBy(() -> list(noProject, query())).isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("HUAWEICLOUD_SDK_PROJECT_ID");
        }

        @Test
        void anIamTokenIsSentInsteadOfASignature() {
            IesTaskSource token = IesTaskSource.builder()
                    .credentials(java.util.Optional::empty)
                    .iamToken("MIIT-token")
                    .projectId("p1")
                    .transport(request -> {
                        sent.add(request);
                        return json(200, "{\"offset\":0,\"limit\":2,\"count\":0,\"data\":[]}");
                    })
                    .resilience(resilience(RetryPolicy.none()))
                    .build();

            list(token, query());

            assertThat(sent.get(0).headers().firstValue("X-Auth-Token")).contains("MIIT-token");
            assertThat(sent.get(0).headers().firstValue("Authorization")).isEmpty();
        }
    }

    @Nested
    class KooDriveTaskList {
        private KooDriveTaskSource kooDrive(Function<HttpRequest, HttpResponse> provider) {
            return KooDriveTaskSource.builder()
                    .credentials("at-secret-token", "u-1")
                    .transport(request -> {
                        sent.add(request);
                        return provider.apply(request);
                    })
                    .resilience(resilience(RetryPolicy.none()))
                    .clock(CLOCK)
                    .build();
        }

        private TaskQuery query() {
            return TaskQuery.forSource(KooDriveTaskSource.describe()).build();
        }

        @Test
        void theDocumentsOwnExampleIsRead() {
            // Seed 003's example reply, verbatim: taskListDtos, a numeric nextCursor and code.
            int[] calls = {0};
            List<Task> listed = list(kooDrive(request -> json(200, calls[0]++ == 0
                    ? "{ \"taskListDtos\" : [ { \"taskId\" : \"1486254586942472064\", \"taskName\" : \"ceshi1111\","
                            + " \"taskType\" : 0, \"status\" : 2, \"createTime\" : \"2024-08-12T07:22:33.000Z\" }, {"
                            + " \"taskId\" : \"1486368980720435072\", \"taskName\" : \"ceshi4\", \"taskType\" : 0,"
                            + " \"status\" : 2, \"createTime\" : \"2024-08-12T11:09:50.000Z\" } ], \"nextCursor\" :"
                            + " 1723549107000, \"code\" : 0, \"msg\" : \"Success.\" }"
                    : "{\"taskList\":[],\"code\":\"0\",\"msg\":\"Success.\"}")), query());

            assertThat(listed).extracting(Task::id).containsExactly("1486254586942472064", "1486368980720435072");
            assertThat(listed).extracting(Task::status).containsOnly(TaskStatus.SUCCEEDED);
            assertThat(sent.get(1).uri().getQuery()).contains("pageCursor=1723549107000");
            assertThat(sent.get(0).headers().firstValue("Authorization")).contains("Bearer+at-secret-token");
            assertThat(sent.get(0).headers().firstValue("X-User-Id")).contains("u-1");
            assertThat(sent.get(0).headers().firstValue("X-Date")).contains("20261122T120000Z");
            assertThat(sent.get(0).headers().firstValue("X-Traceid").orElseThrow()).hasSize(58)
                    .isNotEqualTo(sent.get(1).headers().firstValue("X-Traceid").orElseThrow());
        }

        @Test
        void aStatusOutOfRangeOrWithAnExponentIsMalformedNeverAStatus() {
            // 4294967298 wraps to 2 (SUCCEEDED) as an int; 1e999999999 truncates to 0 (PENDING).
            for (String status : List.of("4294967298", "1e999999999", "2.5", "1e0")) {
                assertThatThrownBy(() -> list(kooDrive(request -> json(200, "{\"taskList\":[{\"taskId\":\"1\","
                        + "\"status\":" + status + "}],\"code\":0}")), query()))
                        .as(status).isInstanceOf(MalformedResponseException.class);
            }
        }

        @Test
        void aNineteenDigitIdSentAsANumberStaysExact() {
            List<Task> listed = list(kooDrive(request -> json(200, "{\"taskList\":[{\"taskId\":1534087020903704704,"
                    + "\"status\":3,\"resultCode\":\"18000012\"}],\"code\":0}")), query());

            assertThat(listed.get(0).id()).isEqualTo("1534087020903704704");
            assertThat(listed.get(0).status()).isEqualTo(TaskStatus.FAILED);
            assertThat(listed.get(0).message()).contains("resultCode 18000012");
        }

        @Test
        void emptyAndShortPagesBeforeTheEndAreFollowedAndOnlyAnAbsentCursorEnds() {
            int[] calls = {0};
            List<Task> listed = list(kooDrive(request -> json(200, switch (calls[0]++) {
                case 0 -> "{\"taskList\":[],\"nextCursor\":\"c1\",\"code\":0}";
                case 1 -> "{\"taskList\":[{\"taskId\":\"1\",\"status\":0}],\"nextCursor\":\"c2\",\"code\":0}";
                case 2 -> "{\"taskList\":[],\"nextCursor\":\"\",\"code\":0}";
                default -> throw new AssertionError("an empty nextCursor ends the list");
            })), query());

            assertThat(listed).extracting(Task::id).containsExactly("1");
            assertThat(sent).hasSize(3);
        }

        @Test
        void aNonZeroCodeWithHttp200IsAnErrorCarryingItsMessage() {
            assertThatThrownBy(() -> list(kooDrive(request -> json(200, "{\"code\":13000102,\"msg\":\"parameter"
                    + " verification failed\"}")), query()))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("parameter verification failed");
        }

        @Test
        void aReplyWithoutItsListIsMalformedAndStatusesArePushedDownAsRepeatedKeys() {
            assertThatThrownBy(() -> list(kooDrive(request -> json(200, "{\"code\":0,\"msg\":\"ok\"}")),
                    query().toBuilder().status(TaskStatus.FAILED).status(TaskStatus.PENDING).build()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no taskList");
            assertThat(sent.get(0).uri().getQuery()).contains("status=0", "status=3").startsWith("pageSize=100");
        }

        @Test
        void theTokenNeverAppearsInAnError() {
            assertThatThrownBy(() -> list(kooDrive(request -> json(401, "{\"error_code\":\"APIGW.0301\","
                    + "\"error_msg\":\"bad token at-secret-token\"}")), query()))
                    .isInstanceOf(AuthenticationException.class).hasMessageNotContaining("at-secret-token")
                    .hasMessageContaining("KOODRIVE_ACCESS_TOKEN");
        }
    }
}
