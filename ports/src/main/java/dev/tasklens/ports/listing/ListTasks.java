package dev.tasklens.ports.listing;

import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.paging.Pager;

/**
 * The listing use case: a validated query in, a lazy listing out.
 */
@FunctionalInterface
public interface ListTasks {

    /**
     * Starts a listing. Nothing is fetched until the listing is consumed.
     *
     * @param query the query
     * @return a single-use listing of the matching tasks
     * @throws dev.tasklens.domain.InvalidQueryException if the query breaks a rule of its source;
     *     raised here, before any request
     */
    Pager<Task> list(TaskQuery query);
}
