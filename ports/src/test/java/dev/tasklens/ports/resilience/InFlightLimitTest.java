package dev.tasklens.ports.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The attempts out at once: halved on a throttle, and a turn over the limit waits for one to end. */
class InFlightLimitTest {

    @Test
    void afterAThrottleAnAttemptOverTheLimitWaitsForAnotherToEnd() throws InterruptedException {
        InFlightLimit limit = new InFlightLimit();
        limit.enter();
        limit.enter();
        limit.leave(InFlightLimit.Outcome.THROTTLED);
        assertThat(limit.limit()).isEqualTo(1);

        CountDownLatch entered = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            limit.enter();
            entered.countDown();
        });
        second.setDaemon(true);
        second.start();
        // Blocked, not merely slow: wait (with a deadline) until the thread waits on the limit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(second.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(entered.getCount()).isEqualTo(1);

        limit.leave(InFlightLimit.Outcome.SUCCEEDED);

        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void successesRaiseTheLimitUntilItIsUnboundedAgain() {
        InFlightLimit limit = new InFlightLimit();
        limit.enter();
        limit.leave(InFlightLimit.Outcome.THROTTLED);
        int successes = 0;
        while (limit.limit() != Integer.MAX_VALUE) {
            limit.enter();
            limit.leave(InFlightLimit.Outcome.SUCCEEDED);
            successes++;
        }
        // 1 + 2 + ... + 64: as many successes at each limit as the limit.
        assertThat(successes).isEqualTo(64 * 65 / 2);
    }
}
