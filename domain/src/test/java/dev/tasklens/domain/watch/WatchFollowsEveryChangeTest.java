package dev.tasklens.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A simulated provider whose tasks appear (some only minutes after their creation time, as a lagging
 * index does) and move on, some to failure, watched poll after poll: after every poll the last status
 * reported for each listable task is its status, no change is reported twice, and a watch that
 * writes its position and reads it back at every poll reports exactly what one kept in memory does.
 */
class WatchFollowsEveryChangeTest {

    private static final SourceId SOURCE = SourceId.TENCENT_MPS;
    private static final WatchRules RULES = WatchRules.retainedFor(Duration.ofDays(7));
    private static final TokenSeal SEAL = TokenSeal.boundTo("endpoint account");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    /** One provider task: its creation time, when the index shows it, and its life so far. */
    private static final class Simulated {
        final String id;
        final Instant created;
        final Instant visibleFrom;
        TaskStatus status = TaskStatus.PENDING;
        Optional<Instant> finished = Optional.empty();

        Simulated(String id, Instant created, Instant visibleFrom) {
            this.id = id;
            this.created = created;
            this.visibleFrom = visibleFrom;
        }

        Task task() {
            Task.Builder task = Task.builder(SOURCE, id).type("WorkflowTask").status(status, status.name())
                    .createdAt(created);
            finished.ifPresent(task::finishedAt);
            return task.build();
        }
    }

    @TestFactory
    Stream<DynamicTest> theLastReportedStatusOfEveryTaskIsItsStatusAndNothingComesTwice() {
        return Property.forAll(60, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), WatchFollowsEveryChangeTest::simulate);
    }

    private static void simulate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        List<Simulated> world = new ArrayList<>();
        for (int i = 0; i < random.nextInt(0, 30); i++) {
            world.add(new Simulated("old-" + i, now.minus(Duration.ofHours(random.nextInt(1, 48))), now));
        }
        WatchState inMemory = WatchState.start(SOURCE);
        String position = WatchPosition.write(WatchState.start(SOURCE), SEAL);
        Map<String, TaskStatus> reported = new HashMap<>();
        Set<String> identities = new HashSet<>();
        int next = 0;
        for (int poll = 0; poll < 40; poll++) {
            // The world moves on: new tasks, some shown late; open tasks advance, some fail.
            for (int n = random.nextInt(0, 4); n > 0; n--) {
                Duration lag = Duration.ofSeconds(random.nextInt(0, 240));
                world.add(new Simulated("t-" + next++, now, now.plus(lag)));
            }
            for (Simulated task : world) {
                if (!task.status.isTerminal() && random.nextInt(4) == 0) {
                    task.status = task.status == TaskStatus.PENDING ? TaskStatus.RUNNING
                            : random.nextInt(3) == 0 ? TaskStatus.FAILED : TaskStatus.SUCCEEDED;
                    if (task.status.isTerminal()) {
                        task.finished = Optional.of(now);
                    }
                }
            }
            now = now.plus(INTERVAL);
            Instant at = now;
            Optional<Instant> from = inMemory.windowStart(now, RULES);
            List<Task> listing = new ArrayList<>();
            for (Simulated task : world) {
                if (!task.visibleFrom.isAfter(at) && (from.isEmpty() || !task.created.isBefore(from.get()))) {
                    listing.add(task.task());
                }
            }
            Collections.shuffle(listing, new java.util.Random(random.nextLong()));

            List<TaskChange> kept = run(inMemory, listing, now);
            WatchState restored = WatchPosition.read(position, SOURCE, SEAL);
            assertThat(restored.windowStart(now, RULES)).isEqualTo(from);
            List<TaskChange> resumed = run(restored, listing, now);
            assertThat(resumed).as("seed %d, poll %d: a watch resumed from its position", seed, poll)
                    .isEqualTo(kept);
            inMemory = result(inMemory, listing, now).next();
            position = WatchPosition.write(result(restored, listing, now).next(), SEAL);

            for (TaskChange change : kept) {
                String identity = change.kind() + " " + change.task().id() + " " + change.task().status() + " "
                        + change.task().finishedAt();
                assertThat(identities.add(identity)).as("seed %d: %s reported twice", seed, identity).isTrue();
                reported.put(change.task().id(), change.task().status());
            }
            for (Simulated task : world) {
                if (!task.visibleFrom.isAfter(at)) {
                    assertThat(reported.get(task.id)).as("seed %d, poll %d: last status of %s", seed, poll, task.id)
                            .isEqualTo(task.status);
                }
            }
            // Memory: open tasks only, and recent ids near the high-water mark.
            assertThat(inMemory.open().values()).allSatisfy(open -> assertThat(open.task().status().isTerminal())
                    .isFalse());
        }
    }

    private static List<TaskChange> run(WatchState state, List<Task> listing, Instant now) {
        WatchPoll poll = state.poll(now, RULES);
        List<TaskChange> changes = new ArrayList<>();
        for (Task task : listing) {
            changes.addAll(poll.accept(task));
        }
        changes.addAll(poll.finish().changes());
        return changes;
    }

    private static WatchPoll.Result result(WatchState state, List<Task> listing, Instant now) {
        WatchPoll poll = state.poll(now, RULES);
        listing.forEach(poll::accept);
        return poll.finish();
    }
}
