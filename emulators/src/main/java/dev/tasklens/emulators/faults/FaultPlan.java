package dev.tasklens.emulators.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** How long a {@code slow} fault of {@link #parse(String, long)} holds its reply. */
    public static final Duration SLOW = Duration.ofSeconds(2);

    /** The names {@link #parse(String, long)} knows, with the fault each stands for. */
    private static final Map<String, Fault> NAMED = namedFaults();

    private final List<Optional<Fault>> script;
    private final long seed;
    private final List<Fault> kinds;
    private final double[] cumulative;
    private final SplittableRandom random;
    private int requests;

    private FaultPlan(List<Optional<Fault>> script, long seed, List<Fault> kinds, double[] cumulative) {
        this.script = script;
        this.seed = seed;
        this.kinds = kinds;
        this.cumulative = cumulative;
        this.random = new SplittableRandom(seed);
    }

    /**
     * No faults.
     *
     * @return the plan
     */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), 0, List.of(), new double[0]);
    }

    /**
     * A fixed sequence: request 0 gets the first entry, and so on; use {@link #ok()} for a
     * request without a fault. Requests after the script have none.
     *
     * @param faults one entry per request
     * @return the plan
     */
    public static FaultPlan script(List<Optional<Fault>> faults) {
        return new FaultPlan(List.copyOf(faults), 0, List.of(), new double[0]);
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
        return new FaultPlan(List.copyOf(script), 0, List.of(), new double[0]);
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
     * Random faults, replayable from the seed: each request gets a fault with probability
     * {@code rate}, of a kind chosen uniformly.
     *
     * @param seed the seed; the same seed gives the same faults to the same requests
     * @param rate the probability that a request gets a fault, from 0 to 1
     * @param kinds the faults to choose from, uniformly
     * @return the plan
     */
    public static FaultPlan seeded(long seed, double rate, Fault... kinds) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a fault rate is a probability from 0 to 1, got " + rate);
        }
        if (kinds.length == 0) {
            throw new IllegalArgumentException("name at least one kind of fault");
        }
        Map<Fault, Double> probabilities = new LinkedHashMap<>();
        for (Fault kind : kinds) {
            probabilities.merge(Objects.requireNonNull(kind, "kind"), rate / kinds.length, Double::sum);
        }
        return weighted(seed, probabilities);
    }

    /**
     * Random faults with a probability for each kind, replayable from the seed.
     *
     * @param seed the seed; the same seed gives the same faults to the same requests
     * @param probabilities each fault's probability per request; together at most 1
     * @return the plan
     * @throws IllegalArgumentException if a probability is outside 0..1 or they add up to more than 1
     */
    public static FaultPlan weighted(long seed, Map<Fault, Double> probabilities) {
        List<Fault> kinds = new ArrayList<>();
        double[] cumulative = new double[probabilities.size()];
        double total = 0;
        for (Map.Entry<Fault, Double> entry : probabilities.entrySet()) {
            double probability = Objects.requireNonNull(entry.getValue(), "probability");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("the probability of fault '" + nameOf(entry.getKey()) + "' is "
                        + probability + ", not a number from 0 to 1");
            }
            total += probability;
            cumulative[kinds.size()] = total;
            kinds.add(Objects.requireNonNull(entry.getKey(), "fault"));
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("the fault probabilities add up to " + total
                    + ", more than 1: lower some of them");
        }
        return new FaultPlan(List.of(), seed, List.copyOf(kinds), cumulative);
    }

    /**
     * A plan from a spec such as {@code throttle=0.3,error=0.1,drop=0.05,slow=0.05}: each name a
     * fault, each number its probability per request (together at most 1). The names:
     * {@code throttle} (the provider's own throttling reply), {@code error} (HTTP 503),
     * {@code drop} (the connection closes without a reply), {@code slow} (the reply waits
     * {@link #SLOW} more), {@code truncate} (the body stops half-way), {@code malformed} (a body
     * that does not parse), {@code empty} (an empty page before the end, where the API allows it),
     * {@code repeat} (a page token handed back again).
     *
     * @param spec the spec; blank for no faults
     * @param seed the seed that replays the plan
     * @return the plan
     * @throws IllegalArgumentException naming the part of the spec that is wrong and what is expected
     */
    public static FaultPlan parse(String spec, long seed) {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) {
            return none();
        }
        Map<Fault, Double> probabilities = new LinkedHashMap<>();
        for (String part : spec.split(",", -1)) {
            String[] pair = part.trim().split("=", -1);
            Fault fault = pair.length == 2 ? NAMED.get(pair[0].trim()) : null;
            if (fault == null) {
                throw new IllegalArgumentException("fault '" + part.trim() + "' is not NAME=PROBABILITY with NAME one"
                        + " of " + String.join(", ", NAMED.keySet()) + "; for example throttle=0.3,error=0.1");
            }
            double probability;
            try {
                probability = Double.parseDouble(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the probability of fault '" + pair[0].trim() + "' is '"
                        + pair[1].trim() + "', not a number from 0 to 1 such as 0.05", e);
            }
            if (probabilities.put(fault, probability) != null) {
                throw new IllegalArgumentException("fault '" + pair[0].trim() + "' is named twice in '" + spec + "'");
            }
        }
        return weighted(seed, probabilities);
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
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return Optional.of(kinds.get(i));
            }
        }
        return Optional.empty();
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
        if (kinds.isEmpty()) {
            return "FaultPlan[script=" + script + "]";
        }
        StringBuilder text = new StringBuilder("FaultPlan[seed=").append(seed);
        double previous = 0;
        for (int i = 0; i < kinds.size(); i++) {
            text.append(", ").append(nameOf(kinds.get(i))).append('=').append(cumulative[i] - previous);
            previous = cumulative[i];
        }
        return text.append(']').toString();
    }

    /** The name a fault is written with in a spec, or its kind when it has none. */
    private static String nameOf(Fault fault) {
        return NAMED.entrySet().stream().filter(entry -> entry.getValue().equals(fault)).map(Map.Entry::getKey)
                .findFirst().orElse(fault.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase(java.util.Locale.ROOT));
    }

    private static Map<String, Fault> namedFaults() {
        Map<String, Fault> named = new LinkedHashMap<>();
        named.put("throttle", new Fault.Throttle());
        named.put("error", new Fault.ServerError(503));
        named.put("drop", new Fault.DroppedConnection());
        named.put("slow", new Fault.Slow(SLOW));
        named.put("truncate", new Fault.TruncatedBody());
        named.put("malformed", new Fault.MalformedBody());
        named.put("empty", new Fault.EmptyPage());
        named.put("repeat", new Fault.RepeatedCursor());
        return java.util.Collections.unmodifiableMap(named);
    }
}
