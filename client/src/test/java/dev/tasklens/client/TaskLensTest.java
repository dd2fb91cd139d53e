package dev.tasklens.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.tencent.TencentModule;
import dev.tasklens.tencent.TencentSettings;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.tencent.ClsApi;
import dev.tasklens.emulators.tencent.MpsApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskLensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ID = "AKIDEXAMPLE0123456789";
    private static final String KEY = "example-secret";

    @Test
    void createFindsTheAdaptersOnTheClassPath() {
        try (TaskLens lens = TaskLens.create()) {
            assertThat(lens.sources()).extracting(SourceDescriptor::id)
                    .contains(SourceId.TENCENT_MPS, SourceId.TENCENT_CLS);
        }
    }

    @Test
    void anAdapterAddedToTheClassPathJoinsWithNoChangeHere() {
        try (TaskLens lens = TaskLens.create()) {
            assertThat(lens.source(ExtraAdapterModule.ID)).isPresent();
            assertThat(lens.list(TaskQuery.forSource(ExtraAdapterModule.ID).build()).stream().toList())
                    .extracting(Task::id).containsExactly("x-1");
        }
    }

    @Test
    void anUnknownSourceIsRefusedNamingTheKnownOnes() {
        try (TaskLens lens = TaskLens.create()) {
            assertThatThrownBy(() -> lens.list(TaskQuery.forSource(SourceId.BAIDU_VOD).build()))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("no adapter on the class path provides this source")
                    .hasMessageContaining("tencent.mps");
        }
    }

    @Test
    void severalSourcesAtOnceAndOneFailingDoesNotLoseTheOthers() {
        List<EmulatedTask> tasks = SeededTasks.generate(8, 30, NOW, Duration.ofDays(1));
        Map<String, String> keys = Map.of(ID, KEY);
        try (Emulator mps = Emulator.start(new MpsApi(tasks, keys, CLOCK));
                Emulator cls = Emulator.start(new ClsApi(tasks, keys, CLOCK),
                        FaultPlan.seeded(1, 1.0, new Fault.Throttle()))) {
            HttpTransport routed = request -> (request.uri().getPort() == mps.baseUri().getPort() ? mps : cls)
                    .inMemoryTransport(Duration.ofSeconds(1)).send(request);
            TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                    Optional.of(URI.create(mps.baseUri() + "/")), Optional.empty(), Optional.of(cls.baseUri()));
            // One attempt: a throttled source fails at once instead of retrying until the deadline.
            try (TaskLens lens = TaskLens.builder().transport(routed).clock(CLOCK)
                    .retryPolicy(RetryPolicy.none()).sleeper(duration -> { })
                    .module(new TencentModule(settings)).build()) {
                MultiListing listing = lens.listAll(List.of(
                        TaskQuery.forSource(SourceId.TENCENT_MPS).build(),
                        TaskQuery.forSource(SourceId.TENCENT_CLS).scope("shipper_id", "s").build()));

                List<Task> listed = listing.sortedByCreationTime();

                assertThat(listed).hasSize(30).allSatisfy(task -> assertThat(task.source()).isEqualTo(SourceId.TENCENT_MPS));
                assertThat(listed).isSortedAccordingTo((a, b) -> b.createdAt().orElseThrow()
                        .compareTo(a.createdAt().orElseThrow()));
                assertThat(listing.failures()).containsOnlyKeys(SourceId.TENCENT_CLS);
                assertThat(listing.failures().get(SourceId.TENCENT_CLS)).isInstanceOf(ThrottledException.class);
            }
        }
    }

    @Test
    void aWatchPositionIsBoundToItsScope() {
        List<EmulatedTask> tasks = SeededTasks.generate(8, 5, NOW, Duration.ofDays(1));
        try (Emulator cls = Emulator.start(new ClsApi(tasks, Map.of(ID, KEY), CLOCK))) {
            TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                    Optional.empty(), Optional.empty(), Optional.of(cls.baseUri()));
            try (TaskLens lens = TaskLens.builder().transport(cls.inMemoryTransport(Duration.ofSeconds(5)))
                    .clock(CLOCK).sleeper(duration -> { }).module(new TencentModule(settings)).build()) {
                String position;
                try (TaskWatch watch = lens.watch(WatchQuery.forSource(SourceId.TENCENT_CLS).scope("shipper_id", "a")
                        .build())) {
                    TaskWatch.PollResult first = watch.polls().iterator().next();
                    assertThat(first.changes()).hasSize(5);
                    watch.handled(first);
                    position = watch.position();
                }
                // The same shipper resumes; another shipper's watch refuses the position.
                lens.watch(WatchQuery.forSource(SourceId.TENCENT_CLS).scope("shipper_id", "a").resumeFrom(position)
                        .build()).close();
                assertThatThrownBy(() -> lens.watch(WatchQuery.forSource(SourceId.TENCENT_CLS)
                        .scope("shipper_id", "b").resumeFrom(position).build()))
                        .isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("another source, endpoint, account or scope");
            }
        }
    }

    private static long liveListThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("tasklens-list") && thread.isAlive()).count();
    }

    @Test
    void aMultiListingFetchesOnlyOnePageAheadOfTheConsumerAndItsThreadsEnd() throws InterruptedException {
        List<EmulatedTask> tasks = SeededTasks.generate(9, 400, NOW, Duration.ofDays(1));
        Map<String, String> keys = Map.of(ID, KEY);
        try (Emulator mps = Emulator.start(new MpsApi(tasks, keys, CLOCK))) {
            TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                    Optional.of(URI.create(mps.baseUri() + "/")), Optional.empty(), Optional.empty());
            try (TaskLens lens = TaskLens.builder().transport(mps.inMemoryTransport(Duration.ofSeconds(1)))
                    .clock(CLOCK).module(new TencentModule(settings)).build()) {
                for (int round = 0; round < 3; round++) {
                    List<Task> five = lens.listAll(List.of(TaskQuery.forSource(SourceId.TENCENT_MPS).pageSize(10)
                            .build())).stream().limit(5).toList();
                    assertThat(five).hasSize(5);
                }
                // The engine's bound counts pages, not timing: in each walk-away the listing took two
                // pages (the one read and the one it holds), at most as many more are out ahead, and each
                // of the four status partitions may drop its first page when it is cut into slices.
                int perWalkAway = 2 + 2 + 4;
                assertThat(mps.journal().size()).isLessThanOrEqualTo(3 * perWalkAway);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (liveListThreads() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(liveListThreads()).isZero();
            }
        }
    }

    @Test
    void aListingUsedAfterCloseFailsAtOnceSayingSo() {
        TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                Optional.empty(), Optional.empty(), Optional.empty());
        TaskLens lens = TaskLens.builder().clock(CLOCK).module(new TencentModule(settings)).build();
        dev.tasklens.domain.paging.Pager<Task> pager = lens.list(TaskQuery.forSource(SourceId.TENCENT_MPS).build());

        lens.close();

        long started = System.nanoTime();
        assertThatThrownBy(() -> pager.stream().toList())
                .isInstanceOf(dev.tasklens.domain.TransportException.class)
                .hasMessageContaining("transport is closed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aTransportPassedInIsUsedAndLeftOpen() {
        boolean[] used = {false};
        HttpTransport transport = new HttpTransport() {
            @Override
            public HttpResponse send(HttpRequest request) {
                used[0] = true;
                return HttpResponse.of(200, dev.tasklens.ports.http.HttpHeaders.empty(),
                        "{\"Response\":{\"TaskSet\":[],\"ScrollToken\":\"\",\"RequestId\":\"r\"}}");
            }

            @Override
            public void close() {
                throw new AssertionError("the caller's transport must stay open");
            }
        };
        TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                Optional.empty(), Optional.empty(), Optional.empty());
        try (TaskLens lens = TaskLens.builder().transport(transport).clock(CLOCK).module(new TencentModule(settings))
                .build()) {
            assertThat(lens.list(TaskQuery.forSource(SourceId.TENCENT_MPS).build()).stream().toList()).isEmpty();
        }
        assertThat(used[0]).isTrue();
    }
}
