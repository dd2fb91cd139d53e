package dev.tasklens.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The runner reports a failing case with its seed, and that seed brings back the same values. */
class PropertyTest {

    private static Throwable failureOf(DynamicTest test) {
        Executable executable = test.getExecutable();
        try {
            executable.execute();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    @Test
    void aFailingCaseNamesItsValuesAndTheSeedThatReplaysIt() {
        Gen<Integer> numbers = Gen.ints(0, 1_000);
        List<DynamicTest> cases = Property.forAll(200, numbers, n -> assertThat(n).isLessThan(900)).toList();

        List<Throwable> failures = cases.stream().map(PropertyTest::failureOf).filter(f -> f != null).toList();

        assertThat(cases).hasSize(200);
        assertThat(failures).isNotEmpty();
        Throwable failure = failures.get(0);
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("(replay: -Dtasklens.seed=");
        String seed = failure.getMessage().replaceAll("(?s).*-Dtasklens\\.seed=(-?\\d+).*", "$1");
        String value = failure.getMessage().replaceAll("(?s).* for \\[(\\d+)\\].*", "$1");
        // The seed alone gives the same value back, which is what makes a failure replayable.
        assertThat(numbers.next(new SplittableRandom(Long.parseLong(seed)))).isEqualTo(Integer.parseInt(value))
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void aReportShowsControlAndNonAsciiCharactersEscaped() {
        Throwable failure = failureOf(Property.forAll(1, Gen.constant("a\u0000b\u4e2d"), text -> {
            throw new AssertionError("no");
        }).findFirst().orElseThrow());

        assertThat(failure.getMessage()).contains("[a\\u0000b\\u4e2d]").doesNotContain("\u0000");
    }

    @Test
    void aPassingPropertyPassesEveryCaseAndEachCaseIsNamedBySeed() {
        List<DynamicTest> cases = Property.forAll(50, Gen.ints(1, 9), Gen.ints(1, 9),
                (a, b) -> assertThat(a * b).isBetween(1, 81)).toList();

        assertThat(cases).hasSize(50).allSatisfy(test -> {
            assertThat(failureOf(test)).isNull();
            assertThat(test.getDisplayName()).matches("seed -?\\d+");
        });
    }

    @Test
    void theReplayPropertyRunsExactlyOneCaseWithThatSeed() {
        assertThat(Property.seeds(300, "42")).containsExactly(42L);
        assertThat(Property.seeds(300, null)).hasSize(300);
        assertThat(Property.seeds(300, " ")).hasSize(300);
        assertThatThrownBy(() -> Property.seeds(10, "abc")).hasMessageContaining("is not a seed");
        assertThatThrownBy(() -> Property.seeds(0, null)).hasMessageContaining("at least 1 try");
    }

    @Test
    void generatorsStayInTheirBoundsAndReachTheirEnds() {
        SplittableRandom random = new SplittableRandom(7);
        List<Integer> ints = new ArrayList<>();
        List<Long> longs = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ints.add(Gen.ints(-3, 3).next(random));
            longs.add(Gen.longs(0, Long.MAX_VALUE).next(random));
            strings.add(Gen.strings("ab", 2, 4).next(random));
        }

        assertThat(ints).allSatisfy(n -> assertThat(n).isBetween(-3, 3)).contains(-3, 3);
        assertThat(longs).allSatisfy(n -> assertThat(n).isNotNegative()).contains(0L, Long.MAX_VALUE);
        assertThat(strings).allSatisfy(s -> assertThat(s).hasSizeBetween(2, 4).matches("[ab]+"));
        assertThat(strings.stream().collect(Collectors.toSet())).hasSizeGreaterThan(10);
        assertThatThrownBy(() -> Gen.ints(3, 2)).hasMessageContaining("empty range");
    }

    @Test
    void theSameSeedGivesTheSameValues() {
        Gen<List<String>> gen = Gen.oneOf(Gen.anyStrings(0, 20), Gen.of("x", "y")).list(0, 10);

        assertThat(gen.next(new SplittableRandom(99))).isEqualTo(gen.next(new SplittableRandom(99)));
    }
}
