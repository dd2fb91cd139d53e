package dev.tasklens.emulators.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Which request gets which fault. A plan is either a script (request {@code i} gets the
 * {@code i}-th entry) or seeded (each request gets a fault with a given probability, drawn from a
 * seeded generator), so a failing run can be replayed with the same seed. {@link #toString()}
 * names the seed. Thread-safe.
 */
public final class FaultPlan {

    private final List<Optional<Fault>> script;
    private final long seed;
    private final double rate;
    private final List<Fault> kinds;
    private final SplittableRandom random;
    private int requests;

    private FaultPlan(List<Optional<Fault>> script, long seed, double rate, List<Fault> kinds) {
        this.script = script;
        this.seed = seed;
        this.rate = rate;
        this.kinds = kinds;
        this.random = new SplittableRandom(seed);
    }

    /**
     * No faults.
     *
     * @return the plan
     */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), 0, 0, List.of());
    }

    /**
     * A fixed sequence: request 0 gets the first entry, and so on; use {@link #ok()} for a
     * request without a fault. Requests after the script have none.
     *
     * @param faults one entry per request
     * @return the plan
     */
    public static FaultPlan script(List<Optional<Fault>> faults) {
        return new FaultPlan(List.copyOf(faults), 0, 0, List.of());
    }

    /**
     * The first requests each get one fault, in order; the rest none.
     *
     * @param faults the faults of the first requests
     * @return the plan
     */
    public static FaultPlan first(Fault... faults) {
        List<Optional<Fault>> script = new ArrayList<>();
        for (Fault fault : faults) {
            script.add(Optional.of(Objects.requireNonNull(fault, "fault")));
        }
        return new FaultPlan(List.copyOf(script), 0, 0, List.of());
    }

    /**
     * A script entry for a request without a fault.
     *
     * @return an empty entry
     */
    public static Optional<Fault> ok() {
        return Optional.empty();
    }

    /**
     * Random faults, replayable from the seed.
     *
     * @param seed the seed; the same seed gives the same faults to the same requests
     * @param rate the probability that a request gets a fault, from 0 to 1
     * @param kinds the faults to choose from, uniformly
     * @return the plan
     */
    public static FaultPlan seeded(long seed, double rate, Fault... kinds) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a fault rate is a probability from 0 to 1, got " + rate);
        }
        if (kinds.length == 0) {
            throw new IllegalArgumentException("name at least one kind of fault");
        }
        return new FaultPlan(List.of(), seed, rate, List.of(kinds));
    }

    /**
     * The fault for the next request, if any; each call is the next request.
     *
     * @return the fault
     */
    public synchronized Optional<Fault> next() {
        int index = requests++;
        if (index < script.size()) {
            return script.get(index);
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        double draw = random.nextDouble();
        Fault kind = kinds.get(random.nextInt(kinds.size()));
        return draw < rate ? Optional.of(kind) : Optional.empty();
    }

    /**
     * How many requests the plan has seen.
     *
     * @return the count
     */
    public synchronized int requests() {
        return requests;
    }

    /** The kind of plan and, for a seeded one, the seed to replay it. */
    @Override
    public String toString() {
        return kinds.isEmpty() ? "FaultPlan[script=" + script + "]"
                : "FaultPlan[seed=" + seed + ", rate=" + rate + ", kinds=" + kinds + "]";
    }
}
