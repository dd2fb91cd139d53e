package dev.tasklens.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test values, drawn from a seeded random source so that the same seed gives the
 * same value. Generators are small functions combined with {@link #map}, {@link #flatMap} and
 * {@link #oneOf}; there is no shrinking: a failing case is replayed from its seed instead.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Gen<T> {

    /**
     * Draws one value.
     *
     * @param random the seeded source
     * @return the value
     */
    T next(SplittableRandom random);

    /**
     * Values of this generator, transformed.
     *
     * @param function the transformation
     * @param <R> the new type
     * @return the generator
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> function) {
        Objects.requireNonNull(function, "function");
        return random -> function.apply(next(random));
    }

    /**
     * A generator chosen by a value of this one.
     *
     * @param function gives the generator to draw from next
     * @param <R> the new type
     * @return the generator
     */
    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> function) {
        Objects.requireNonNull(function, "function");
        return random -> function.apply(next(random)).next(random);
    }

    /**
     * Values of this generator that pass a test; draws again until one does.
     *
     * @param predicate the test
     * @return the generator
     * @throws IllegalStateException from {@link #next} if 10,000 draws in a row fail the test
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return random -> {
            for (int i = 0; i < 10_000; i++) {
                T value = next(random);
                if (predicate.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("10000 values in a row failed the filter: loosen it or generate"
                    + " values that pass");
        };
    }

    /**
     * This generator's values, or now and then none.
     *
     * @param presence the chance of a value, from 0 to 1
     * @return the generator
     */
    default Gen<Optional<T>> optional(double presence) {
        return random -> random.nextDouble() < presence ? Optional.of(next(random)) : Optional.empty();
    }

    /**
     * Lists of values of this generator.
     *
     * @param minSize the fewest elements
     * @param maxSize the most elements
     * @return the generator
     */
    default Gen<List<T>> list(int minSize, int maxSize) {
        Gen<Integer> size = ints(minSize, maxSize);
        return random -> {
            int count = size.next(random);
            List<T> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /**
     * Always the same value.
     *
     * @param value the value
     * @param <T> its type
     * @return the generator
     */
    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /**
     * One of some values, uniformly.
     *
     * @param values the values, at least one
     * @param <T> their type
     * @return the generator
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /**
     * One of some values, uniformly.
     *
     * @param values the values, at least one
     * @param <T> their type
     * @return the generator
     */
    static <T> Gen<T> of(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("choose from at least one value");
        }
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /**
     * A value of one of some generators, each chosen with equal chance.
     *
     * @param generators the generators, at least one
     * @param <T> their type
     * @return the generator
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        if (generators.length == 0) {
            throw new IllegalArgumentException("choose from at least one generator");
        }
        List<Gen<? extends T>> copy = List.of(generators);
        return random -> copy.get(random.nextInt(copy.size())).next(random);
    }

    /**
     * Integers in a range; the ends come up more often than chance, as bugs live there.
     *
     * @param min the least, inclusive
     * @param max the greatest, inclusive
     * @return the generator
     */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /**
     * Longs in a range; the ends come up more often than chance, as bugs live there.
     *
     * @param min the least, inclusive
     * @param max the greatest, inclusive
     * @return the generator
     */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("an empty range: " + min + " > " + max);
        }
        return random -> {
            int edge = random.nextInt(20);
            if (edge == 0) {
                return min;
            }
            if (edge == 1) {
                return max;
            }
            if (max < Long.MAX_VALUE) {
                return random.nextLong(min, max + 1);
            }
            return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
        };
    }

    /**
     * True or false.
     *
     * @return the generator
     */
    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /**
     * Strings of characters from an alphabet.
     *
     * @param alphabet the characters to choose from, each with equal chance
     * @param minLength the shortest
     * @param maxLength the longest
     * @return the generator
     */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("an alphabet needs at least one character");
        }
        Gen<Integer> length = ints(minLength, maxLength);
        return random -> {
            int count = length.next(random);
            StringBuilder text = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        };
    }

    /**
     * Strings of any characters of the Basic Multilingual Plane, control characters included, but no
     * surrogate: every string is well-formed text that survives UTF-8.
     *
     * @param minLength the shortest
     * @param maxLength the longest
     * @return the generator
     */
    static Gen<String> anyStrings(int minLength, int maxLength) {
        Gen<Integer> length = ints(minLength, maxLength);
        return random -> {
            int count = length.next(random);
            StringBuilder text = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                // Mostly ASCII, where most bugs show, and now and then anything.
                char c = (char) (random.nextInt(4) == 0 ? random.nextInt(Character.MAX_VALUE + 1)
                        : random.nextInt(0x80));
                text.append(Character.isSurrogate(c) ? '?' : c);
            }
            return text.toString();
        };
    }

    /**
     * Byte arrays of any content.
     *
     * @param minSize the shortest
     * @param maxSize the longest
     * @return the generator
     */
    static Gen<byte[]> bytes(int minSize, int maxSize) {
        Gen<Integer> size = ints(minSize, maxSize);
        return random -> {
            byte[] bytes = new byte[size.next(random)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            return bytes;
        };
    }

    /** Letters a to z and A to Z. */
    String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Digits 0 to 9. */
    String NUMERIC = "0123456789";

    /**
     * The characters from one to another, as an alphabet for {@link #strings}.
     *
     * @param from the first
     * @param to the last, inclusive
     * @return the characters
     */
    static String range(char from, char to) {
        StringBuilder characters = new StringBuilder();
        for (int c = from; c <= to; c++) {
            characters.append((char) c);
        }
        return characters.toString();
    }
}
