package dev.tasklens.ports.credentials;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A credentials file that is there but cannot be used: unreadable, malformed, or without the keys
 * it should hold. It is an error, never a reason to try the next link of a credentials chain: a
 * user who wrote a profile file means it to be used, and silently signing with other keys (an
 * instance role) would list another account. The message names the file and, for a malformed
 * one, the line number; never a line's text, which may hold a secret.
 */
public final class CredentialsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kept as text: {@link Path} is not serializable. */
    private final String file;

    /**
     * An error about a file.
     *
     * @param file the file
     * @param problem what is wrong and how to fix it, without any value from the file
     */
    public CredentialsFileException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"));
        this.file = file.toString();
    }

    /**
     * The file the error is about.
     *
     * @return its path
     */
    public Path file() {
        return Path.of(file);
    }
}
