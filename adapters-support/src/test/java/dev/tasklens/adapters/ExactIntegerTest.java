package dev.tasklens.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every integer field of every wire record is read exactly or refused, with no annotation on the
 * record: out-of-range, fractional and exponent values are malformed replies, never wrapped or
 * rounded into a plausible status or count.
 */
class ExactIntegerTest {

    private static final SourceId SOURCE = SourceId.of("test.numbers");

    /** A wire record as the adapters write them: plain boxed integer fields. */
    public record Wire(@JsonbProperty("count") Long count, @JsonbProperty("status") Integer status,
            @JsonbProperty("time") @JsonbTypeDeserializer(WholeNumber.class) Long time,
            @JsonbProperty("id") @JsonbTypeDeserializer(WholeNumberAsText.class) String id) {
    }

    private static Wire read(String json) {
        return JsonReplies.read(SOURCE, json, Wire.class, Optional.of("req-1"));
    }

    @Test
    void wholeNumbersInRangeAreReadExactly() {
        Wire wire = read("{\"count\": 9223372036854775807, \"status\": -2147483648, \"time\": \"1744276967708\","
                + " \"id\": 1234567890123456789}");

        assertThat(wire.count()).isEqualTo(Long.MAX_VALUE);
        assertThat(wire.status()).isEqualTo(Integer.MIN_VALUE);
        assertThat(wire.time()).isEqualTo(1_744_276_967_708L);
        assertThat(wire.id()).isEqualTo("1234567890123456789");
        assertThat(read("{\"count\": \"5\", \"status\": null}").count()).isEqualTo(5L);
        assertThat(read("{}").status()).isNull();
    }

    @Test
    void anIntegerOutOfItsTypesRangeIsRefused() {
        // 4294967298 wraps to 2 as an int; 2^64 to 0 as a long; 2^64+1 to 1.
        for (String json : List.of("{\"status\": 4294967298}", "{\"status\": 2147483648}",
                "{\"count\": 18446744073709551616}", "{\"count\": 18446744073709551617}",
                "{\"count\": -9223372036854775809}", "{\"time\": 1000000000000000}", "{\"time\": -1}")) {
            assertThatThrownBy(() -> read(json)).as(json)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("out of its range")
                    .hasMessageContaining("req-1");
        }
    }

    @Test
    void aFractionOrAnExponentIsRefusedNotRounded() {
        for (String json : List.of("{\"count\": 1.9}", "{\"count\": 1.0}", "{\"count\": 1e2}", "{\"count\": 1e0}",
                "{\"status\": 1e999999999}", "{\"count\": 1e2000000000}", "{\"count\": \"1.5\"}",
                "{\"time\": 1e3}", "{\"id\": 1e5}", "{\"id\": 1.5}")) {
            assertThatThrownBy(() -> read(json)).as(json)
                    .isInstanceOf(MalformedResponseException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("digits", "fraction"));
        }
    }

    @Test
    void somethingOtherThanANumberIsRefused() {
        for (String json : List.of("{\"count\": true}", "{\"count\": [1]}", "{\"status\": {}}", "{\"count\": \"\"}",
                "{\"count\": \"-\"}")) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(MalformedResponseException.class);
        }
    }
}
