package dev.tasklens.huawei.ies;

import dev.tasklens.domain.TaskStatus;
import java.util.Locale;
import java.util.Map;

/**
 * MetaStudio's {@code task_status} words and the neutral statuses. No document enumerates them
 * (PROVIDERS §3.5), so the raw word is always kept and only common words map; anything else is
 * {@code UNKNOWN}.
 */
final class IesStatus {

    private static final Map<String, TaskStatus> WORDS = Map.ofEntries(
            Map.entry("WAITING", TaskStatus.PENDING), Map.entry("PENDING", TaskStatus.PENDING),
            Map.entry("INIT", TaskStatus.PENDING), Map.entry("CREATED", TaskStatus.PENDING),
            Map.entry("RUNNING", TaskStatus.RUNNING), Map.entry("PROCESSING", TaskStatus.RUNNING),
            Map.entry("EXECUTING", TaskStatus.RUNNING),
            Map.entry("SUCCEEDED", TaskStatus.SUCCEEDED), Map.entry("SUCCESS", TaskStatus.SUCCEEDED),
            Map.entry("FINISHED", TaskStatus.SUCCEEDED), Map.entry("COMPLETED", TaskStatus.SUCCEEDED),
            Map.entry("FAILED", TaskStatus.FAILED), Map.entry("FAIL", TaskStatus.FAILED));

    private IesStatus() {
    }

    static TaskStatus of(String raw) {
        return WORDS.getOrDefault(raw.trim().toUpperCase(Locale.ROOT), TaskStatus.UNKNOWN);
    }
}
