/**
 * Retries, rate limits and clock-skew correction, independent of the transport: adapters run
 * each request through {@link dev.tasklens.ports.resilience.Resilience}, which decides from the
 * typed error whether and when to try again. Time and sleeping go through {@link java.time.Clock}
 * and {@link dev.tasklens.ports.resilience.Sleeper}, so tests run without real waits.
 */
package dev.tasklens.ports.resilience;
