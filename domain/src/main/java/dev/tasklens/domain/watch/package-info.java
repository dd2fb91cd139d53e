/**
 * Task changes found by re-listing and diffing, since none of the providers has a change feed or an
 * update time: the state a watch keeps ({@link dev.tasklens.domain.watch.WatchState}), the one pure
 * step from a state and a fresh listing to the changes and the next state
 * ({@link dev.tasklens.domain.watch.WatchPoll}), the changes
 * ({@link dev.tasklens.domain.watch.TaskChange}) and the printable position a watch resumes from
 * ({@link dev.tasklens.domain.watch.WatchPosition}). Schedulers (the library's, the CLI's, a Kafka
 * Connect task) only decide when to poll and where the state is kept.
 */
package dev.tasklens.domain.watch;
