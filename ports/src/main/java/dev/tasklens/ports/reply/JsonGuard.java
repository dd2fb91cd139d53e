package dev.tasklens.ports.reply;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a provider's JSON reply for shapes no task list has before any parser sees it, so that a
 * hostile or broken reply is a {@link MalformedResponseException} and never a crash: nesting deeper
 * than {@value #MAX_DEPTH} (a hundred thousand {@code [} overflow a recursive parser's stack), a
 * number longer than {@value #MAX_NUMBER_LENGTH} characters ({@code 1e2000000000} made a parser
 * allocate gigabytes), a string longer than {@value #MAX_STRING_LENGTH} characters. One pass, no
 * allocation.
 */
public final class JsonGuard {

    /** The deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 64;
    /** The longest number token accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** The longest string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private JsonGuard() {
    }

    /**
     * Checks a reply body.
     *
     * @param source the source, for the error
     * @param body the body text
     * @param requestId the provider's request id, if known, for the error
     * @throws MalformedResponseException if the body nests too deep or holds too long a token
     */
    public static void check(SourceId source, String body, Optional<String> requestId) {
        Objects.requireNonNull(body, "body");
        int depth = 0;
        int i = 0;
        int length = body.length();
        while (i < length) {
            char c = body.charAt(i);
            if (c == '"') {
                int start = i++;
                while (i < length && body.charAt(i) != '"') {
                    i += body.charAt(i) == '\\' ? 2 : 1;
                }
                if (i - start > MAX_STRING_LENGTH) {
                    throw refuse(source, "a string of " + (i - start) + " characters, more than the "
                            + MAX_STRING_LENGTH + " a task field may have", requestId);
                }
                i++;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw refuse(source, "nesting deeper than " + MAX_DEPTH + " levels", requestId);
                }
                i++;
            } else if (c == ']' || c == '}') {
                depth--;
                i++;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int start = i;
                while (i < length && "+-.eE0123456789".indexOf(body.charAt(i)) >= 0) {
                    i++;
                }
                if (i - start > MAX_NUMBER_LENGTH) {
                    throw refuse(source, "a number of " + (i - start) + " characters, longer than any a task list"
                            + " holds", requestId);
                }
            } else {
                i++;
            }
        }
    }

    private static MalformedResponseException refuse(SourceId source, String what, Optional<String> requestId) {
        return new MalformedResponseException(source, "the reply has " + what + "; it is refused unread",
                requestId);
    }
}
