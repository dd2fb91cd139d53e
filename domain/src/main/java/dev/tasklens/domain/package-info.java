/**
 * The language of tasklens: tasks, their statuses, the sources they come from, queries, the
 * paging models of the providers, page tokens and the error family.
 *
 * <p>This package is pure: it imports nothing but the JDK and does no I/O. Provider adapters
 * translate their replies into these types; users never see a provider's own types.
 */
package dev.tasklens.domain;
