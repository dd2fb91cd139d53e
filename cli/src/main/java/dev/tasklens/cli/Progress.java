package dev.tasklens.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress of a long listing on stderr (tasks, pages, elapsed), shown only on a terminal and only
 * once the listing has taken more than a second, refreshed at most five times a second.
 */
final class Progress {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long REFRESH = Duration.ofMillis(200).toNanos();

    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastShown;
    private long tasks;
    private boolean shown;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void tasks(int count, int pages) {
        tasks += count;
        long now = System.nanoTime();
        if (enabled && now - started > SECOND && now - lastShown > REFRESH) {
            err.print("\r" + tasks + " tasks, " + pages + " pages, " + (now - started) / SECOND + " s");
            err.flush();
            lastShown = now;
            shown = true;
        }
    }

    void done() {
        if (shown) {
            err.println();
        }
    }
}
