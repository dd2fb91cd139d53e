package dev.tasklens.benchmarks;

import dev.tasklens.baidu.vod.VodTaskSource;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.huawei.ies.IesTaskSource;
import dev.tasklens.huawei.koodrive.KooDriveTaskSource;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.source.TaskSource;
import dev.tasklens.tencent.cls.ClsTaskSource;
import dev.tasklens.tencent.mps.MpsTaskSource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one reply of 100 tasks per source: the adapter's {@code fetchPage} against a transport
 * that answers at once with a canned reply in the provider's format, so what is measured is
 * building and signing the request (a few microseconds) and decoding and mapping the reply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplyDecodingBenchmarks {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int TASKS = 100;

    private TaskSource mps;
    private TaskSource cls;
    private TaskSource vod;
    private TaskSource ies;
    private TaskSource kooDrive;
    private PageRequest mpsPage;
    private PageRequest clsPage;
    private PageRequest vodPage;
    private PageRequest iesPage;
    private PageRequest kooDrivePage;

    private static Resilience resilience() {
        return Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(CLOCK), duration -> { },
                () -> 0);
    }

    private static HttpResponse json(String body) {
        return HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"), body);
    }

    private static String repeat(java.util.function.IntFunction<String> item) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < TASKS; i++) {
            items.append(i == 0 ? "" : ",").append(item.apply(i));
        }
        return items.toString();
    }

    /** Builds the sources and their canned replies, each in its document's format. */
    @Setup
    public void setUp() {
        CredentialsProvider keys = CredentialsProvider.of(Credentials.of("AKIDEXAMPLE0123456789", "secret"));
        String mpsReply = "{\"Response\":{\"TotalCount\":100,\"TaskSet\":[" + repeat(i -> "{\"TaskId\":\"task-" + i
                + "\",\"TaskType\":\"WorkflowTask\",\"SubTaskTypes\":[\"action-trans\"],\"CreateTime\":"
                + "\"2026-11-22T10:57:15Z\",\"BeginProcessTime\":\"2026-11-22T10:57:16Z\",\"FinishTime\":"
                + "\"0000-00-00T00:00:00Z\"}") + "],\"ScrollToken\":\"\",\"RequestId\":\"r-1\"}}";
        mps = MpsTaskSource.builder().credentials(keys).transport(request -> json(mpsReply))
                .resilience(resilience()).build();
        mpsPage = new PageRequest(TaskQuery.forSource(mps.descriptor()).build(), PagePosition.start(), 100);

        String clsReply = "{\"tasks\":[" + repeat(i -> "{\"task_id\":\"ship-" + i + "\",\"shipper_id\":\"s1\","
                + "\"topic_id\":\"t1\",\"range_start\":\"2026-11-22 17:10:10\",\"range_end\":\"2026-11-22 18:10:10\","
                + "\"start_time\":\"2026-11-22 18:10:10\",\"end_time\":\"2026-11-22 18:12:10\",\"status\":\"success\","
                + "\"message\":\"success\"}") + "]}";
        cls = ClsTaskSource.builder().credentials(keys).transport(request -> json(clsReply))
                .resilience(resilience()).clock(CLOCK).region("ap-guangzhou").build();
        clsPage = new PageRequest(TaskQuery.forSource(cls.descriptor()).scope("shipper_id", "s1").build(),
                PagePosition.start(), 100);

        String vodReply = "{\"data\":[" + repeat(i -> "{\"taskId\":\"tsk-" + i + "\",\"mediaId\":\"mda-1\",\"type\":"
                + "\"WORKFLOW\",\"status\":\"FAILED\",\"createTime\":\"2026-11-22T06:08:41Z\",\"finishTime\":"
                + "\"2026-11-22T06:08:43Z\"}") + "],\"marker\":\"tsk-0\",\"nextMarker\":\"tsk-99\",\"isTruncated\":false}";
        vod = VodTaskSource.builder().credentials(keys).transport(request -> json(vodReply))
                .resilience(resilience()).clock(CLOCK).build();
        vodPage = new PageRequest(TaskQuery.forSource(vod.descriptor()).build(), PagePosition.start(), 100);

        String iesReply = "{\"offset\":0,\"limit\":100,\"count\":100,\"data\":[" + repeat(i -> "{\"task_id\":\"ies-" + i
                + "\",\"task_name\":\"import\",\"resource\":\"question\",\"task_type\":\"create\",\"operator\":\"op\","
                + "\"user_id\":\"u\",\"task_status\":\"SUCCEEDED\",\"total_count\":3,\"success_count\":3,"
                + "\"failure_count\":0,\"begin_time\":1763800000000,\"end_time\":\"1763800005000\"}") + "]}";
        ies = IesTaskSource.builder().credentials(keys).projectId("p1").transport(request -> json(iesReply))
                .resilience(resilience()).clock(CLOCK).build();
        iesPage = new PageRequest(TaskQuery.forSource(ies.descriptor()).build(), PagePosition.start(), 100);

        String kooDriveReply = "{\"taskListDtos\":[" + repeat(i -> "{\"taskId\":" + (1486254586942472064L + i)
                + ",\"taskName\":\"ceshi\",\"taskType\":0,\"status\":2,\"createTime\":\"2024-08-12T07:22:33.000Z\"}")
                + "],\"nextCursor\":1723549107000,\"code\":0,\"msg\":\"Success.\"}";
        kooDrive = KooDriveTaskSource.builder().credentials("token", "user").transport(request -> json(kooDriveReply))
                .resilience(resilience()).clock(CLOCK).build();
        kooDrivePage = new PageRequest(TaskQuery.forSource(kooDrive.descriptor()).build(), PagePosition.start(), 100);
    }

    /**
     * MPS {@code DescribeTasks}.
     *
     * @return the page
     */
    @Benchmark
    public ProviderPage<Task> mps() {
        return mps.fetchPage(mpsPage);
    }

    /**
     * CLS shipping tasks.
     *
     * @return the page
     */
    @Benchmark
    public ProviderPage<Task> cls() {
        return cls.fetchPage(clsPage);
    }

    /**
     * Baidu VOD tasks.
     *
     * @return the page
     */
    @Benchmark
    public ProviderPage<Task> vod() {
        return vod.fetchPage(vodPage);
    }

    /**
     * Huawei MetaStudio tasks.
     *
     * @return the page
     */
    @Benchmark
    public ProviderPage<Task> ies() {
        return ies.fetchPage(iesPage);
    }

    /**
     * Huawei KooDrive tasks.
     *
     * @return the page
     */
    @Benchmark
    public ProviderPage<Task> kooDrive() {
        return kooDrive.fetchPage(kooDrivePage);
    }
}
