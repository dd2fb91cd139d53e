package dev.tasklens.testkit.proxy;

import dev.tasklens.ports.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * What a chaos proxy ({@link ReverseProxy#withChaos}) does to each request instead of forwarding
 * it: answer with the provider's own throttling reply, answer with a server error, cut the
 * connection, or forward it late. The draws come from a seeded {@link Random}, so a run can be
 * replayed from its seed (concurrent requests may draw in another order).
 *
 * <p>Faults (server errors and cut connections) are capped per distinct request (method, target
 * and body, which a retry repeats): a client is bound to give up on a request that fails more often
 * than its retry policy's attempts, so a test that must see a whole listing caps them one below
 * those attempts. Throttling is not capped: a client retries it until its deadline.
 */
public final class Chaos {

    /** What happened to a request. */
    public enum Kind {
        /** Forwarded at once. */
        FORWARD,
        /** Answered with the provider's throttling reply. */
        THROTTLE,
        /** Answered with a server error. */
        SERVER_ERROR,
        /** The connection was closed without a reply. */
        CUT,
        /** Forwarded after a delay. */
        DELAY
    }

    /**
     * One request's fate.
     *
     * @param kind what happens
     * @param reply the reply given instead of the origin's, for throttling and server errors
     * @param delay how long to wait before forwarding, for a delay
     */
    public record Decision(Kind kind, Optional<HttpResponse> reply, Duration delay) {
    }

    private final Random random;
    private final double throttle;
    private final HttpResponse throttleReply;
    private final double serverErrors;
    private final HttpResponse serverErrorReply;
    private final double cuts;
    private final double delays;
    private final Duration delay;
    private final int faultsPerRequest;
    private final int calmRequests;
    private int seen;
    private final Map<String, Integer> faults = new HashMap<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    private Chaos(Builder builder) {
        this.random = new Random(builder.seed);
        this.throttle = builder.throttle;
        this.throttleReply = builder.throttleReply;
        this.serverErrors = builder.serverErrors;
        this.serverErrorReply = builder.serverErrorReply;
        this.cuts = builder.cuts;
        this.delays = builder.delays;
        this.delay = builder.delay;
        this.faultsPerRequest = builder.faultsPerRequest;
        this.calmRequests = builder.calmRequests;
    }

    /**
     * No chaos: every request is forwarded.
     *
     * @return the chaos
     */
    public static Chaos none() {
        return seeded(0).build();
    }

    /**
     * Starts a chaos plan.
     *
     * @param seed the seed of its draws
     * @return a builder; nothing happens until a kind is given a probability
     */
    public static Builder seeded(long seed) {
        return new Builder(seed);
    }

    /**
     * Decides a request's fate.
     *
     * @param request what identifies the request across retries: method, target and body
     * @return the decision
     */
    synchronized Decision decide(String request) {
        double draw = seen++ < calmRequests ? 1.0 : random.nextDouble();
        Kind kind;
        if (draw < throttle) {
            kind = Kind.THROTTLE;
        } else if (draw < throttle + serverErrors) {
            kind = Kind.SERVER_ERROR;
        } else if (draw < throttle + serverErrors + cuts) {
            kind = Kind.CUT;
        } else if (draw < throttle + serverErrors + cuts + delays) {
            kind = Kind.DELAY;
        } else {
            kind = Kind.FORWARD;
        }
        if ((kind == Kind.SERVER_ERROR || kind == Kind.CUT) && !fault(request)) {
            kind = Kind.FORWARD;
        }
        Decision decision = new Decision(kind, switch (kind) {
            case THROTTLE -> Optional.of(throttleReply);
            case SERVER_ERROR -> Optional.of(serverErrorReply);
            default -> Optional.empty();
        }, kind == Kind.DELAY ? delay : Duration.ZERO);
        counts.merge(decision.kind(), 1, Integer::sum);
        return decision;
    }

    private boolean fault(String request) {
        int had = faults.getOrDefault(request, 0);
        if (had >= faultsPerRequest) {
            return false;
        }
        faults.put(request, had + 1);
        return true;
    }

    /**
     * What was decided so far.
     *
     * @return counts per kind
     */
    synchronized Map<Kind, Integer> counts() {
        return new EnumMap<>(counts);
    }

    /** Builds a {@link Chaos}. */
    public static final class Builder {
        private final long seed;
        private double throttle;
        private HttpResponse throttleReply;
        private double serverErrors;
        private HttpResponse serverErrorReply;
        private double cuts;
        private double delays;
        private Duration delay = Duration.ZERO;
        private int faultsPerRequest = Integer.MAX_VALUE;
        private int calmRequests;

        private Builder(long seed) {
            this.seed = seed;
        }

        /**
         * Answers a share of requests with the provider's throttling reply.
         *
         * @param probability 0..1
         * @param reply the provider's throttling reply
         * @return this builder
         */
        public Builder throttle(double probability, HttpResponse reply) {
            this.throttle = probability(probability, "throttling");
            this.throttleReply = Objects.requireNonNull(reply, "reply");
            return this;
        }

        /**
         * Answers a share of requests with a server error.
         *
         * @param probability 0..1
         * @param reply the provider's server error reply
         * @return this builder
         */
        public Builder serverErrors(double probability, HttpResponse reply) {
            this.serverErrors = probability(probability, "server errors");
            this.serverErrorReply = Objects.requireNonNull(reply, "reply");
            return this;
        }

        /**
         * Closes a share of connections without a reply.
         *
         * @param probability 0..1
         * @return this builder
         */
        public Builder cuts(double probability) {
            this.cuts = probability(probability, "cut connections");
            return this;
        }

        /**
         * Forwards a share of requests late.
         *
         * @param probability 0..1
         * @param by how late
         * @return this builder
         */
        public Builder delays(double probability, Duration by) {
            this.delays = probability(probability, "delays");
            this.delay = Objects.requireNonNull(by, "by");
            return this;
        }

        /**
         * Caps the faults (server errors and cuts) any one request gets.
         *
         * @param most at least 0
         * @return this builder
         */
        public Builder faultsPerRequestAtMost(int most) {
            if (most < 0) {
                throw new IllegalArgumentException("a cap on faults cannot be negative, got " + most);
            }
            this.faultsPerRequest = most;
            return this;
        }

        /**
         * Forwards the first requests untouched: the chaos starts after them.
         *
         * @param count how many, at least 0
         * @return this builder
         */
        public Builder startingAfter(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("a count of requests cannot be negative, got " + count);
            }
            this.calmRequests = count;
            return this;
        }

        /**
         * The plan.
         *
         * @return the chaos
         * @throws IllegalArgumentException if the probabilities add up to more than 1
         */
        public Chaos build() {
            if (throttle + serverErrors + cuts + delays > 1) {
                throw new IllegalArgumentException("the shares of chaos add up to more than 1: " + throttle + " + "
                        + serverErrors + " + " + cuts + " + " + delays);
            }
            return new Chaos(this);
        }

        private static double probability(double value, String what) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("the share of " + what + " is a probability from 0 to 1, got "
                        + value);
            }
            return value;
        }
    }
}
