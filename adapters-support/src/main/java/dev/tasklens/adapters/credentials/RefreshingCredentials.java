package dev.tasklens.adapters.credentials;

import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Temporary credentials (an instance role's, a web identity's) fetched when first needed and
 * fetched again before they expire.
 *
 * <ul>
 *   <li>They are refreshed a margin before their expiry: the official SDKs use 5 minutes (Tencent
 *       {@code CvmRoleCredential}), 10 minutes (Tencent {@code OIDCRoleArnProvider}) and 40
 *       minutes (Huawei {@code AbstractCredentials}). Keys that live less than twice the margin are
 *       refreshed halfway through their life instead, or every request would fetch new ones.</li>
 *   <li>Within the margin one caller refreshes while the others go on signing with the keys they
 *       have, which are still valid; should that refresh fail, the next caller tries again.</li>
 *   <li>In the last half of the margin, keys are no longer signed with (a request signed then could
 *       arrive after they expire): every caller waits for the one refresh, so no request is signed
 *       with keys about to expire, and however many listings run at once, the keys are fetched
 *       once.</li>
 * </ul>
 */
public final class RefreshingCredentials implements CredentialsProvider {

    /** Keys, when to start refreshing them, and the last instant they are signed with. */
    private record Held(Credentials credentials, Instant refreshAt, Instant lastUse, Instant expiry) {
    }

    private final String origin;
    private final Supplier<Credentials> fetch;
    private final Clock clock;
    private final Duration margin;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Held held;

    private RefreshingCredentials(String origin, Supplier<Credentials> fetch, Clock clock, Duration margin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
        if (margin.isNegative() || margin.isZero()) {
            throw new IllegalArgumentException("the refresh margin must be positive, got " + margin);
        }
    }

    /**
     * Credentials fetched by a function, refreshed a margin before they expire.
     *
     * @param origin where they come from, such as {@code instance role NAME}: shown by
     *     {@code tasklens sources}, and what tokens are bound to, since the keys change
     * @param fetch fetches new temporary credentials, with their expiry; it may throw
     * @param clock the clock expiry is judged by
     * @param margin how long before the expiry to refresh
     * @return the provider
     */
    public static RefreshingCredentials of(String origin, Supplier<Credentials> fetch, Clock clock, Duration margin) {
        return new RefreshingCredentials(origin, fetch, clock, margin);
    }

    /**
     * Fetches credentials now, so that a chain knows this link works before it settles on it.
     *
     * @return this provider, holding fresh credentials
     */
    public RefreshingCredentials fetchNow() {
        refreshing.lock();
        try {
            held = fetchNew();
        } finally {
            refreshing.unlock();
        }
        return this;
    }

    @Override
    public Optional<Credentials> credentials() {
        Held current = held;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.refreshAt())) {
            return Optional.of(current.credentials());
        }
        if (current != null && now.isBefore(current.lastUse())) {
            // Within the margin: one caller refreshes, the others sign with keys still valid.
            if (refreshing.tryLock()) {
                try {
                    if (held == current) {
                        held = fetchNew();
                    }
                } catch (RuntimeException e) {
                    // Kept until they expire; the next caller tries again.
                } finally {
                    refreshing.unlock();
                }
            }
            return Optional.of(held.credentials());
        }
        refreshing.lock();
        try {
            Held latest = held;
            if (latest == null || !clock.instant().isBefore(latest.lastUse())) {
                held = fetchNew();
            }
            return Optional.of(held.credentials());
        } finally {
            refreshing.unlock();
        }
    }

    private Held fetchNew() {
        Instant fetchedAt = clock.instant();
        Credentials fresh = Objects.requireNonNull(fetch.get(), "fetched credentials");
        if (fresh.expiry().isEmpty()) {
            return new Held(fresh, Instant.MAX, Instant.MAX, Instant.MAX);
        }
        Instant expiry = fresh.expiry().get();
        if (!expiry.isAfter(fetchedAt)) {
            throw new IllegalStateException("the temporary credentials from " + origin + " expired at " + expiry
                    + ", before they were fetched at " + fetchedAt + "; check this machine's clock");
        }
        Duration life = Duration.between(fetchedAt, expiry);
        Duration lead = life.dividedBy(2).compareTo(margin) < 0 ? life.dividedBy(2) : margin;
        // Half the lead is kept for the requests in flight: keys that close to their expiry are
        // not signed with, every caller waits for new ones instead.
        return new Held(fresh, expiry.minus(lead), expiry.minus(lead.dividedBy(2)), expiry);
    }

    @Override
    public String origin() {
        return origin;
    }

    /** Bound to the origin: the temporary key id changes with every refresh. */
    @Override
    public Optional<String> account() {
        return Optional.of(origin);
    }

    /** The origin and the expiry of the keys held; never a key. */
    @Override
    public String toString() {
        Held current = held;
        return "RefreshingCredentials[" + origin + (current == null ? ", not fetched" : ", expiry="
                + current.expiry()) + "]";
    }
}
