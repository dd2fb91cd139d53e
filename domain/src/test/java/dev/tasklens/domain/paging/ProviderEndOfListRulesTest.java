package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.Marker;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The end-of-list rule of each provider, as its seed document states it. */
class ProviderEndOfListRulesTest {

    private static final TaskQuery QUERY = TaskQuery.forSource(SourceId.of("test.source")).build();

    @Nested
    @DisplayName("Baidu VOD (seed 004): isTruncated decides, not nextMarker")
    class BaiduMarkerTruncatedFlagDecidesTheEnd {
        @Test
        void aPageWithNextMarkerButIsTruncatedFalseIsTheLast() {
            // Seed 004's own example: "nextMarker": "tsk-emeq6k7m52p8d2u0", "isTruncated": false.
            List<PagePosition> asked = new ArrayList<>();
            List<String> items = Pager.builder(Marker.of(10, 100, "maxSize"), QUERY, request -> {
                asked.add(request.position());
                return ProviderPage.marked(List.of("tsk-emeqb9c1kmdd7rns", "tsk-emeq6k7m52p8d2u0"), false,
                        Optional.of("tsk-emeq6k7m52p8d2u0"));
            }).build().stream().toList();

            assertThat(items).hasSize(2);
            assertThat(asked).containsExactly(PagePosition.start());
        }

        @Test
        void aTruncatedPageWithoutNextMarkerIsMalformedNotTheEnd() {
            Pager<String> pager = Pager.builder(Marker.of(10, 100, "maxSize"), QUERY, request -> ProviderPage.marked(List.of("a"), true, Optional.empty())).build();

            assertThatThrownBy(() -> pager.stream().toList())
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("isTruncated true")
                    .hasMessageContaining("nextMarker");
        }
    }

    @Nested
    @DisplayName("Huawei KooDrive (seed 003): an empty page with a cursor is not the end")
    class KooDriveEmptyPageIsNotTheEnd {
        @Test
        void emptyAndPartialPagesAreFollowedUntilTheCursorIsGone() {
            List<List<String>> pages = List.of(List.of(), List.of("a"), List.of(), List.of(), List.of("b", "c"));
            List<String> items = Pager.builder(Cursor.of(100, 100, "pageSize"), QUERY, request -> {
                int index = request.position() instanceof PagePosition.Token t ? Integer.parseInt(t.value()) : 0;
                return index == pages.size() - 1
                        ? ProviderPage.last(pages.get(index))
                        : ProviderPage.withNext(pages.get(index), String.valueOf(index + 1));
            }).build().stream().toList();

            assertThat(items).containsExactly("a", "b", "c");
        }
    }

    @Nested
    @DisplayName("Tencent MPS (seed 001): an empty ScrollToken ends the list")
    class MpsEmptyScrollTokenEndsTheList {
        @Test
        void emptyStringTokenIsTheEnd() {
            int[] fetches = {0};
            List<String> items = Pager.builder(Cursor.of(100, 100, "Limit"), QUERY, request -> {
                fetches[0]++;
                return request.position() instanceof PagePosition.Start
                        ? ProviderPage.withNext(List.of("taskId1"), "taskId2")
                        : ProviderPage.withNext(List.of("taskId2"), "");
            }).build().stream().toList();

            assertThat(items).containsExactly("taskId1", "taskId2");
            assertThat(fetches[0]).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Huawei MetaStudio (seed 002): offset/limit ends at count")
    class HuaweiOffsetEndsAtCount {
        @Test
        void theListEndsWhenTheOffsetReachesTheCount() {
            List<PagePosition> asked = new ArrayList<>();
            List<Integer> items = Pager.builder(OffsetLimit.of(2, 100, "limit"), QUERY, request -> {
                asked.add(request.position());
                long offset = request.position() instanceof PagePosition.Offset o ? o.value() : 0;
                return ProviderPage.counted(offset == 0 ? List.of(1, 2) : List.of(3, 4), 4);
            }).build().stream().toList();

            assertThat(items).containsExactly(1, 2, 3, 4);
            assertThat(asked).containsExactly(PagePosition.start(), PagePosition.offset(2));
        }

        @Test
        void anEmptyPageEndsTheListEvenIfTheCountSaysMore() {
            int[] fetches = {0};
            List<Integer> items = Pager.builder(OffsetLimit.of(2, 100, "limit"), QUERY, request -> {
                fetches[0]++;
                return ProviderPage.<Integer>counted(List.of(), 10);
            }).build().stream().toList();

            assertThat(items).isEmpty();
            assertThat(fetches[0]).isEqualTo(1);
        }
    }
}
