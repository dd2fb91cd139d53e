package dev.tasklens.properties;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a property over generated cases as JUnit 5 dynamic tests, one per case: return its result
 * from a {@code @TestFactory} method.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> aTokenSurvivesPrinting() {
 *     return Property.forAll(300, Gen.strings(Gen.ALPHA, 1, 300), text -> assertThat(...));
 * }
 * }</pre>
 *
 * <p>Each case draws its values from its own seed. A failing case names that seed and the values;
 * running with {@code -Dtasklens.seed=SEED} runs every property once, with exactly that seed, to
 * replay it. Without it, each run starts from a fresh seed, so runs explore new cases.
 */
public final class Property {

    /** The system property that replays one case. */
    public static final String SEED_PROPERTY = "tasklens.seed";

    private Property() {
    }

    /**
     * A check of one generated value.
     *
     * @param <A> the value's type
     */
    @FunctionalInterface
    public interface Check1<A> {
        /**
         * Checks one case.
         *
         * @param a the value
         * @throws Throwable an assertion failure
         */
        void check(A a) throws Throwable;
    }

    /**
     * A check of two generated values.
     *
     * @param <A> the first value's type
     * @param <B> the second value's type
     */
    @FunctionalInterface
    public interface Check2<A, B> {
        /**
         * Checks one case.
         *
         * @param a the first value
         * @param b the second value
         * @throws Throwable an assertion failure
         */
        void check(A a, B b) throws Throwable;
    }

    /**
     * A check of three generated values.
     *
     * @param <A> the first value's type
     * @param <B> the second value's type
     * @param <C> the third value's type
     */
    @FunctionalInterface
    public interface Check3<A, B, C> {
        /**
         * Checks one case.
         *
         * @param a the first value
         * @param b the second value
         * @param c the third value
         * @throws Throwable an assertion failure
         */
        void check(A a, B b, C c) throws Throwable;
    }

    /**
     * A property of one value.
     *
     * @param tries how many cases
     * @param a the value's generator
     * @param check the property
     * @param <A> the value's type
     * @return one dynamic test per case
     */
    public static <A> Stream<DynamicTest> forAll(int tries, Gen<A> a, Check1<A> check) {
        Objects.requireNonNull(a, "a");
        return cases(tries, random -> {
            A first = a.next(random);
            return new Case(new Object[] {first}, () -> check.check(first));
        });
    }

    /**
     * A property of two values.
     *
     * @param tries how many cases
     * @param a the first value's generator
     * @param b the second value's generator
     * @param check the property
     * @param <A> the first value's type
     * @param <B> the second value's type
     * @return one dynamic test per case
     */
    public static <A, B> Stream<DynamicTest> forAll(int tries, Gen<A> a, Gen<B> b, Check2<A, B> check) {
        return cases(tries, random -> {
            A first = a.next(random);
            B second = b.next(random);
            return new Case(new Object[] {first, second}, () -> check.check(first, second));
        });
    }

    /**
     * A property of three values.
     *
     * @param tries how many cases
     * @param a the first value's generator
     * @param b the second value's generator
     * @param c the third value's generator
     * @param check the property
     * @param <A> the first value's type
     * @param <B> the second value's type
     * @param <C> the third value's type
     * @return one dynamic test per case
     */
    public static <A, B, C> Stream<DynamicTest> forAll(int tries, Gen<A> a, Gen<B> b, Gen<C> c,
            Check3<A, B, C> check) {
        return cases(tries, random -> {
            A first = a.next(random);
            B second = b.next(random);
            C third = c.next(random);
            return new Case(new Object[] {first, second, third}, () -> check.check(first, second, third));
        });
    }

    /** The seeds of this run's cases: one given to replay, or {@code tries} drawn from a fresh seed. */
    static long[] seeds(int tries, String replay) {
        if (tries < 1) {
            throw new IllegalArgumentException("a property needs at least 1 try, got " + tries);
        }
        if (replay != null && !replay.isBlank()) {
            try {
                return new long[] {Long.parseLong(replay.trim())};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + replay
                        + " is not a seed; give the number a failing case printed", e);
            }
        }
        SplittableRandom run = new SplittableRandom();
        return LongStream.generate(run::nextLong).limit(tries).toArray();
    }

    /** One generated case: its values, for the report, and the check to run on them. */
    private record Case(Object[] values, Executable check) {
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Throwable;
    }

    @FunctionalInterface
    private interface Draw {
        Case draw(SplittableRandom random);
    }

    private static Stream<DynamicTest> cases(int tries, Draw draw) {
        long[] seeds = seeds(tries, System.getProperty(SEED_PROPERTY));
        return Arrays.stream(seeds).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Case generated = draw.draw(new SplittableRandom(seed));
            try {
                generated.check().run();
            } catch (Throwable failure) {
                if (failure instanceof VirtualMachineError error) {
                    throw error;
                }
                throw new AssertionError("property failed with seed " + seed + " (replay: -D" + SEED_PROPERTY + "="
                        + seed + ") for " + describe(generated.values()) + ": " + failure.getMessage(), failure);
            }
        }));
    }

    private static String describe(Object[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(show(values[i]));
        }
        return text.append(']').toString();
    }

    /** A value as a report shows it: bounded, and with every character outside printable ASCII escaped. */
    private static String show(Object value) {
        String text = value instanceof byte[] bytes ? "bytes" + Arrays.toString(bytes) : String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < 500; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return shown.length() < 500 ? shown.toString() : shown + "...";
    }
}
