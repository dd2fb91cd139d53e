package dev.tasklens.domain;

/**
 * The provider-neutral status of a task. The provider's own value is always kept next to it in
 * {@link Task#rawStatus()}, so nothing is lost by the mapping.
 */
public enum TaskStatus {
    /** Accepted and waiting to run (CLS {@code wait}, MPS {@code WAITING}, KooDrive {@code 0}). */
    PENDING,
    /** Running now (CLS {@code running}, MPS {@code PROCESSING}, KooDrive {@code 1}). */
    RUNNING,
    /** Done, and the provider reports success. */
    SUCCEEDED,
    /** Done, and the provider reports failure. */
    FAILED,
    /**
     * Done, but the listing does not say whether it succeeded: MPS {@code DescribeTasks}
     * reports {@code FINISH} for both outcomes unless asked with {@code SubTaskHasFailed}.
     */
    FINISHED,
    /** A value this version of tasklens does not know; see {@link Task#rawStatus()}. */
    UNKNOWN;

    /**
     * Whether a task in this status will not change any more.
     *
     * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #FINISHED}
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == FINISHED;
    }
}
