package dev.tasklens.cli;

import dev.tasklens.domain.Task;
import dev.tasklens.domain.watch.TaskChange;
import java.util.Map;

/**
 * One task as one line of JSON, written directly: the fields in a fixed order, absent values left
 * out, instants in UTC. Strings are escaped as RFC 8259 §7 requires (quotation mark, reverse solidus,
 * U+0000–U+001F), and further as {@code \\uXXXX} where a raw character could mislead a person reading
 * the output in a terminal: C1 controls (U+007F–U+009F, U+009B starts a terminal command), the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the line and paragraph
 * separators (U+2028, U+2029). The text a JSON parser reads back is the provider's, unchanged.
 * (Starting a JSON binding for this cost a listing some 0.4 s before its first line.)
 */
final class JsonLine {

    private JsonLine() {
    }

    /** The task's line, without the line break. */
    static String of(Task task) {
        StringBuilder json = new StringBuilder(256).append('{');
        task(json, task);
        return json.append('}').toString();
    }

    /** A watch's change: its kind, the status it came from, when it was seen, then the task's fields. */
    static String of(TaskChange change) {
        StringBuilder json = new StringBuilder(300).append('{');
        field(json, "kind", change.kind().name());
        change.previous().ifPresent(previous -> field(json, "from", previous.name()));
        field(json, "observedAt", change.observedAt().toString());
        task(json, change.task());
        return json.append('}').toString();
    }

    private static void task(StringBuilder json, Task task) {
        field(json, "source", task.source().value());
        field(json, "id", task.id());
        task.name().ifPresent(name -> field(json, "name", name));
        field(json, "type", task.type());
        field(json, "status", task.status().name());
        field(json, "rawStatus", task.rawStatus());
        task.createdAt().ifPresent(time -> field(json, "createdAt", time.toString()));
        task.startedAt().ifPresent(time -> field(json, "startedAt", time.toString()));
        task.finishedAt().ifPresent(time -> field(json, "finishedAt", time.toString()));
        task.message().ifPresent(message -> field(json, "message", message));
        if (!task.attributes().isEmpty()) {
            json.append(",\"attributes\":{");
            boolean first = true;
            for (Map.Entry<String, String> attribute : task.attributes().entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, attribute.getKey());
                json.append(':');
                string(json, attribute.getValue());
            }
            json.append('}');
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
        string(json, value);
    }

    /** A JSON string literal of the text. */
    static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                            || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
