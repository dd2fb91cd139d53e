package dev.tasklens.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The hand-read common form agrees with {@link OffsetDateTime#parse} on every text. */
class ReplyTimesTest {

    private static final SourceId SOURCE = SourceId.of("test.source");

    private static Optional<Instant> jdk(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyValidTimeReadsAsTheJdkReadsIt() {
        Gen<Long> seconds = Gen.longs(-62_000_000_000L, 250_000_000_000L);
        Gen<Integer> nanos = Gen.ints(0, 999_999_999);
        Gen<Integer> offsetMinutes = Gen.ints(-18 * 60, 18 * 60);
        return Property.forAll(2000, seconds, nanos, offsetMinutes, (second, nano, offset) -> {
            OffsetDateTime time = Instant.ofEpochSecond(second, nano).atOffset(ZoneOffset.ofTotalSeconds(offset * 60));
            for (String text : new String[] {time.toString(), time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    time.withNano(0).toString(), time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString()}) {
                Optional<Instant> expected = jdk(text);
                Optional<Instant> fast = ReplyTimes.commonForm(text);
                if (fast.isPresent()) {
                    assertThat(fast).as(text).isEqualTo(expected);
                }
                assertThat(ReplyTimes.iso8601(SOURCE, "t", text, Optional.empty())).as(text).isEqualTo(expected);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> anAlteredTimeIsReadAsTheJdkReadsItOrRefused() {
        String base = "2026-11-22T20:00:00.123+08:00";
        return Property.forAll(3000, Gen.ints(0, base.length() - 1), Gen.of("0", "9", "-", ":", "T", "Z", "z", "+",
                ".", " ", "", "12", "t", "\u0661"), (at, insert) -> {
            String text = base.substring(0, at) + insert + base.substring(at + 1);
            Optional<Instant> fast = ReplyTimes.commonForm(text);
            if (fast.isPresent()) {
                assertThat(fast).as(text).isEqualTo(jdk(text));
            }
            if (jdk(text).isEmpty()) {
                assertThatThrownBy(() -> ReplyTimes.iso8601(SOURCE, "t", text, Optional.empty()))
                        .isInstanceOf(MalformedResponseException.class);
            }
        });
    }

    @Test
    void theFormsRepliesUseAreReadByHand() {
        assertThat(ReplyTimes.commonForm("2026-11-22T12:00:00Z")).contains(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(ReplyTimes.commonForm("2026-11-22T20:00:00+08:00")).contains(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(ReplyTimes.commonForm("2026-11-22T12:00:00.5Z")).contains(Instant.parse("2026-11-22T12:00:00.500Z"));
        assertThat(ReplyTimes.commonForm("2026-02-30T12:00:00Z")).isEmpty();
        assertThat(ReplyTimes.commonForm("2026-11-22T12:00Z")).isEmpty();
    }
}
