package dev.tasklens.domain.watch;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.TokenSeal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A watch's position as printable text: its whole {@link WatchState}, sealed and bound like a resume
 * token ({@link TokenSeal}), so that a position made for one source, endpoint or account is refused
 * by another, and one that was altered is refused outright. The position is the list's, never an
 * item's: restarting from it repeats no change reported before it was written and loses none after.
 * An open task keeps its id, type, statuses and times; its name, message and provider attributes
 * are not carried (a change reported from the state alone, {@link ChangeKind#VANISHED} or {@link
 * ChangeKind#RESYNC}, shows the task without them).
 */
public final class WatchPosition {

    private static final String PREFIX = "tw1.";
    private static final byte VERSION = 1;

    private WatchPosition() {
    }

    /**
     * Writes a state as a position.
     *
     * @param state the state
     * @param seal the seal, bound to where the watch lists
     * @return the printable position, such as {@code tw1.AQ...}
     */
    public static String write(WatchState state, TokenSeal seal) {
        Objects.requireNonNull(state, "state");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(state.source().value());
            instant(out, state.highWater());
            out.writeInt(state.open().size());
            for (WatchState.OpenTask open : state.open().values()) {
                Task task = open.task();
                out.writeUTF(task.id());
                out.writeUTF(task.type());
                out.writeUTF(task.status().name());
                out.writeUTF(task.rawStatus());
                instant(out, task.createdAt());
                instant(out, task.startedAt());
                instant(out, task.finishedAt());
                out.writeBoolean(open.staleReported());
                out.writeBoolean(open.vanished());
            }
            out.writeInt(state.recent().size());
            for (Map.Entry<String, Instant> recent : state.recent().entrySet()) {
                out.writeUTF(recent.getKey());
                instant(out, Optional.of(recent.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(seal.seal(bytes.toByteArray()));
    }

    /**
     * Reads a position.
     *
     * @param text the position as written
     * @param source the source being watched
     * @param seal the seal it must have been written with
     * @return the state
     * @throws InvalidQueryException if the text is not a whole, unaltered position of this source,
     *     endpoint and account
     */
    public static WatchState read(String text, SourceId source, TokenSeal seal) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new InvalidQueryException(source, "a watch position starts with " + PREFIX + "; pass it exactly as"
                    + " tasklens wrote it");
        }
        byte[] body;
        try {
            body = seal.open(Base64.getUrlDecoder().decode(trimmed.substring(PREFIX.length())), "the watch position");
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(source, "the watch position is not base64url text; pass it exactly as"
                    + " tasklens wrote it");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("version");
            }
            SourceId written = SourceId.of(in.readUTF());
            if (!written.equals(source)) {
                throw new InvalidQueryException(source, "this watch position is of " + written + ", not " + source);
            }
            Optional<Instant> highWater = instant(in);
            Map<String, WatchState.OpenTask> open = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                Task.Builder task = Task.builder(source, in.readUTF()).type(in.readUTF());
                TaskStatus status = TaskStatus.valueOf(in.readUTF());
                task.status(status, in.readUTF());
                instant(in).ifPresent(task::createdAt);
                instant(in).ifPresent(task::startedAt);
                instant(in).ifPresent(task::finishedAt);
                Task built = task.build();
                open.put(built.id(), new WatchState.OpenTask(built, in.readBoolean(), in.readBoolean()));
            }
            Map<String, Instant> recent = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String id = in.readUTF();
                recent.put(id, instant(in).orElseThrow(() -> new IllegalArgumentException("time")));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the end");
            }
            return new WatchState(source, highWater, open, recent);
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            throw new InvalidQueryException(source, "the watch position is not one tasklens wrote (its layout is"
                    + " inconsistent); pass it exactly as written, or start the watch again without it");
        }
    }

    private static void instant(DataOutputStream out, Optional<Instant> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeLong(value.get().getEpochSecond());
            out.writeInt(value.get().getNano());
        }
    }

    private static Optional<Instant> instant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt())) : Optional.empty();
    }
}
