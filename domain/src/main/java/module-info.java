/**
 * The language of tasks: tasks, statuses, queries, the paging models, page tokens, the typed
 * errors, and the paging engine. Pure: the JDK only, no I/O.
 */
module dev.tasklens.domain {
    exports dev.tasklens.domain;
    exports dev.tasklens.domain.paging;
}
