package dev.tasklens.emulators.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fault plans as a sandbox user writes them: {@code --faults throttle=0.3,... --seed N}. */
class FaultPlanTest {

    private static List<Optional<Fault>> draw(FaultPlan plan, int requests) {
        List<Optional<Fault>> faults = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            faults.add(plan.next());
        }
        return faults;
    }

    private enum Kind { THROTTLE, ERROR, DROP, SLOW, NONE }

    private static Kind kind(Optional<Fault> fault) {
        if (fault.isEmpty()) {
            return Kind.NONE;
        }
        Fault f = fault.get();
        if (f instanceof Fault.Throttle) {
            return Kind.THROTTLE;
        }
        if (f instanceof Fault.ServerError) {
            return Kind.ERROR;
        }
        if (f instanceof Fault.DroppedConnection) {
            return Kind.DROP;
        }
        if (f instanceof Fault.Slow) {
            return Kind.SLOW;
        }
        throw new AssertionError("unexpected " + fault);
    }

    @Test
    void aSpecGivesEachFaultItsOwnShareOfTheRequests() {
        List<Optional<Fault>> faults = draw(FaultPlan.parse("throttle=0.3,error=0.1,drop=0.05,slow=0.05", 7), 20_000);
        Map<Kind, Long> counts = faults.stream().map(FaultPlanTest::kind)
                .collect(Collectors.groupingBy(Function.identity(), () -> new EnumMap<>(Kind.class),
                        Collectors.counting()));

        assertThat(counts.get(Kind.THROTTLE)).isBetween(5_600L, 6_400L);
        assertThat(counts.get(Kind.ERROR)).isBetween(1_800L, 2_200L);
        assertThat(counts.get(Kind.DROP)).isBetween(850L, 1_150L);
        assertThat(counts.get(Kind.SLOW)).isBetween(850L, 1_150L);
        assertThat(counts.get(Kind.NONE)).isBetween(9_600L, 10_400L);
        assertThat(faults).filteredOn(Optional::isPresent).map(Optional::get)
                .filteredOn(Fault.ServerError.class::isInstance).allSatisfy(fault ->
                        assertThat(((Fault.ServerError) fault).status()).isEqualTo(503));
    }

    @Test
    void theSameSeedReplaysTheSameFaultsAndAnotherSeedDoesNot() {
        String spec = "throttle=0.2,drop=0.1";

        assertThat(draw(FaultPlan.parse(spec, 42), 500)).isEqualTo(draw(FaultPlan.parse(spec, 42), 500));
        assertThat(draw(FaultPlan.parse(spec, 42), 500)).isNotEqualTo(draw(FaultPlan.parse(spec, 43), 500));
        assertThat(FaultPlan.parse(spec, 42).toString()).contains("seed=42");
    }

    @Test
    void aBlankSpecHasNoFaults() {
        assertThat(draw(FaultPlan.parse(" ", 1), 100)).allMatch(Optional::isEmpty);
    }

    @Test
    void aWrongSpecIsRefusedWithWhatWasWrongAndAnExample() {
        assertThatThrownBy(() -> FaultPlan.parse("thottle=0.3", 1))
                .hasMessageContaining("'thottle=0.3'").hasMessageContaining("throttle, error, drop, slow")
                .hasMessageContaining("for example");
        assertThatThrownBy(() -> FaultPlan.parse("throttle", 1)).hasMessageContaining("NAME=PROBABILITY");
        assertThatThrownBy(() -> FaultPlan.parse("drop=lots", 1)).hasMessageContaining("'lots'")
                .hasMessageContaining("0 to 1");
        // Named as written, never as the record's toString (DroppedConnection[]).
        assertThatThrownBy(() -> FaultPlan.parse("drop=1.5", 1))
                .hasMessage("the probability of fault 'drop' is 1.5, not a number from 0 to 1");
        assertThatThrownBy(() -> FaultPlan.parse("drop=NaN", 1)).hasMessageContaining("not a number from 0 to 1")
                .hasMessageNotContaining("[]");
        assertThatThrownBy(() -> FaultPlan.parse("drop=0.6,throttle=0.6", 1)).hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FaultPlan.parse("drop=0.1,drop=0.2", 1)).hasMessageContaining("twice");
    }
}
