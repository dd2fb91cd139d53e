package dev.tasklens.adapters.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.emulators.ManualClock;
import dev.tasklens.ports.credentials.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Temporary keys refreshed before they expire, once however many callers ask. */
class RefreshingCredentialsTest {

    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final AtomicInteger fetches = new AtomicInteger();

    /** Keys that live an hour from the time they are fetched, numbered. */
    private final Supplier<Credentials> hourLong = () -> {
        int number = fetches.incrementAndGet();
        return Credentials.temporary("AKIDtmp" + number, "secret" + number, "token" + number,
                clock.instant().plus(Duration.ofHours(1)));
    };

    @Test
    void keysAreFetchedWhenFirstAskedForAndRefreshedAMarginBeforeTheyExpire() {
        RefreshingCredentials keys = RefreshingCredentials.of("instance role r", hourLong, clock, Duration.ofMinutes(5));
        assertThat(fetches).hasValue(0);
        assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp1");
        clock.set(START.plus(Duration.ofMinutes(54)).plusSeconds(59));
        assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp1");
        clock.set(START.plus(Duration.ofMinutes(55)));
        assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp2");
        assertThat(fetches).hasValue(2);
        assertThat(keys.account()).contains("instance role r");
        assertThat(keys.toString()).doesNotContain("secret").doesNotContain("token");
    }

    @Test
    void keysThatLiveLessThanTwiceTheMarginAreRefreshedHalfwayThroughTheirLife() {
        RefreshingCredentials keys = RefreshingCredentials.of("r", hourLong, clock, Duration.ofMinutes(40 * 2));
        keys.credentials();
        clock.set(START.plus(Duration.ofMinutes(29)));
        assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp1");
        clock.set(START.plus(Duration.ofMinutes(30)));
        assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp2");
    }

    @Test
    void aFailedRefreshEarlyInTheMarginKeepsTheKeysAndLateInItIsAnError() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Credentials> failsAfterFirst = () -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("metadata service down");
            }
            return hourLong.get();
        };
        RefreshingCredentials keys = RefreshingCredentials.of("r", failsAfterFirst, clock, Duration.ofMinutes(5));
        keys.credentials();
        clock.set(START.plus(Duration.ofMinutes(57)));
        assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp1");
        // In the last half of the margin the keys are no longer signed with: the error shows.
        clock.set(START.plus(Duration.ofMinutes(57)).plusSeconds(30));
        assertThatThrownBy(keys::credentials).hasMessageContaining("metadata service down");
        assertThat(calls).hasValue(3);
    }

    @Test
    void expiredKeysAreRefreshedOnceWhileEveryCallerWaitsAndNoneGetsTheExpiredOnes() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Credentials> slow = secondFetchHeld(fetching, release);
        RefreshingCredentials keys = RefreshingCredentials.of("r", slow, clock, Duration.ofMinutes(5));
        keys.credentials();
        clock.set(START.plus(Duration.ofHours(2))); // long past the expiry
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ids.add(pool.submit(() -> keys.credentials().orElseThrow().id()));
            }
            assertThat(fetching.await(60, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            for (Future<String> id : ids) {
                seen.add(id.get(60, TimeUnit.SECONDS));
            }
            assertThat(seen).containsExactly("AKIDtmp2");
            assertThat(fetches).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withinTheMarginOneCallerRefreshesAndTheOthersSignWithTheValidKeys() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Credentials> slow = secondFetchHeld(fetching, release);
        RefreshingCredentials keys = RefreshingCredentials.of("r", slow, clock, Duration.ofMinutes(5));
        keys.credentials();
        clock.set(START.plus(Duration.ofMinutes(57)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> refresher = pool.submit(() -> keys.credentials().orElseThrow().id());
            assertThat(fetching.await(60, TimeUnit.SECONDS)).isTrue();
            // The refresh is under way: this caller is not held up and gets the keys still valid.
            assertThat(keys.credentials().orElseThrow().id()).isEqualTo("AKIDtmp1");
            release.countDown();
            assertThat(refresher.get(60, TimeUnit.SECONDS)).isEqualTo("AKIDtmp2");
            assertThat(fetches).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysThatExpiredBeforeTheyWereFetchedAreRefused() {
        RefreshingCredentials keys = RefreshingCredentials.of("instance role r", () -> Credentials.temporary("AKIDold",
                "s3cr3t-value", "t0ken-value", START.minusSeconds(1)), clock, Duration.ofMinutes(5));
        assertThatThrownBy(keys::credentials).hasMessageContaining("instance role r").hasMessageContaining("clock")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("s3cr3t").doesNotContain("t0ken"));
    }

    /** Keys as {@link #hourLong} makes them; the second fetch says it started and waits to be released. */
    private Supplier<Credentials> secondFetchHeld(CountDownLatch fetching, CountDownLatch release) {
        return () -> {
            if (fetches.get() == 1) {
                fetching.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return hourLong.get();
        };
    }
}
