package dev.tasklens.tencent.mps;

import dev.tasklens.domain.TaskStatus;
import java.util.ArrayList;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One status scan of {@code DescribeTasks}: {@code Status} is required by the provider, and a
 * listed task carries no status of its own, so its status is the scan that found it.
 * {@code FINISH} is split with {@code SubTaskHasFailed} into succeeded and failed tasks.
 *
 * @param status the {@code Status} sent
 * @param subTaskHasFailed the {@code SubTaskHasFailed} sent, if any
 * @param taskStatus the neutral status of every task the scan finds
 */
record MpsScan(String status, Optional<Boolean> subTaskHasFailed, TaskStatus taskStatus) {

    /**
     * The scans for the wanted statuses, disjoint, so that no task is found by two of them. Every
     * status costs one scan: SUCCEEDED and FAILED are two FINISH scans, so that each finished
     * task's outcome is known; FINISHED alone is one FINISH scan without the split, and FINISHED
     * with SUCCEEDED or FAILED is both split scans (every finished task, each with its outcome),
     * never a third scan over the same tasks. UNKNOWN matches nothing MPS reports.
     * {@link #partitions} gives each scan's status alone, for which this is that one scan.
     */
    static List<Set<TaskStatus>> partitions(Set<TaskStatus> wanted) {
        return forStatuses(wanted).stream().map(scan -> Set.of(scan.taskStatus())).toList();
    }

    /**
     * The one scan a page request asks for. The paging engine asks for one status scan at a time
     * ({@link #partitions}); a request that names several could only be answered by chaining
     * scans inside a page token, which the engine's partitions already do.
     */
    static MpsScan single(List<MpsScan> scans, SourceId source) {
        if (scans.size() != 1) {
            throw new InvalidQueryException(source, "a page request names " + scans.size() + " status scans, but"
                    + " DescribeTasks takes one Status per request; list through SourceListing (or TaskLens),"
                    + " which asks for one status scan at a time");
        }
        return scans.get(0);
    }

    static List<MpsScan> forStatuses(Set<TaskStatus> wanted) {
        Set<TaskStatus> statuses = wanted.isEmpty()
                ? EnumSet.of(TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUCCEEDED, TaskStatus.FAILED)
                : EnumSet.copyOf(wanted);
        if (statuses.contains(TaskStatus.FINISHED)
                && (statuses.contains(TaskStatus.SUCCEEDED) || statuses.contains(TaskStatus.FAILED))) {
            statuses.remove(TaskStatus.FINISHED);
            statuses.add(TaskStatus.SUCCEEDED);
            statuses.add(TaskStatus.FAILED);
        }
        List<MpsScan> scans = new ArrayList<>();
        for (TaskStatus status : statuses) {
            switch (status) {
                case PENDING -> scans.add(new MpsScan("WAITING", Optional.empty(), status));
                case RUNNING -> scans.add(new MpsScan("PROCESSING", Optional.empty(), status));
                case SUCCEEDED -> scans.add(new MpsScan("FINISH", Optional.of(false), status));
                case FAILED -> scans.add(new MpsScan("FINISH", Optional.of(true), status));
                case FINISHED -> scans.add(new MpsScan("FINISH", Optional.empty(), status));
                default -> {
                    // UNKNOWN: MPS has no such status.
                }
            }
        }
        return scans;
    }
}
