/**
 * The language of tasks: tasks, statuses, queries, the paging models, page tokens, the typed
 * errors, the paging engine, and the watch's pure step from a state and a listing to changes. Pure: the JDK only, no I/O.
 */
module dev.tasklens.domain {
    exports dev.tasklens.domain;
    exports dev.tasklens.domain.paging;
    exports dev.tasklens.domain.watch;
}
