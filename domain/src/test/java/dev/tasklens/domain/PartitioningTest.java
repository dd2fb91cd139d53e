package dev.tasklens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** How queries split into partitions, and how a resume token carries them. */
class PartitioningTest {

    private static final SourceId SOURCE = SourceId.of("test.source");
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Partitioning.ByStatus ONE_PER_STATUS = Partitioning.byStatus(wanted ->
            (wanted.isEmpty() ? EnumSet.of(TaskStatus.PENDING, TaskStatus.RUNNING) : wanted).stream()
                    .map(Set::of).toList());

    @Test
    void aBoundedWindowIsCutIntoContiguousSlicesOnTheGrainNewestFirst() {
        TaskQuery query = TaskQuery.forSource(SOURCE).createdBetween(Instant.parse("2026-11-20T00:00:00.250Z"),
                Instant.parse("2026-11-20T00:00:10.500Z")).build();

        List<Partition> parts = Partitioning.byWindow(Duration.ofSeconds(1)).plan(query, Optional.empty(), NOW, 4);

        assertThat(parts).hasSize(4);
        assertThat(parts.get(0).createdTo()).isEqualTo(query.createdTo());
        assertThat(parts.get(3).createdFrom()).isEqualTo(query.createdFrom());
        for (int i = 0; i + 1 < parts.size(); i++) {
            Instant cut = parts.get(i).createdFrom().orElseThrow();
            assertThat(parts.get(i + 1).createdTo()).contains(cut);
            assertThat(cut.getNano()).as("a cut on the whole second").isZero();
        }
    }

