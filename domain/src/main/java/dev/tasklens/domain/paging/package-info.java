/**
 * The paging engine: turns a source's page-fetch function and its {@link
 * dev.tasklens.domain.PagingModel} into a lazy stream of items or an iteration of pages, with
 * resume tokens. Pure: the fetch function does the I/O.
 */
package dev.tasklens.domain.paging;
