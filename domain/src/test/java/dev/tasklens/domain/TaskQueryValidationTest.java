package dev.tasklens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every rule a query is checked against, with the message a person gets. */
class TaskQueryValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final SourceDescriptor MPS = SourceDescriptor
            .builder(SourceId.TENCENT_MPS, Cursor.of(100, 100, "DescribeTasks Limit"))
            .lookback(Duration.ofDays(7))
            .pushesDown(QueryFilter.STATUS, QueryFilter.CREATED_TIME)
            .build();
    private static final SourceDescriptor CLS = SourceDescriptor
            .builder(SourceId.TENCENT_CLS, SingleWindow.create())
            .scope(ScopeKey.required("shipper_id", "ID of the shipping rule"))
            .lookback(Duration.ofDays(3))
            .build();

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> TaskQuery.forSource(SourceId.TENCENT_MPS)
                .createdBetween(NOW, NOW.minusSeconds(60)).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.mps: createdAfter 2026-11-22T12:00:00Z is not before createdBefore"
                        + " 2026-11-22T11:59:00Z; the window is empty. Swap the two times or widen the window");
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> TaskQuery.forSource(SourceId.TENCENT_MPS).pageSize(0).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.mps: page size 0 is not allowed; use a page size of at least 1, or none for"
                        + " the source's default");
    }

    @Test
    void aPageSizeAboveTheSourcesMaximumIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> TaskQuery.forSource(MPS).pageSize(500).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.mps: page size 500 is above the maximum 100 of tencent.mps"
                        + " (DescribeTasks Limit); use 1..100");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> TaskQuery.forSource(SourceId.TENCENT_MPS).limit(0).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("limit 0 is not allowed");
    }

    @Test
    void aMissingRequiredScopeIsRefusedSayingHowToSetIt() {
        assertThatThrownBy(() -> TaskQuery.forSource(CLS).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.cls: scope 'shipper_id' (ID of the shipping rule) is required; set it, e.g."
                        + " scope(\"shipper_id\", ...) or --scope shipper_id=...");
    }

    @Test
    void anUnknownScopeKeyIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> TaskQuery.forSource(CLS).scope("shipper_id", "s").scope("shiper", "x").build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.cls: scope 'shiper' is not known to tencent.cls; it knows shipper_id");
    }

    @Test
    void aBlankScopeValueIsRefused() {
        assertThatThrownBy(() -> TaskQuery.forSource(CLS).scope("shipper_id", " ").build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("scope 'shipper_id' has a blank value");
    }

    @Test
    void aQueryForAnotherSourceIsRefusedBySourceRules() {
        TaskQuery cls = TaskQuery.forSource(SourceId.TENCENT_CLS).build();

        assertThatThrownBy(() -> MPS.check(cls, NOW))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("the query is for source tencent.cls, not tencent.mps");
    }

    @Test
    void aWindowReachingBeyondTheLookbackIsRefusedNamingTheOldestAllowedTime() {
        TaskQuery query = TaskQuery.forSource(MPS).createdAfter(NOW.minus(Duration.ofDays(8))).build();

        assertThatThrownBy(() -> MPS.check(query, NOW))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.mps: createdAfter 2026-11-14T12:00:00Z reaches further back than this source"
                        + " keeps tasks (the last 7 days, so no earlier than 2026-11-15T12:00:00Z); move"
                        + " createdAfter to 2026-11-15T12:00:00Z or later");
    }

    @Test
    void aWindowEndingBeforeTheLookbackIsRefused() {
        TaskQuery query = TaskQuery.forSource(MPS).createdBefore(NOW.minus(Duration.ofDays(10))).build();

        assertThatThrownBy(() -> MPS.check(query, NOW))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("lies before the oldest task this source keeps (the last 7 days)");
    }

    @Test
    void aWindowInsideTheLookbackPasses() {
        TaskQuery query = TaskQuery.forSource(MPS).createdAfter(NOW.minus(Duration.ofDays(6))).build();

        MPS.check(query, NOW);

        assertThat(query.createdFrom()).contains(NOW.minus(Duration.ofDays(6)));
    }

    @Test
    void aMalformedSourceIdIsRefusedWithAnExample() {
        assertThatThrownBy(() -> SourceId.of("Tencent MPS"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("e.g. tencent.mps");
    }

    @Test
    void statusesAndScopeAreFrozen() {
        TaskQuery query = TaskQuery.forSource(CLS).scope("shipper_id", "s").status(TaskStatus.FAILED).build();

        assertThatThrownBy(() -> query.statuses().add(TaskStatus.RUNNING))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.scope().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
