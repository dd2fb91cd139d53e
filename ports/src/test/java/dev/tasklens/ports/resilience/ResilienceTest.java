package dev.tasklens.ports.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.ProviderException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.domain.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retries, waits and clock-skew correction, timed with a fake clock and sleeper: no real waits. */
class ResilienceTest {

    private static final SourceId MPS = SourceId.TENCENT_MPS;
    private final FakeTime time = new FakeTime(Instant.parse("2026-11-22T12:00:00Z"));
    private final List<Instant> signedAt = new ArrayList<>();

    private Resilience resilience(RetryPolicy policy, double jitter) {
        return Resilience.of(policy, RateLimiter.unlimited(), new ClockSkew(time), time, () -> jitter, time);
    }

    private static ThrottledException throttled(Optional<Duration> retryAfter) {
        return new ThrottledException(MPS, "RequestLimitExceeded", "too many requests", Optional.of("req-1"), retryAfter);
    }

    @Test
    void aThrottledRequestIsRetriedAfterAJitteredBackoffAndThenSucceeds() {
        int[] calls = {0};
        String result = resilience(RetryPolicy.defaults(), 0.5).call(at -> {
            if (calls[0]++ == 0) {
                throw throttled(Optional.empty());
            }
            return "page";
        });

        assertThat(result).isEqualTo("page");
        assertThat(calls[0]).isEqualTo(2);
        // Full jitter: half of the first bound (200 ms).
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void retryAfterReplacesTheBackoff() {
        int[] calls = {0};
        resilience(RetryPolicy.defaults(), 0.99).call(at -> {
            if (calls[0]++ == 0) {
                throw throttled(Optional.of(Duration.ofSeconds(3)));
            }
            return "page";
        });

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void throttlingIsRetriedUntilTheDeadlineNotCountedAgainstTheAttempts() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 1.0).call(at -> {
            calls[0]++;
            throw throttled(Optional.empty());
        }))
                .isInstanceOf(ThrottledException.class)
                .hasMessageContaining("RequestLimitExceeded")
                .hasMessageContaining("req-1")
                .hasMessageContaining("throttled)")
                .hasMessageContaining("at the retry policy's deadline of 50 s");
        // 200 ms, 400 ms, ... 6.4 s, then 10 s each: far more than the 4 attempts a fault gets, and
        // never a wait that would end past the 50 s deadline.
        assertThat(calls[0]).isEqualTo(10);
        assertThat(time.sleeps).startsWith(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(time.slept()).isLessThan(RetryPolicy.DEFAULT_DEADLINE);
    }

