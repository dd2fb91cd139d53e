package dev.tasklens.baidu.vod;

import dev.tasklens.domain.TaskStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VOD's status words and the neutral statuses. Seed 004 cuts its list of values off ("任务状态,包括"
 * and nothing after), so the raw word is always kept and only the words seen in Baidu's documents
 * and SDKs are mapped: the list example filters {@code FAILED}, the task detail reports
 * {@code FINISHED} with node statuses {@code SUCCESS}. Anything else is {@code UNKNOWN}.
 */
final class VodStatus {

    private static final Map<TaskStatus, List<String>> WORDS = Map.of(
            TaskStatus.PENDING, List.of("PENDING", "WAITING", "QUEUED"),
            TaskStatus.RUNNING, List.of("PROCESSING", "RUNNING"),
            TaskStatus.SUCCEEDED, List.of("FINISHED", "SUCCESS"),
            TaskStatus.FAILED, List.of("FAILED"));

    private VodStatus() {
    }

    /** The neutral status of a raw word. */
    static TaskStatus of(String raw) {
        String word = raw.trim().toUpperCase(Locale.ROOT);
        for (Map.Entry<TaskStatus, List<String>> entry : WORDS.entrySet()) {
            if (entry.getValue().contains(word)) {
                return entry.getKey();
            }
        }
        return TaskStatus.UNKNOWN;
    }

    /**
     * The {@code status} values to scan, one request stream each, for the wanted statuses: every
     * known word of each (a word the API does not use costs one empty reply, a word left out would
     * lose its tasks). No status wanted is one scan without a {@code status} parameter, which also
     * finds the words no document names. FINISHED is the finished words, succeeded and failed.
     */
    static List<String> scans(Set<TaskStatus> wanted) {
        return words(wanted);
    }

    /**
     * The partitions of the wanted statuses, one status each (FINISHED is succeeded and failed).
     * No status wanted stays one partition: the scan without a {@code status} parameter is the only
     * one that finds words no document names.
     */
    static List<Set<TaskStatus>> partitions(Set<TaskStatus> wanted) {
        if (wanted.isEmpty()) {
            return List.of(wanted);
        }
        Set<TaskStatus> statuses = EnumSet.copyOf(wanted);
        if (statuses.remove(TaskStatus.FINISHED)) {
            statuses.add(TaskStatus.SUCCEEDED);
            statuses.add(TaskStatus.FAILED);
        }
        return statuses.stream().filter(WORDS::containsKey).map(Set::of).toList();
    }

    /**
     * The words a partition of these statuses is listed by, one request stream each; none for no
     * status wanted (one scan without a {@code status} parameter, the only one that finds words no
     * document names).
     */
    static List<String> terms(Set<TaskStatus> statuses) {
        return statuses.isEmpty() ? List.of() : words(statuses);
    }

    /** Whether a word is one this source asks for. */
    static boolean isWord(String word) {
        return WORDS.values().stream().anyMatch(words -> words.contains(word));
    }

    private static List<String> words(Set<TaskStatus> wanted) {
        if (wanted.isEmpty()) {
            return List.of("");
        }
        Set<TaskStatus> statuses = EnumSet.copyOf(wanted);
        if (statuses.remove(TaskStatus.FINISHED)) {
            statuses.add(TaskStatus.SUCCEEDED);
            statuses.add(TaskStatus.FAILED);
        }
        List<String> words = new ArrayList<>();
        for (TaskStatus status : statuses) {
            words.addAll(WORDS.getOrDefault(status, List.of()));
        }
        return words;
    }
}
