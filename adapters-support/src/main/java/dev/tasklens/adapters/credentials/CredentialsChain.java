package dev.tasklens.adapters.credentials;

import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials from the first of several places that has them, in a fixed order: the order of a
 * cloud's official SDK (environment, profile file, instance role, ...). Nothing is read until
 * credentials are first asked for, so a source that is never listed reads no file and calls no
 * metadata service. The chain then keeps the link that answered: temporary credentials are
 * refreshed by that link, and the earlier links are not read again.
 *
 * <p>A link that finds nothing lets the next one try; a link that fails (a malformed profile file)
 * stops the chain with its error. When no link finds anything, {@link #origin()} says where each
 * one looked, for the error that tells the user what to set.
 */
public final class CredentialsChain implements CredentialsProvider {

    /**
     * One place credentials may be found.
     */
    @FunctionalInterface
    public interface Link {

        /**
         * Looks for credentials.
         *
         * @return what was found, or why nothing was
         */
        Lookup find();
    }

    /**
     * What a link found: a provider and where it came from, or why there was nothing.
     *
     * @param found the provider that gives the credentials, when found
     * @param origin where they came from ({@code env}, {@code instance role NAME}), or where the
     *     link looked and why it found nothing
     */
    public record Lookup(Optional<CredentialsProvider> found, String origin) {

        /**
         * Checks the parts.
         *
         * @param found see the record component
         * @param origin see the record component
         */
        public Lookup {
            Objects.requireNonNull(found, "found");
            Objects.requireNonNull(origin, "origin");
        }

        /**
         * Credentials found.
         *
         * @param provider gives them (and refreshes them, for temporary ones)
         * @param origin where they came from
         * @return the lookup
         */
        public static Lookup found(CredentialsProvider provider, String origin) {
            return new Lookup(Optional.of(provider), origin);
        }

        /**
         * Long-term credentials found.
         *
         * @param credentials the key pair
         * @param origin where it came from
         * @return the lookup
         */
        public static Lookup found(Credentials credentials, String origin) {
            return found(CredentialsProvider.of(credentials), origin);
        }

        /**
         * What a provider that knows its origin finds, such as
         * {@link CredentialsProvider#fromEnvironment}.
         *
         * @param provider the provider
         * @return found, with the provider's origin, when it gives credentials; nothing otherwise
         */
        public static Lookup of(CredentialsProvider provider) {
            return provider.credentials().isPresent() ? found(provider, provider.origin())
                    : nothing(provider.origin());
        }

        /**
         * Nothing found.
         *
         * @param why where the link looked and what was missing, such as
         *     {@code TENCENTCLOUD_SECRET_ID unset}
         * @return the lookup
         */
        public static Lookup nothing(String why) {
            return new Lookup(Optional.empty(), why);
        }
    }

    private final List<Link> links;
    private volatile Optional<Lookup> settled = Optional.empty();
    private volatile String lookedIn = "not looked for yet";

    private CredentialsChain(List<Link> links) {
        this.links = List.copyOf(links);
    }

    /**
     * A chain of links, tried in this order.
     *
     * @param links the links
     * @return the chain
     */
    public static CredentialsChain of(List<Link> links) {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a credentials chain needs at least one link");
        }
        return new CredentialsChain(links);
    }

    @Override
    public Optional<Credentials> credentials() {
        return settle().flatMap(lookup -> lookup.found().orElseThrow().credentials());
    }

    /** The link that answered, looked for once (again after a lookup that found nothing). */
    private Optional<Lookup> settle() {
        Optional<Lookup> known = settled;
        if (known.isPresent()) {
            return known;
        }
        synchronized (this) {
            if (settled.isPresent()) {
                return settled;
            }
            List<String> misses = new ArrayList<>();
            for (Link link : links) {
                Lookup lookup = link.find();
                if (lookup.found().isPresent()) {
                    settled = Optional.of(lookup);
                    return settled;
                }
                misses.add(lookup.origin());
            }
            lookedIn = "none: " + String.join("; ", misses);
            return Optional.empty();
        }
    }

    /**
     * Where the credentials came from, looking for them if not done yet.
     *
     * @return the origin of the link that answered, or where every link looked
     */
    @Override
    public String origin() {
        return settle().map(Lookup::origin).orElse(lookedIn);
    }

    @Override
    public Optional<String> account() {
        return settle().flatMap(lookup -> lookup.found().orElseThrow().account());
    }

    /** The origin once known; never a key. */
    @Override
    public String toString() {
        return "CredentialsChain[" + settled.map(Lookup::origin).orElse(lookedIn) + "]";
    }
}
