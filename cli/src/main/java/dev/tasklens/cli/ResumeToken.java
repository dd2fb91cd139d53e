package dev.tasklens.cli;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code tasklens list} prints to continue a listing: the library's page token together with
 * the query it belongs to (source, statuses, the window as it was resolved, scope), so that
 * {@code --resume} rebuilds that very query. A relative {@code --since 1d} would otherwise be a new
 * window on every run, and the page token, bound to its query, could never match.
 *
 * @param source the source id
 * @param statuses the statuses asked for
 * @param from the start of the window, as resolved
 * @param to the end of the window
 * @param scope the scope parameters
 * @param page the library's page token
 */
record ResumeToken(String source, Set<TaskStatus> statuses, Optional<Instant> from, Optional<Instant> to,
        Map<String, String> scope, PageToken page) {

    private static final String PREFIX = "tl1.";
    /** Above any printed token: its page token is at most 64 KiB, its query a few hundred bytes. */
    private static final int MAX_LENGTH = 128 * 1024;

    /** The token of a listing of this query, at this page token. */
    static ResumeToken of(TaskQuery query, PageToken page) {
        return new ResumeToken(query.source().value(), query.statuses(), query.createdFrom(), query.createdTo(),
                query.scope(), page);
    }

    /** The printable form. */
    String value() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(source);
            out.writeInt(statuses.size());
            for (TaskStatus status : statuses) {
                out.writeUTF(status.name());
            }
            // Exact to the nanosecond: the page token is bound to the very window.
            out.writeUTF(from.map(Instant::toString).orElse(""));
            out.writeUTF(to.map(Instant::toString).orElse(""));
            out.writeInt(scope.size());
            for (Map.Entry<String, String> entry : new TreeMap<>(scope).entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            out.writeUTF(page.value());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** Reads a printed token; a bare library page token is read as one with no query attached. */
    static Optional<ResumeToken> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidQueryException("--resume: the token is " + trimmed.length() + " characters long, longer"
                    + " than any tasklens prints; pass it exactly as printed, or list again without --resume");
        }
        if (!trimmed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder()
                .decode(trimmed.substring(PREFIX.length()))))) {
            String source = in.readUTF();
            Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
            for (int i = in.readInt(); i > 0; i--) {
                statuses.add(TaskStatus.valueOf(in.readUTF()));
            }
            String from = in.readUTF();
            String to = in.readUTF();
            Map<String, String> scope = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                scope.put(in.readUTF(), in.readUTF());
            }
            String pageText = in.readUTF();
            if (pageText.isEmpty()) {
                throw new IllegalArgumentException("no page token");
            }
            PageToken page = PageToken.parse(pageText);
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the token's end");
            }
            return Optional.of(new ResumeToken(source, statuses,
                    from.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(from)),
                    to.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(to)), scope, page));
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidQueryException("--resume: the token is not one tasklens printed (it was cut or altered);"
                    + " pass it exactly as printed, or list again without --resume");
        }
    }
}
