package dev.tasklens.domain.watch;

/** What a watch saw happen to a task between two listings. */
public enum ChangeKind {
    /** A task not seen before (the first poll reports every task it lists this way). */
    NEW,
    /** An open task whose status, raw status or finish time changed, and which is still open. */
    CHANGED,
    /** An open task that ended in any terminal status but failure. */
    FINISHED,
    /** An open task that failed. */
    FAILED,
    /** An open task older than the watch's stale age; reported once. */
    STALE,
    /** An open task that is no longer listed; reported once, and again as a change if it returns. */
    VANISHED,
    /**
     * An open task older than the provider's retention: its fate can no longer be listed, so the
     * watch lets it go (the analogue of Kubernetes' 410 Gone).
     */
    RESYNC
}
