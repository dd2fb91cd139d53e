package dev.tasklens.domain;

import java.util.Optional;

/**
 * How a provider splits a list into pages, and how to tell the last page. The family is closed:
 * the four kinds of paging the providers use.
 *
 * <ul>
 *   <li>{@link SingleWindow}: one request, one reply (Tencent CLS shipping tasks).</li>
 *   <li>{@link Marker}: a truncated flag and the next marker (Baidu VOD).</li>
 *   <li>{@link Cursor}: each reply names the next page, none ends it; pages may be partial or empty
 *       before the end (Tencent MPS {@code ScrollToken}, Huawei KooDrive {@code nextCursor}).</li>
 *   <li>{@link OffsetLimit}: item offset, page size and a total count (Huawei MetaStudio).</li>
 * </ul>
 */
public sealed interface PagingModel permits SingleWindow, Cursor, Marker, OffsetLimit {

    /**
     * The page sizes the provider accepts.
     *
     * @return the default and maximum page size
     */
    PageSizeLimits pageSize();

    /**
     * The end-of-list rule: where the page after {@code page} starts, or empty when
     * {@code page} was the last one.
     *
     * @param request the request that fetched {@code page}
     * @param page the provider's reply
     * @return the next position, or empty at the end of the list
     * @throws MalformedResponseException if the reply's signals contradict each other
     */
    Optional<PagePosition> next(PageRequest request, ProviderPage<?> page);

    /**
     * Whether the provider may return an empty page that is not the last one.
     *
     * @return true where the provider documents or allows empty pages before the end
     */
    boolean allowsEmptyPagesBeforeEnd();

    /**
     * A one-line description for people, such as {@code cursor, no cursor ends the list, ... (page size 1..100)}.
     *
     * @return the description
     */
    String describe();
}
