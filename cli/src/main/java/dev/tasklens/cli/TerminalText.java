package dev.tasklens.cli;

/**
 * Text from a provider made safe for a terminal: control characters (ESC starting an ANSI or OSC
 * sequence, CR rewriting a line, BEL, C1 controls) and the bidirectional overrides that reorder
 * what a reader sees are shown as visible escapes ({@code \x1B}, {@code \u202E}) instead of being
 * obeyed. Task fields and provider messages are written by someone else; only tasklens may drive
 * the terminal.
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * The text with every control and reordering character made visible.
     *
     * @param text any text
     * @return the text, safe to print
     */
    static String safe(String text) {
        return escape(text, false);
    }

    /**
     * As {@link #safe(String)}, but keeps tab, CR and LF, which a CSV field holds quoted.
     *
     * @param text any text
     * @return the text, safe to print inside a quoted CSV field
     */
    static String safeKeepingLineBreaks(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = keepLineBreaks && (c == '\t' || c == '\r' || c == '\n');
            if (kept || !isUnsafe(c)) {
                if (safe != null) {
                    safe.append(c);
                }
                continue;
            }
            if (safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            safe.append(c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
        }
        return safe == null ? text : safe.toString();
    }

    private static boolean isUnsafe(char c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028' || c == '\u2029';
    }
}
