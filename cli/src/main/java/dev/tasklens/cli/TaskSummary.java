package dev.tasklens.cli;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The picture at a glance, counted in one streaming pass over the listings: tasks per source and
 * status, failures per hour over the window, the most recent failures with their messages, and the
 * oldest task still open. Memory does not grow with the tasks counted: a bounded heap of failures
 * and one bucket per hour.
 */
final class TaskSummary {

    /** Columns in this order: failures first, then what is still open, then what ended well. */
    static final List<TaskStatus> COLUMNS = List.of(TaskStatus.FAILED, TaskStatus.RUNNING, TaskStatus.PENDING,
            TaskStatus.SUCCEEDED, TaskStatus.FINISHED, TaskStatus.UNKNOWN);
    private static final int RECENT_FAILURES = 5;
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private final Instant from;
    private final Instant to;
    private final Map<String, Map<TaskStatus, Long>> counts = new TreeMap<>();
    private final Map<String, String> errors = new TreeMap<>();
    private final long[] failuresPerHour;
    private final PriorityQueue<Task> recentFailures = new PriorityQueue<>(Comparator.comparing(TaskSummary::when));
    private Optional<Task> oldestOpen = Optional.empty();

    TaskSummary(Instant from, Instant to) {
        this.from = from;
        this.to = to;
        this.failuresPerHour = new long[(int) Math.max(1, Math.min(24 * 7, Duration.between(from, to).toHours() + 1))];
    }

    /** Makes a source's row, even before (or without) any task. */
    void source(SourceId source) {
        counts.computeIfAbsent(source.value(), id -> new EnumMap<>(TaskStatus.class));
    }

    /** Counts one task. */
    void add(Task task) {
        counts.computeIfAbsent(task.source().value(), id -> new EnumMap<>(TaskStatus.class))
                .merge(task.status(), 1L, Long::sum);
        if (task.status() == TaskStatus.FAILED) {
            recentFailures.add(task);
            if (recentFailures.size() > RECENT_FAILURES) {
                recentFailures.poll();
            }
            Instant at = when(task);
            if (!at.isBefore(from) && at.isBefore(to)) {
                int hour = (int) Duration.between(from, at).toHours();
                if (hour < failuresPerHour.length) {
                    failuresPerHour[hour]++;
                }
            }
        }
        if (!task.status().isTerminal() && task.createdAt().isPresent() && (oldestOpen.isEmpty()
                || task.createdAt().get().isBefore(oldestOpen.get().createdAt().orElse(Instant.MAX)))) {
            oldestOpen = Optional.of(task);
        }
    }

    /** A source that could not be listed: its row shows the error. */
    void failed(SourceId source, String message) {
        source(source);
        errors.put(source.value(), message);
    }

    private static Instant when(Task task) {
        return task.finishedAt().or(task::createdAt).orElse(Instant.EPOCH);
    }

    private List<Task> recentFailuresNewestFirst() {
        List<Task> recent = new ArrayList<>(recentFailures);
        recent.sort(Comparator.comparing(TaskSummary::when).reversed());
        return recent;
    }

    /** One character per hour, from the window's start: the failures of that hour, scaled to the busiest. */
    String sparkline() {
        long most = 0;
        for (long count : failuresPerHour) {
            most = Math.max(most, count);
        }
        StringBuilder line = new StringBuilder();
        for (long count : failuresPerHour) {
            line.append(count == 0 ? ' ' : BARS[(int) Math.min(BARS.length - 1, (count * BARS.length - 1) / most)]);
        }
        return line.toString();
    }

    void printTable(PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[COLUMNS.size() + 2];
        header[0] = "SOURCE";
        for (int i = 0; i < COLUMNS.size(); i++) {
            header[i + 1] = COLUMNS.get(i).name();
        }
        header[header.length - 1] = "";
        rows.add(header);
        counts.forEach((source, byStatus) -> {
            String[] row = new String[header.length];
            row[0] = source;
            for (int i = 0; i < COLUMNS.size(); i++) {
                row[i + 1] = Long.toString(byStatus.getOrDefault(COLUMNS.get(i), 0L));
            }
            row[row.length - 1] = errors.containsKey(source) ? "error: " + TerminalText.safe(errors.get(source)) : "";
            rows.add(row);
        });
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 || i == row.length - 1 ? row[i] + pad : pad + row[i]).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println("failures per hour since " + from + ": |" + sparkline() + "|");
        List<Task> recent = recentFailuresNewestFirst();
        if (!recent.isEmpty()) {
            out.println();
            out.println("most recent failures:");
            for (Task task : recent) {
                out.println("  " + when(task) + "  " + task.source().value() + "  " + TerminalText.safe(task.id())
                        + "  " + TerminalText.safe(task.message().orElse(task.rawStatus())));
            }
        }
        oldestOpen.ifPresent(task -> {
            out.println();
            out.println("oldest task still open: " + task.source().value() + "  " + TerminalText.safe(task.id()) + "  "
                    + task.status() + " since " + task.createdAt().orElseThrow());
        });
    }

    void printJson(PrintWriter out) {
        StringBuilder json = new StringBuilder("{\"counts\":{");
        boolean first = true;
        for (Map.Entry<String, Map<TaskStatus, Long>> source : counts.entrySet()) {
            json.append(first ? "" : ",");
            first = false;
            JsonLine.string(json, source.getKey());
            json.append(":{");
            boolean firstStatus = true;
            for (TaskStatus status : COLUMNS) {
                json.append(firstStatus ? "" : ",").append('"').append(status.name()).append("\":")
                        .append(source.getValue().getOrDefault(status, 0L));
                firstStatus = false;
            }
            json.append('}');
        }
        json.append("},\"failures\":[");
        first = true;
        for (Task task : recentFailuresNewestFirst()) {
            json.append(first ? "" : ",").append(JsonLine.of(task));
            first = false;
        }
        json.append("],\"failuresPerHour\":[");
        for (int i = 0; i < failuresPerHour.length; i++) {
            json.append(i == 0 ? "" : ",").append(failuresPerHour[i]);
        }
        json.append("],\"from\":\"").append(from).append("\",\"to\":\"").append(to).append('"');
        oldestOpen.ifPresent(task -> json.append(",\"oldestOpen\":").append(JsonLine.of(task)));
        json.append(",\"errors\":{");
        first = true;
        for (Map.Entry<String, String> error : errors.entrySet()) {
            json.append(first ? "" : ",");
            first = false;
            JsonLine.string(json, error.getKey());
            json.append(':');
            JsonLine.string(json, error.getValue());
        }
        out.println(json.append("}}"));
    }
}
