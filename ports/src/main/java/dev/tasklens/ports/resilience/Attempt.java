package dev.tasklens.ports.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt at a call, as {@link Resilience#run} hands it to the request: which attempt it is,
 * the time to sign at (the provider's time once a clock-skew refusal has told it), and how long the
 * attempt may take: the policy's attempt timeout, or what is left of the call's deadline when that
 * is shorter. A source passes the timeout on with its request
 * ({@code HttpRequest.Builder#timeout}), so that no attempt outlives its call.
 *
 * @param number the attempt, from 1
 * @param signAt the time to sign the request at
 * @param timeout how long the attempt may take, positive
 */
public record Attempt(int number, Instant signAt, Duration timeout) {

    /**
     * Checks the parts.
     *
     * @param number see the record component
     * @param signAt see the record component
     * @param timeout see the record component
     * @throws IllegalArgumentException if the number is below 1 or the timeout not positive
     */
    public Attempt {
        Objects.requireNonNull(signAt, "signAt");
        Objects.requireNonNull(timeout, "timeout");
        if (number < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, got " + number);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("an attempt's timeout must be positive, got " + timeout);
        }
    }
}
