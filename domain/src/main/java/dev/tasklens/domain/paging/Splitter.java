package dev.tasklens.domain.paging;

import dev.tasklens.domain.Partition;
import dev.tasklens.domain.ProviderPage;
import java.util.List;

/**
 * Whether a partition, once its first page showed there is more, is better listed as several: a
 * status scan of a week of tasks becomes slices of that week, paged at once. The paging engine asks
 * after a partition's first page, and only when that page points to another; it drops that page
 * (the slices list its tasks again) and pages the slices instead, so a partition that fits in one
 * page never costs more than that page.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface Splitter<T> {

    /**
     * The partitions a partition becomes.
     *
     * @param part the partition, whose first page pointed to another
     * @param first that first page: its items, and the provider's count of the partition if given
     * @param pageSize the listing's page size
     * @return the slices that cover it, or the partition alone to list it whole
     */
    List<Partition> split(Partition part, ProviderPage<T> first, int pageSize);

    /**
     * Never splits.
     *
     * @param <T> the item type
     * @return the splitter
     */
    static <T> Splitter<T> never() {
        return (part, first, pageSize) -> List.of(part);
    }
}
