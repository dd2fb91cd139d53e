package dev.tasklens.benchmarks;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.emulators.sandbox.Sandbox;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.listing.ListTasks;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.tencent.TencentSettings;
import dev.tasklens.tencent.mps.MpsTaskSource;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing a whole account from each source's emulator over loopback: {@value #TASKS} tasks, every
 * reply held back {@value #LATENCY_MS} ms, pages of 100. One op lists everything once; its time is
 * turned into tasks per second by {@link ListingBenchmarkReport}.
 *
 * <ul>
 *   <li>{@code tasklens}: our listing at the default concurrency ({@value Concurrency#DEFAULT_PAGES}
 *       pages in flight), with no rate limit ({@code rate=unlimited}) or at the provider's documented
 *       one ({@code rate=documented}: MPS 100 requests/s; the others document none).</li>
 *   <li>{@code officialSdk}: tencentcloud-sdk-java's {@code MpsClient}, the loop its users write:
 *       {@code DescribeTasks} for WAITING, PROCESSING and FINISH one after another, each scroll
 *       token followed to its end.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ListingBenchmarks {

    /** Tasks per source. */
    public static final int TASKS = 100_000;
    /** Added to every reply. */
    public static final int LATENCY_MS = 50;
    /** Tasks per request. */
    public static final int PAGE_SIZE = 100;

    /** The source listed by {@link #tasklens}. */
    @Param({"tencent.mps", "baidu.vod", "huawei.ies", "huawei.koodrive"})
    public String source;

    /** {@code unlimited}, or {@code documented}: the provider's documented rate limit. */
    @Param({"unlimited", "documented"})
    public String rate;

    private Sandbox sandbox;
    private TaskLens lens;
    private JdkHttpTransport transport;
    private ListTasks listing;
    private TaskQuery query;
    private OfficialMpsLoop sdk;

    /** Starts the source's emulator and our listing of it. */
    @Setup(Level.Trial)
    public void start() {
        Clock clock = Clock.systemUTC();
        sandbox = Sandbox.builder().only(Set.of(source)).tasks(TASKS).latency(Duration.ofMillis(LATENCY_MS))
                .clock(clock).start();
        URI endpoint = sandbox.endpoints().get(source);
        transport = JdkHttpTransport.create();
        lens = TaskLens.builder().environment(sandbox.environment()).endpoint(SourceId.of(source), endpoint)
                .transport(transport).clock(clock).build();
        listing = lens::list;
        Optional<Credentials> tencentKeys = TencentSettings.fromEnvironment(sandbox.environment()).credentials()
                .credentials();
        if (source.equals("tencent.mps") && rate.equals("unlimited")) {
            // TaskLens paces MPS at its documented 100 requests/s; the same source without a limit.
            MpsTaskSource mps = MpsTaskSource.builder().endpoint(endpoint)
                    .credentials(CredentialsProvider.of(tencentKeys.orElseThrow())).transport(transport)
                    .resilience(Resilience.of(RetryPolicy.defaults(), RateLimiter.unlimited(), new ClockSkew(clock),
                            Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble()))
                    .build();
            listing = SourceListing.of(mps, clock).withConcurrency(Concurrency.of(Concurrency.DEFAULT_PAGES))::list;
        }
        TaskQuery.Builder builder = TaskQuery.forSource(lens.source(SourceId.of(source)).orElseThrow())
                .pageSize(PAGE_SIZE);
        sandbox.scopes().getOrDefault(source, Map.of()).forEach(builder::scope);
        if (source.equals("huawei.ies")) {
            // ies keeps no documented lookback: a window is what lets it split.
            builder.createdAfter(clock.instant().minus(Duration.ofDays(7)));
        }
        query = builder.build();
        if (source.equals("tencent.mps")) {
            sdk = new OfficialMpsLoop(endpoint, tencentKeys.orElseThrow(), PAGE_SIZE);
        }
    }

    /** Stops the emulator. */
    @TearDown(Level.Trial)
    public void stop() {
        lens.close();
        transport.close();
        sandbox.close();
    }

    /** The requests one listing sent, reported by JMH beside its time (a provider may send partial pages). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Requests {
        /** Requests sent in the iteration. */
        public long requests;

        /** Starts each iteration at zero. */
        @Setup(Level.Iteration)
        public void reset() {
            requests = 0;
        }
    }

    /**
     * Our listing of every task.
     *
     * @param sent counts the requests
     * @return how many tasks came
     */
    @Benchmark
    public long tasklens(Requests sent) {
        var pager = listing.list(query);
        long count = pager.stream().count();
        sent.requests += pager.fetches();
        if (count != TASKS) {
            throw new IllegalStateException(source + " listed " + count + " of " + TASKS + " tasks");
        }
        return count;
    }

    /**
     * The official SDK's loop over MPS (run with {@code source=tencent.mps} only).
     *
     * @param sent counts the requests
     * @return how many tasks came
     * @throws TencentCloudSDKException if a request fails
     */
    @Benchmark
    public long officialSdk(Requests sent) throws TencentCloudSDKException {
        long count = sdk.listAll(() -> sent.requests++);
        if (count != TASKS) {
            throw new IllegalStateException("the official SDK listed " + count + " of " + TASKS + " tasks");
        }
        return count;
    }
}