    @Test
    void anOpenWindowIsBoundedByTheLookbackAndKeepsItsOpenEnds() {
        TaskQuery query = TaskQuery.forSource(SOURCE).build();

        List<Partition> parts = Partitioning.byWindow(Duration.ofSeconds(1))
                .plan(query, Optional.of(Duration.ofDays(7)), NOW, 7);

        assertThat(parts).hasSize(7);
        assertThat(parts.get(0).createdTo()).as("the newest slice reaches tasks created while listing").isEmpty();
        assertThat(parts.get(6).createdFrom()).isEmpty();
        assertThat(parts.get(0).createdFrom()).contains(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void anOpenWindowWithoutALookbackIsNotSliced() {
        TaskQuery query = TaskQuery.forSource(SOURCE).createdBefore(NOW).build();

        assertThat(Partitioning.byWindow(Duration.ofMillis(1)).plan(query, Optional.empty(), NOW, 8))
                .containsExactly(Partition.whole(query));
    }

    @Test
    void statusAndWindowGiveTheNewestSliceOfEveryStatusFirst() {
        TaskQuery query = TaskQuery.forSource(SOURCE).createdBetween(NOW.minusSeconds(100), NOW).build();

        List<Partition> parts = ONE_PER_STATUS.andByWindow(Duration.ofSeconds(1))
                .plan(query, Optional.empty(), NOW, 6);

        assertThat(parts).hasSize(6);
        assertThat(parts).extracting(Partition::statuses).containsExactly(Set.of(TaskStatus.PENDING),
                Set.of(TaskStatus.RUNNING), Set.of(TaskStatus.PENDING), Set.of(TaskStatus.RUNNING),
                Set.of(TaskStatus.PENDING), Set.of(TaskStatus.RUNNING));
        assertThat(parts.get(0).createdTo()).contains(NOW);
        assertThat(parts.get(1).createdTo()).contains(NOW);
    }

    @Test
    void aSplitWithNoStatusTheProviderHasListsTheQueryWhole() {
        TaskQuery query = TaskQuery.forSource(SOURCE).status(TaskStatus.UNKNOWN).build();

        assertThat(Partitioning.byStatus(wanted -> List.of()).plan(query, Optional.empty(), NOW, 8))
                .containsExactly(Partition.whole(query));
    }

    @TestFactory
    Stream<DynamicTest> everyInstantOfTheWindowIsInExactlyOneSlice() {
        Gen<Long> start = Gen.longs(0, 10_000_000L);
        Gen<Long> span = Gen.longs(1, 5_000_000L);
        Gen<Integer> slices = Gen.ints(1, 40);
        return Property.forAll(500, start, span, slices, (from, length, count) -> {
            Instant low = NOW.minusMillis(from + length);
            Instant high = NOW.minusMillis(from);
            TaskQuery query = TaskQuery.forSource(SOURCE).createdBetween(low, high).build();
            List<Partition> parts = Partitioning.byWindow(Duration.ofSeconds(1)).plan(query, Optional.empty(), NOW,
                    count);

            assertThat(parts.size()).isBetween(1, count);
            for (long probe = 0; probe < length; probe += Math.max(1, length / 97)) {
                Task task = Task.builder(SOURCE, "t").type("x").status(TaskStatus.RUNNING, "r")
                        .createdAt(low.plusMillis(probe)).build();
                assertThat(parts.stream().filter(part -> part.holds(task)).count())
                        .as("slices holding %s", low.plusMillis(probe)).isEqualTo(1);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aTokenCarriesEveryPartitionsPositionExactly() {
        Gen<PartitionPosition> position = random -> {
            Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
            for (TaskStatus status : TaskStatus.values()) {
                if (random.nextBoolean()) {
                    statuses.add(status);
                }
            }
            long from = random.nextInt(1_000_000);
            Partition part = new Partition(statuses,
                    random.nextBoolean() ? Optional.of(Instant.ofEpochSecond(from, random.nextInt(1_000_000_000)))
                            : Optional.empty(),
                    random.nextBoolean() ? Optional.of(Instant.ofEpochSecond(from + 1 + random.nextInt(1000)))
                            : Optional.empty(),
                    random.nextBoolean() ? Optional.of("word-\u00e9-" + random.nextInt(1000)) : Optional.empty());
            return switch (random.nextInt(4)) {
                case 0 -> PartitionPosition.finished(part);
                case 1 -> PartitionPosition.at(part, PagePosition.start(), 0);
                case 2 -> PartitionPosition.at(part, PagePosition.offset(random.nextInt(10_000)), random.nextInt(50));
                default -> PartitionPosition.at(part, PagePosition.token("tok-" + random.nextLong()),
                        random.nextInt(50));
            };
        };
        return Property.forAll(300, position.list(1, 40), positions -> {
            if (positions.stream().allMatch(PartitionPosition::isFinished)) {
                assertThatThrownBy(() -> PageToken.of(TaskQuery.forSource(SOURCE).build(), positions,
                        OptionalInt.empty(), TokenSeal.none())).isInstanceOf(IllegalArgumentException.class);
                return;
            }
            PageToken token = PageToken.of(TaskQuery.forSource(SOURCE).build(), positions, OptionalInt.empty(),
                    TokenSeal.none());

            assertThat(PageToken.parse(token.value()).partitions()).containsExactlyElementsOf(positions);
        });
    }

    @Test
    void aStatusListedBySeveralTermsIsOnePartitionPerTermAndItsSlicesKeepTheTerm() {
        Partitioning.ByStatus byWord = ONE_PER_STATUS.eachBy(statuses -> statuses.contains(TaskStatus.PENDING)
                ? List.of("PENDING", "WAITING", "QUEUED") : List.of());
        TaskQuery query = TaskQuery.forSource(SOURCE).status(TaskStatus.PENDING).status(TaskStatus.RUNNING)
                .createdBetween(NOW.minus(Duration.ofHours(4)), NOW).build();

        List<Partition> plan = byWord.plan(query, Optional.empty(), NOW, 1);

        assertThat(plan).extracting(Partition::term).containsExactly(Optional.of("PENDING"), Optional.of("WAITING"),
                Optional.of("QUEUED"), Optional.empty());
        List<Partition> slices = byWord.andByWindow(Duration.ofSeconds(1)).slice(plan.get(1), Optional.empty(), NOW, 4);
        assertThat(slices).hasSize(4).extracting(Partition::term).containsOnly(Optional.of("WAITING"));
    }

    @Test
    void aTokenOfTheEarlierPartitionedFormIsRefusedWithAClearMessage() throws IOException {
        // Version 3: partitions without terms, as the earlier tasklens printed them.
        assertThatThrownBy(() -> PageToken.parse(checksummed(3)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("earlier tasklens version")
                .hasMessageContaining("Start the listing again without it");
    }

    /** A token body of some version with a valid checksum: whatever follows the version is not read. */
    private static String checksummed(int version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            out.writeByte(0);
            out.write(new byte[PageToken.FINGERPRINT_LENGTH + TokenSeal.BINDING_LENGTH]);
            out.writeInt(0);
            out.writeInt(1);
            out.writeInt(0);
            out.writeLong(0);
        }
        return withChecksum(bytes.toByteArray());
    }

    /** The printed form of a token body under its CRC-32, as an unkeyed token is sealed. */
    private static String withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] whole = ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(whole);
    }

    @Test
    void aTokenOfTheSinglePartitionFormIsRefusedWithAClearMessage() throws IOException {
        // Version 2: a whole, checksummed token as the earlier tasklens printed it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeByte(0);
            out.write(new byte[PageToken.FINGERPRINT_LENGTH + TokenSeal.BINDING_LENGTH]);
            out.writeByte(1);
            out.writeInt(3);
            out.write("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeLong(0);
            out.writeInt(0);
        }
        String token = withChecksum(bytes.toByteArray());

        assertThatThrownBy(() -> PageToken.parse(token))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("earlier tasklens version")
                .hasMessageContaining("Start the listing again without it");
    }
}
