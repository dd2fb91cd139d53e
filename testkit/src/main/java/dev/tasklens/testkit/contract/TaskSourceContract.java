package dev.tasklens.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.Marker;
import dev.tasklens.domain.PageSizeLimits;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.domain.paging.Pager;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.faults.HostileReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * The provider contract suite. A provider proves its {@code TaskSource} by extending this class
 * and implementing {@link #subject}: wire the source to the provider's emulator, serving the
 * given tasks with the given faults, and run its requests through {@link Wiring#resilience()}.
 *
 * <p>Every test starts a fresh emulator. The data is seeded ({@link #seed()}), so a failure
 * replays. What the suite checks: every task exactly once for several page sizes; status and
 * time filters give exactly the matching tasks, pushed down or not; page-size limits are
 * enforced before any request; a listing resumes from its token in a fresh source; failures are
 * typed (authentication, throttling retried then given up, server errors retried, malformed
 * replies); a repeated page token stops the listing; and a listing survives a seeded fault plan
 * with nothing lost and nothing duplicated.
 */
@Timeout(60)
public abstract class TaskSourceContract {

    private static final int TASKS = 57;

    /** For subclasses, one per provider source under test. */
    protected TaskSourceContract() {
    }

    /**
     * The source under test, wired to its emulator.
     *
     * @param tasks the tasks the emulator must serve
     * @param faults the faults the emulator must inject
     * @param wiring the clock, retry policy and credentials to use
     * @return the subject; the suite closes it
     */
    protected abstract ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring);

    /**
     * The time the suite runs at (the emulator's and the source's clock).
     *
     * @return a fixed instant
     */
    protected Instant now() {
        return Instant.parse("2026-11-22T12:00:00Z");
    }

    /**
     * The seed of the task data.
     *
     * @return the seed
     */
    protected long seed() {
        return 20261122L;
    }

    private Clock clock() {
        return Clock.fixed(now(), ZoneOffset.UTC);
    }

    private List<EmulatedTask> tasks(SourceDescriptor descriptor) {
        return tasks(descriptor, TASKS);
    }

    private List<EmulatedTask> tasks(SourceDescriptor descriptor, int count) {
        Duration window = descriptor.lookback().map(days -> days.minusHours(1)).orElse(Duration.ofDays(2));
        return SeededTasks.generate(seed(), count, now(), window.compareTo(Duration.ofDays(2)) < 0 ? window
                : Duration.ofDays(2));
    }

    /** Runs a test body against a fresh subject, closing it afterwards. */
    private interface Body {
        void run(ContractSubject subject, List<EmulatedTask> tasks, Wiring wiring) throws Exception;
    }

    private void with(FaultPlan faults, Wiring wiring, Body body) throws Exception {
        List<EmulatedTask> tasks;
        try (ContractSubject probe = subject(List.of(), FaultPlan.none(), wiring)) {
            tasks = tasks(probe.source().descriptor());
        }
        try (ContractSubject subject = subject(tasks, faults, wiring)) {
            body.run(subject, tasks, wiring);
        }
    }

    private List<String> ids(ContractSubject subject, TaskQuery query) {
        return SourceListing.of(subject.source(), clock()).list(query).stream().map(Task::id)
                .collect(Collectors.toList());
    }

    private static List<String> idsOf(List<EmulatedTask> tasks) {
        return tasks.stream().map(EmulatedTask::id).collect(Collectors.toList());
    }

    private static void assertExactlyOnce(List<String> listed, List<String> expected) {
        assertThat(listed).as("tasks listed (each exactly once)").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyTaskIsListedExactlyOnceForSeveralPageSizes() throws Exception {
        with(FaultPlan.none(), Wiring.of(clock()), (subject, tasks, wiring) -> {
            PageSizeLimits limits = subject.source().descriptor().paging().pageSize();
            List<Optional<Integer>> sizes = limits.isSettable()
                    ? List.of(Optional.empty(), Optional.of(1), Optional.of(7), Optional.of(limits.maxSize()))
                    : List.of(Optional.empty());
            for (Optional<Integer> size : sizes) {
                TaskQuery.Builder query = subject.queries().get();
                size.ifPresent(query::pageSize);
                assertExactlyOnce(ids(subject, query.build()), idsOf(tasks));
            }
        });
    }

    @Test
    void aStatusFilterGivesExactlyTheTasksInThatStatus() throws Exception {
        with(FaultPlan.none(), Wiring.of(clock()), (subject, tasks, wiring) -> {
            for (TaskStatus status : List.of(TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUCCEEDED,
                    TaskStatus.FAILED)) {
                List<String> expected = tasks.stream().filter(task -> task.status() == status)
                        .map(EmulatedTask::id).collect(Collectors.toList());
                assertThat(ids(subject, subject.queries().get().status(status).build()))
                        .as("tasks listed with status %s", status).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        });
    }

    @Test
    void aStatusFilterFindsItsTasksPastMoreThanAHundredPagesOfOthers() throws Exception {
        // The newest and the oldest task failed, the many between them succeeded. Listed one task a page,
        // a source that filters statuses itself reads more pages in a row than the no-progress guard's
        // limit without a wanted task; each brings a task never met before, so it is followed to the end.
        int count = Pager.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS + 20;
        Wiring wiring = Wiring.of(clock());
        List<EmulatedTask> tasks = new ArrayList<>();
        try (ContractSubject probe = subject(List.of(), FaultPlan.none(), wiring)) {
            List<EmulatedTask> generated = tasks(probe.source().descriptor(), count);
            for (int i = 0; i < count; i++) {
                EmulatedTask task = generated.get(i);
                Instant started = task.startedAt().orElse(task.createdAt());
                tasks.add(task.movedTo(i == 0 || i == count - 1 ? TaskStatus.FAILED : TaskStatus.SUCCEEDED,
                        Optional.of(started), Optional.of(task.finishedAt().orElse(started))));
            }
        }
        try (ContractSubject subject = subject(tasks, FaultPlan.none(), wiring)) {
            TaskQuery.Builder query = subject.queries().get().status(TaskStatus.FAILED);
            if (subject.source().descriptor().paging().pageSize().isSettable()) {
                query.pageSize(1);
            }

            assertExactlyOnce(ids(subject, query.build()), List.of(tasks.get(0).id(), tasks.get(count - 1).id()));
        }
    }

    @Test
    void aTimeWindowGivesExactlyTheTasksCreatedInIt() throws Exception {
        with(FaultPlan.none(), Wiring.of(clock()), (subject, tasks, wiring) -> {
            Instant from = tasks.get(tasks.size() * 2 / 3).createdAt();
            Instant to = tasks.get(tasks.size() / 3).createdAt();
            List<String> expected = tasks.stream()
                    .filter(task -> !task.createdAt().isBefore(from) && task.createdAt().isBefore(to))
                    .map(EmulatedTask::id).collect(Collectors.toList());
            assertThat(expected).isNotEmpty();

            assertExactlyOnce(ids(subject, subject.queries().get().createdBetween(from, to).build()), expected);
        });
    }

    @Test
    void aPageSizeAboveTheMaximumIsRefusedBeforeAnyRequest() throws Exception {
        with(FaultPlan.none(), Wiring.of(clock()), (subject, tasks, wiring) -> {
            PageSizeLimits limits = subject.source().descriptor().paging().pageSize();
            if (!limits.isSettable()) {
                return; // one reply holds everything: no page size to exceed
            }
            // Refused when the query is built with the source's rules, or at the latest when listed.
            assertThatThrownBy(() -> SourceListing.of(subject.source(), clock())
                    .list(subject.queries().get().pageSize(limits.maxSize() + 1).build()))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("above the maximum " + limits.maxSize());
            assertThat(subject.journal().size()).isZero();
        });
    }

    @Test
    void aListingResumesFromItsPrintedTokenInANewListing() throws Exception {
        Wiring wiring = Wiring.of(clock());
        List<String> first = new ArrayList<>();
        Optional<PageToken> token;
        List<EmulatedTask> tasks;
        try (ContractSubject probe = subject(List.of(), FaultPlan.none(), wiring)) {
            tasks = tasks(probe.source().descriptor());
        }
        // A token is bound to the endpoint and account it was made for, so the new listing (as in
        // another process) runs against the same provider.
        try (ContractSubject subject = subject(tasks, FaultPlan.none(), wiring)) {
            TaskQuery query = subject.queries().get().build();
            Pager<Task> pager = SourceListing.of(subject.source(), clock())
                    .list(query.toBuilder().limit(TASKS / 2).build());
            pager.stream().map(Task::id).forEach(first::add);
            token = pager.resumeToken();
            assertThat(token).as("a token after %s of %s tasks", first.size(), TASKS).isPresent();

            String printed = token.get().value();
            List<String> rest = ids(subject, query.toBuilder().resumeFrom(PageToken.parse(printed)).build());
            List<String> all = new ArrayList<>(first);
            all.addAll(rest);
            assertExactlyOnce(all, idsOf(tasks));
        }
    }

    @Test
    void refusedCredentialsGiveAnAuthenticationErrorWithoutRetries() throws Exception {
        with(FaultPlan.none(), Wiring.of(clock()).withInvalidCredentials(), (subject, tasks, wiring) -> {
            assertThatThrownBy(() -> ids(subject, subject.queries().get().build()))
                    .isInstanceOf(AuthenticationException.class);
            // A source may send a few requests at once (one per status scan), but none twice.
            assertThat(subject.journal().requests()).extracting(TaskSourceContract::requestLine)
                    .isNotEmpty().doesNotHaveDuplicates();
        });
    }

    private static String requestLine(dev.tasklens.ports.http.HttpRequest request) {
        return request.method() + " " + request.uri() + " "
                + new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void throttlingIsRetriedAndTheListingCompletes() throws Exception {
        with(FaultPlan.first(new Fault.Throttle(), new Fault.Throttle()), Wiring.of(clock()),
                (subject, tasks, wiring) -> {
                    assertExactlyOnce(ids(subject, subject.queries().get().build()), idsOf(tasks));
                    assertThat(wiring.sleeps()).hasSizeGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void throttlingIsRetriedUntilTheCallsDeadlineThenGivesUpWithAThrottledError() throws Exception {
        // Waits are recorded, not slept, and are the only time that passes: a maximum wait of 10 s
        // admits any provider's own minimum (Huawei's 2 s).
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10));
        with(FaultPlan.seeded(seed(), 1.0, new Fault.Throttle()), Wiring.of(clock()).withPolicy(policy),
                (subject, tasks, wiring) -> {
                    assertThatThrownBy(() -> ids(subject, subject.queries().get().build()))
                            .isInstanceOf(ThrottledException.class)
                            .hasMessageContaining("at the retry policy's deadline of 50 s");
                    // Throttling does not use up the 3 attempts a fault gets: each request was
                    // tried until its deadline, every one as often as the others.
                    List<String> lines = subject.journal().requests().stream().map(TaskSourceContract::requestLine)
                            .toList();
                    assertThat(lines).isNotEmpty();
                    long first = lines.stream().filter(lines.get(0)::equals).count();
                    assertThat(first).isGreaterThan(policy.maxAttempts());
                    assertThat(lines).allSatisfy(line -> assertThat(lines.stream().filter(line::equals).count())
                            .isEqualTo(first));
                    assertThat(wiring.sleeps()).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(
                            policy.maxDelay()));
                });
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        with(FaultPlan.first(new Fault.ServerError(503), new Fault.ServerError(502)), Wiring.of(clock()),
                (subject, tasks, wiring) -> assertExactlyOnce(ids(subject, subject.queries().get().build()),
                        idsOf(tasks)));
    }

    @Test
    void aMalformedReplyGivesAMalformedResponseErrorAndIsNotFetchedAgain() throws Exception {
        with(FaultPlan.seeded(seed(), 1.0, new Fault.MalformedBody()), Wiring.of(clock()),
                (subject, tasks, wiring) -> {
                    assertThatThrownBy(() -> ids(subject, subject.queries().get().build()))
                            .isInstanceOf(MalformedResponseException.class);
                    // The same request gets the same reply: asking again only adds load, so none is repeated.
                    assertThat(subject.journal().requests()).extracting(request -> request.method() + " "
                            + request.uri() + " " + new String(request.body(), java.nio.charset.StandardCharsets.UTF_8))
                            .as("requests for a malformed reply").isNotEmpty().doesNotHaveDuplicates();
                });
    }

    @Test
    void aRepeatedPageTokenStopsTheListingInsteadOfLooping() throws Exception {
        Wiring wiring = Wiring.of(clock());
        with(FaultPlan.none(), wiring, (probe, tasks, ignored) -> {
            PagingModel model = probe.source().descriptor().paging();
            if (!(model instanceof Marker || model instanceof Cursor)) {
                return; // no provider token to repeat
            }
            // Every reply to a request that carried a token hands that token back.
            FaultPlan repeat = FaultPlan.seeded(seed(), 1.0, new Fault.RepeatedCursor());
            try (ContractSubject subject = subject(tasks, repeat, wiring)) {
                // One partition at a time: with pages of 7, the whole query is sure to have a second page.
                assertThatThrownBy(() -> SourceListing.of(subject.source(), clock())
                        .withConcurrency(Concurrency.sequential()).list(subject.queries().get().pageSize(7).build())
                        .stream().count())
                        .isInstanceOf(MalformedResponseException.class)
                        .hasMessageContaining("a second time");
                assertThat(subject.journal().size()).as("requests before the loop was stopped").isLessThan(20);
            }
        });
    }

    @Test
    void aListingSurvivesASeededFaultPlanWithNothingLostOrDuplicated() throws Exception {
        RetryPolicy patient = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofSeconds(10));
        for (long faultSeed : new long[] {1, 2, 3}) {
            Wiring wiring = Wiring.of(clock()).withPolicy(patient);
            List<Fault> kinds = new ArrayList<>(List.of(new Fault.Throttle(), new Fault.ServerError(503),
                    new Fault.DroppedConnection(), new Fault.TruncatedBody()));
            boolean emptyPagesAllowed;
            try (ContractSubject probe = subject(List.of(), FaultPlan.none(), wiring)) {
                emptyPagesAllowed = probe.source().descriptor().paging().allowsEmptyPagesBeforeEnd();
            }
            if (emptyPagesAllowed) {
                kinds.add(new Fault.EmptyPage());
            }
            FaultPlan plan = FaultPlan.seeded(faultSeed, 0.3, kinds.toArray(new Fault[0]));
            with(plan, wiring, (subject, tasks, ignored) -> {
                PagingModel model = subject.source().descriptor().paging();
                TaskQuery.Builder query = subject.queries().get();
                if (model.pageSize().isSettable()) {
                    query.pageSize(7);
                }
                assertThat(ids(subject, query.build())).as("listing under %s", plan).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(idsOf(tasks));
            });
        }
    }

    /**
     * The hostile catalogue ({@link HostileReply}): every reply of the listing is hostile (the
     * first only, for the kinds a retry or a careful reader gets past), and the listing must end
     * in a typed error or a whole listing, within bounded requests and time; never a hang, a crash
     * of another kind, or "no tasks" read from a reply that lost its list.
     *
     * @param kind the hostile reply
     * @throws Exception if the subject fails to start or close
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileReply.class)
    void aHostileReplyEndsInATypedErrorOrAWholeListingNeverAHangOrACrash(HostileReply kind) throws Exception {
        boolean once = kind == HostileReply.STALLED_BODY || kind == HostileReply.CONTROL_CHARACTERS;
        Fault hostile = new Fault.Hostile(kind);
        FaultPlan plan = once ? FaultPlan.first(hostile) : FaultPlan.seeded(seed(), 1.0, hostile);
        Wiring wiring = Wiring.of(clock()).withPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(10)));
        with(plan, wiring, (subject, tasks, ignored) -> {
            TaskQuery.Builder asked = subject.queries().get();
            if (kind == HostileReply.OFFSET_READ_AS_ITEM_COUNT
                    && subject.source().descriptor().paging().pageSize().isSettable()) {
                asked.pageSize(7); // several pages, so that a large enough listing is cut into partitions
            }
            if (kind == HostileReply.ENDLESS_PAGES_OUTSIDE_THE_QUERY) {
                // A window, so that the old tasks are outside the query, not merely outside a slice.
                asked.createdBetween(now().minus(Duration.ofDays(1)), now());
            }
            TaskQuery query = asked.build();
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try {
                    List<String> listed = ids(subject, query);
                    if (kind != HostileReply.CONTROL_CHARACTERS) {
                        // A listing that got through must be whole: the reply was one the source reads
                        // right (a format the hostile rewrite does not apply to, an emulator that does not
                        // page by token answering as usual), or retried past.
                        assertExactlyOnce(listed, idsOf(tasks.stream().filter(task ->
                                query.createdFrom().map(from -> !task.createdAt().isBefore(from)).orElse(true)
                                        && query.createdTo().map(task.createdAt()::isBefore).orElse(true))
                                .toList()));
                    }
                    return null;
                } catch (TaskLensException typed) {
                    return typed;
                }
            }, "a listing under " + kind + " must end");
            switch (kind) {
                case STALLED_BODY -> assertThat(failure).as("a stalled body is retried").isNull();
                case CONTROL_CHARACTERS -> assertThat(failure == null || failure instanceof TaskLensException).isTrue();
                case ENDLESS_EMPTY_PAGES, ENDLESS_OLD_PAGES, ENDLESS_PAGES_OUTSIDE_THE_QUERY -> {
                    // Endless pages cannot make a whole listing (checked above): the listing stops.
                    if (failure != null) {
                        assertThat(failure).isInstanceOf(MalformedResponseException.class)
                                .hasMessageContaining("brought no new task");
                        // Counted over the whole listing; the first page of old tasks brings them once, and
                        // on top come the pages out ahead when it stops and the first page of each planned
                        // partition that was cut into slices (dropped, since the slices list it again).
                        int planned = subject.source().descriptor().partitionsOf(query, now(), 1).size();
                        assertThat(subject.journal().size()).isLessThanOrEqualTo(
                                Pager.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS + 2 + Concurrency.DEFAULT_PAGES + planned);
                    }
                }
                default -> {
                    if (failure == null) {
                        return; // whole, checked above
                    }
                    assertThat(failure).as("a listing under " + kind).isInstanceOf(MalformedResponseException.class);
                    // Asking again would get the same reply.
                    assertThat(subject.journal().requests()).extracting(request -> request.uri() + " "
                            + new String(request.body(), java.nio.charset.StandardCharsets.UTF_8))
                            .doesNotHaveDuplicates();
                }
            }
        });
    }
}