    @Test
    void aPolicyOfOneAttemptDoesNotRetryThrottlingEither() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.none(), 0.5).call(at -> {
            calls[0]++;
            throw throttled(Optional.empty());
        })).isInstanceOf(ThrottledException.class);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void faultsBetweenThrottlesStillHaveTheirCap() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 0.0).call(at -> {
            calls[0]++;
            if (calls[0] % 2 == 1) {
                throw throttled(Optional.empty());
            }
            throw new ProviderException(MPS, 503, "ServiceUnavailable", "busy", Optional.empty(), true);
        })).isInstanceOf(ProviderException.class)
                .hasMessageContaining("gave up after 8 attempts (4 throttled)");
        assertThat(calls[0]).isEqualTo(8);
    }

    @Test
    void eachAttemptIsGivenWhatIsLeftOfTheDeadlineUpToTheAttemptTimeout() {
        RetryPolicy policy = RetryPolicy.defaults().withDeadline(Duration.ofSeconds(40))
                .withAttemptTimeout(Duration.ofSeconds(15));
        List<Attempt> attempts = new ArrayList<>();
        assertThatThrownBy(() -> resilience(policy, 0).run(attempt -> {
            attempts.add(attempt);
            time.advance(attempt.timeout());
            throw new TransportException("no reply within " + attempt.timeout().toSeconds() + " s", true);
        })).hasMessageContaining("gave up after 3 attempts over 40 s, at the retry policy's deadline of 40 s");
        assertThat(attempts).extracting(Attempt::timeout)
                .containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(10));
        assertThat(attempts).extracting(Attempt::number).containsExactly(1, 2, 3);
    }

    @Test
    void aStalledServerFailsACallWithinTheDefaultDeadline() {
        Duration[] took = {Duration.ZERO};
        Instant start = time.instant();
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 1.0).run(attempt -> {
            time.advance(attempt.timeout());
            throw new TransportException("no reply", true);
        })).isInstanceOf(TransportException.class);
        took[0] = Duration.between(start, time.instant());
        assertThat(took[0]).isLessThanOrEqualTo(RetryPolicy.DEFAULT_DEADLINE)
                .isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aThrottleCutsTheRateAndSuccessesBringItBackWithinTheDocumentedRate() {
        RateLimiter limiter = RateLimiter.perSecond(100, time, time);
        Resilience resilience = Resilience.of(RetryPolicy.defaults(), limiter, new ClockSkew(time), time, () -> 0.0,
                time);
        // Two seconds at the documented rate, so the sent rate is measured.
        for (int i = 0; i < 200; i++) {
            resilience.call(at -> "page");
        }
        assertThat(limiter.currentRate()).isEqualTo(100.0);
        int[] calls = {0};
        resilience.call(at -> {
            if (calls[0]++ == 0) {
                throw throttled(Optional.empty());
            }
            return "page";
        });
        double cut = limiter.currentRate();
        assertThat(cut).isBetween(60.0, 75.0);

        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            resilience.call(at -> "page");
            rates.add(limiter.currentRate());
        }
        // Back step by step, never past the 100 requests per second MPS documents.
        assertThat(rates).allSatisfy(rate -> assertThat(rate).isLessThanOrEqualTo(100.0));
        assertThat(rates.get(rates.size() - 1)).isEqualTo(100.0);
        assertThat(rates.get(0)).isLessThan(100.0);
    }

    @Test
    void aSourceWithoutADocumentedRateIsUnpacedUntilItIsThrottled() {
        RateLimiter limiter = RateLimiter.adaptive(time, time);
        Resilience resilience = Resilience.of(RetryPolicy.defaults(), limiter, new ClockSkew(time), time, () -> 0.0,
                time);
        for (int i = 0; i < 50; i++) {
            time.advance(Duration.ofMillis(20));
            resilience.call(at -> "page");
        }
        assertThat(time.sleeps).isEmpty();
        int[] calls = {0};
        resilience.call(at -> {
            if (calls[0]++ == 0) {
                throw throttled(Optional.empty());
            }
            return "page";
        });
        // Sent at 50 per second, cut to 0.7 of it.
        assertThat(limiter.currentRate()).isBetween(30.0, 40.0);
    }

    @Test
    void throttlingHalvesTheAttemptsOutAtOnceAndSuccessesRaiseThemAgain() {
        Resilience resilience = resilience(RetryPolicy.defaults(), 0.0);
        assertThat(resilience.attemptsAtOnce()).isEqualTo(Integer.MAX_VALUE);
        int[] calls = {0};
        resilience.call(at -> {
            if (calls[0]++ < 3) {
                throw throttled(Optional.empty());
            }
            return "page";
        });
        // Each throttle halved it to 1; the success that ended the call, one at a time, made it 2.
        assertThat(resilience.attemptsAtOnce()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            resilience.call(at -> "page");
        }
        // Two successes at 2 make it 3.
        assertThat(resilience.attemptsAtOnce()).isEqualTo(3);
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(20, Duration.ofMillis(200), Duration.ofSeconds(10));

        assertThat(policy.backoff(5, () -> 1.0)).isEqualTo(Duration.ofMillis(6_400));
        assertThat(policy.backoff(6, () -> 1.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(70, () -> 1.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void serverErrorsAndConnectionFailuresAreRetried() {
        int[] calls = {0};
        String result = resilience(RetryPolicy.defaults(), 0).call(at -> {
            calls[0]++;
            if (calls[0] == 1) {
                throw new ProviderException(MPS, 503, "ServiceUnavailable", "busy", Optional.empty(), true);
            }
            if (calls[0] == 2) {
                throw new TransportException(MPS, "connection reset", new IOException("reset"));
            }
            return "page";
        });

        assertThat(result).isEqualTo("page");
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void authenticationInvalidQueriesAndOtherClientErrorsAreNotRetried() {
        List<RuntimeException> errors = List.of(
                new AuthenticationException(MPS, "AuthFailure.SecretIdNotFound", "no such key", Optional.empty()),
                new InvalidQueryException(MPS, "InvalidParameterValue.Limit", Optional.of("req-2")),
                new ProviderException(MPS, 404, "NotFound", "no such shipper", Optional.empty(), false));
        for (RuntimeException error : errors) {
            int[] calls = {0};
            assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 0).call(at -> {
                calls[0]++;
                throw error;
            })).isSameAs(error);
            assertThat(calls[0]).as("attempts for %s", error.getClass().getSimpleName()).isEqualTo(1);
        }
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void aSignatureRefusedForClockSkewIsSignedAgainAtTheServersTime() {
        Instant localTime = time.instant();
        Instant serverTime = localTime.plus(Duration.ofMinutes(7));
        Resilience resilience = resilience(RetryPolicy.none(), 0);

        String result = resilience.call(at -> {
            signedAt.add(at);
            if (signedAt.size() == 1) {
                throw new AuthenticationException(MPS, "AuthFailure.SignatureExpire", "signature expired",
                        Optional.of("req-3"), Optional.of(serverTime));
            }
            return "page";
        });
        resilience.call(at -> signedAt.add(at));

        assertThat(result).isEqualTo("page");
        // Signed at local time, refused, signed again at the server's time; later calls keep the offset.
        assertThat(signedAt).containsExactly(localTime, serverTime, serverTime);
    }

    @Test
    void aSecondClockSkewRefusalInOneCallIsNotRetriedAgain() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 0).call(at -> {
            calls[0]++;
            throw new AuthenticationException(MPS, "AuthFailure.SignatureExpire", "expired", Optional.empty(),
                    Optional.of(time.instant().plusSeconds(600)));
        })).isInstanceOf(AuthenticationException.class);
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void theRateLimiterSpacesRequestsSoNoSecondSeesMoreThanTheRate() {
        RateLimiter limiter = RateLimiter.perSecond(100, time, time);

        for (int i = 0; i < 150; i++) {
            limiter.acquire();
        }

        // The first goes at once; each of the other 149 waits its 10 ms turn. A bucket that starts
        // full would let 199 through in the first second against MPS's documented 100/s.
        assertThat(time.slept()).isBetween(Duration.ofMillis(1_489), Duration.ofMillis(1_491));
    }

    @Test
    void theRateLimiterDoesNotLetAnIdleSpellBecomeABurst() {
        RateLimiter limiter = RateLimiter.perSecond(10, time, time);
        limiter.acquire();
        time.advance(Duration.ofSeconds(60));

        for (int i = 0; i < 10; i++) {
            limiter.acquire();
        }

        assertThat(time.slept()).isBetween(Duration.ofMillis(899), Duration.ofMillis(901));
    }

    @Test
    void theRateLimiterRunsOnElapsedTimeNotTheWallClock() {
        // Ticks at a fixed pace whatever the wall clock says.
        long[] nanos = {0};
        Sleeper sleeper = duration -> nanos[0] += duration.toNanos();
        RateLimiter limiter = RateLimiter.perSecond(100, () -> nanos[0], sleeper);
        limiter.acquire();
        time.stepWallClock(Duration.ofHours(-1));
        long before = nanos[0];

        limiter.acquire();

        assertThat(Duration.ofNanos(nanos[0] - before)).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aMalformedReplyIsNotFetchedAgain() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 0).call(at -> {
            calls[0]++;
            throw new MalformedResponseException(MPS, "not JSON", Optional.empty());
        })).isInstanceOf(MalformedResponseException.class);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void aRetryAfterIsHonouredUpToThePolicysMaximumWait() {
        int[] calls = {0};
        String result = resilience(RetryPolicy.defaults(), 0).call(at -> {
            if (calls[0]++ == 0) {
                throw new ThrottledException(MPS, "RequestLimitExceeded", "slow down", Optional.empty(),
                        Optional.of(Duration.ofSeconds(3)));
            }
            return "page";
        });

        assertThat(result).isEqualTo("page");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterBeyondThePolicysMaximumFailsAtOnceWithTheWait() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 0).call(at -> {
            calls[0]++;
            throw new ThrottledException(MPS, "RequestLimitExceeded", "slow down", Optional.empty(),
                    Optional.of(Duration.ofDays(1)));
        })).isInstanceOf(ThrottledException.class)
                .hasMessageContaining("asks to wait 86400 s")
                .hasMessageContaining("maximum wait of 10 s")
                .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).contains(Duration.ofDays(1)));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void whenTheAttemptsRunOutTheMessageSaysHowManyOverHowLong() {
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults().withDeadline(Duration.ofMinutes(5)), 1).call(at -> {
            time.advance(Duration.ofSeconds(30));
            throw new TransportException("no reply from https://mps.tencentcloudapi.com within 30000 ms", true);
        })).isInstanceOf(TransportException.class)
                .hasMessageContaining("no reply from https://mps.tencentcloudapi.com within 30000 ms")
                .hasMessageMatching("(?s).*gave up after 4 attempts over 1\\d\\d s.*");
    }

    @Test
    void noRetryStartsPastThePolicysDeadline() {
        int[] calls = {0};
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofSeconds(45));
        assertThatThrownBy(() -> resilience(policy, 0.5).call(at -> {
            calls[0]++;
            time.advance(Duration.ofSeconds(20));
            throw new TransportException("no reply", true);
        })).hasMessageContaining("at the retry policy's deadline of 45 s");
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void aPolicyWithoutADeadlineIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("deadline must be positive");
    }

    @Test
    void aPolicyWithoutAttemptsIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 attempt");
    }
}
