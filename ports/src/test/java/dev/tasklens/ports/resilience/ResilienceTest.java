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
    void throttlingThatDoesNotStopGivesUpAfterTheBudgetWithTheThrottledError() {
        int[] calls = {0};
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 1.0).call(at -> {
            calls[0]++;
            throw throttled(Optional.empty());
        }))
                .isInstanceOf(ThrottledException.class)
                .hasMessageContaining("RequestLimitExceeded")
                .hasMessageContaining("req-1");
        assertThat(calls[0]).isEqualTo(4);
        // Exponential: 200, 400, 800 ms (jitter 1.0 takes the whole bound).
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
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
        assertThatThrownBy(() -> resilience(RetryPolicy.defaults(), 1).call(at -> {
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
