package dev.tasklens.cli;

import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@code tasklens list} prints tasks: an aligned table, JSON lines, or CSV (RFC 4180). Provider
 * text reaches the terminal only made safe ({@link TerminalText}); JSON lines escape it
 * ({@link JsonLine}).
 */
enum TaskFormat {
    TABLE, JSON, CSV;

    private static final String[] COLUMNS = {"SOURCE", "ID", "STATUS", "RAW", "TYPE", "CREATED", "FINISHED", "MESSAGE"};

    /**
     * Reads {@code --output} for a command that prints a table or JSON, not CSV ({@code watch},
     * {@code summary}).
     *
     * @param output the value given
     * @return {@link #TABLE} or {@link #JSON}
     * @throws dev.tasklens.domain.InvalidQueryException naming the values it takes
     */
    static TaskFormat tableOrJson(String output) {
        return switch (output.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> JSON;
            case "table" -> TABLE;
            default -> throw new dev.tasklens.domain.InvalidQueryException("--output '" + output
                    + "' is not one of table, json");
        };
    }

    /** Prints what comes before the first task. */
    void start(PrintWriter out) {
        if (this == CSV) {
            out.println("source,id,name,type,status,rawStatus,createdAt,startedAt,finishedAt,message");
        }
    }

    /** Prints tasks; the table needs them all to align its columns. */
    void print(PrintWriter out, List<Task> tasks, boolean colour) {
        switch (this) {
            case JSON -> out.print(lines(tasks, JsonLine::of));
            case CSV -> out.print(lines(tasks, TaskFormat::csv));
            default -> table(out, tasks, colour);
        }
    }

    /** The tasks' lines as one text: one write for a page, not one per line. */
    private static String lines(List<Task> tasks, java.util.function.Function<Task, String> line) {
        StringBuilder text = new StringBuilder(tasks.size() * 256);
        for (Task task : tasks) {
            text.append(line.apply(task)).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String csv(Task task) {
        List<String> values = List.of(task.source().value(), task.id(), task.name().orElse(""), task.type(),
                task.status().name(), task.rawStatus(), time(task.createdAt()), time(task.startedAt()),
                time(task.finishedAt()), task.message().orElse(""));
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            // RFC 4180 §2: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
            String field = TerminalText.safeKeepingLineBreaks(value);
            quoted.add(field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                    ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", quoted);
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("");
    }

    private static void table(PrintWriter out, List<Task> tasks, boolean colour) {
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Task task : tasks) {
            rows.add(new String[] {task.source().value(), TerminalText.safe(task.id()), task.status().name(),
                TerminalText.safe(task.rawStatus()), TerminalText.safe(task.type()), time(task.createdAt()),
                time(task.finishedAt()), TerminalText.safe(task.message().orElse(""))});
        }
        int[] widths = new int[COLUMNS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = String.format("%-" + widths[i] + "s", row[i]);
                if (colour && r > 0 && i == 2) {
                    cell = colour(TaskStatus.valueOf(row[i])) + cell + "\u001B[0m";
                }
                line.append(cell).append(i + 1 < row.length ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String colour(TaskStatus status) {
        return switch (status) {
            case SUCCEEDED -> "\u001B[32m";
            case FAILED -> "\u001B[31m";
            case RUNNING -> "\u001B[36m";
            case PENDING -> "\u001B[33m";
            default -> "\u001B[0m";
        };
    }
}
