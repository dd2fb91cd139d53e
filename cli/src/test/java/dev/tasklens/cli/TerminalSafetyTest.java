package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provider text never drives the terminal: table and CSV show control characters, CSV quotes per RFC 4180. */
class TerminalSafetyTest {

    private static final String OSC_TITLE = "\u001B]0;owned\u0007";
    private static final String CLEAR = "\u001B[2J";

    private static Task hostile() {
        return Task.builder(SourceId.TENCENT_CLS, "t" + CLEAR)
                .type("export\r")
                .status(TaskStatus.FAILED, "failed" + OSC_TITLE)
                .message("line one\r\nline \"two\", with \u202Ereversed\u009B text")
                .build();
    }

    private static String print(TaskFormat format) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        format.start(out);
        format.print(out, List.of(hostile()), false);
        out.flush();
        return text.toString();
    }

    @Test
    void aTableShowsControlAndReorderingCharactersInsteadOfObeyingThem() {
        String table = print(TaskFormat.TABLE);

        assertThat(table).doesNotContain("\u001B", "\u0007", "\u202E", "\u009B", "\r");
        assertThat(table).contains("t\\x1B[2J", "failed\\x1B]0;owned\\x07", "\\u202Ereversed", "\\x0D\\x0Aline");
        assertThat(table.lines()).hasSize(2);
    }

    @Test
    void csvQuotesCommaQuoteCrAndLfAndShowsOtherControls() {
        String csv = print(TaskFormat.CSV);

        assertThat(csv).doesNotContain("\u001B", "\u0007", "\u202E", "\u009B");
        assertThat(csv).contains(",\"export\r\",").contains("\"line one\r\nline \"\"two\"\", with \\u202Ereversed\\x9B"
                + " text\"");
    }

    @Test
    void aProviderMessageInAnErrorIsMadeSafe() {
        assertThat(TerminalText.safe("SignatureDoesNotMatch" + OSC_TITLE)).isEqualTo(
                "SignatureDoesNotMatch\\x1B]0;owned\\x07");
        assertThat(TerminalText.safe("plain text, 中文")).isEqualTo("plain text, 中文");
    }
}
