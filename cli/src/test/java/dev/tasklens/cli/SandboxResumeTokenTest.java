package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The token a sandbox listing prints resumes the next sandbox run, though that run's emulators
 * listen on other ports; and a token is read exactly, so one with bytes appended is refused.
 */
class SandboxResumeTokenTest {

    private static final Pattern TOKEN = Pattern.compile("--resume (\\S+)");

    private static String firstChunkToken() {
        CliTest.Run first = CliTest.run(Map.of(), "list", "--sandbox", "--source", "tencent.mps", "--limit", "3",
                "--output", "json");
        assertThat(first.code()).as(first.err()).isZero();
        Matcher token = TOKEN.matcher(first.err());
        assertThat(token.find()).as("a token on stderr: %s", first.err()).isTrue();
        return token.group(1);
    }

    @Test
    void aSandboxTokenResumesTheNextSandboxRun() {
        String token = firstChunkToken();

        CliTest.Run next = CliTest.run(Map.of(), "list", "--sandbox", "--source", "tencent.mps", "--limit", "3",
                "--output", "json", "--resume", token);

        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.out().lines().count()).isEqualTo(3);
    }

    @Test
    void aTokenWithBytesAppendedIsRefused() {
        String token = firstChunkToken();

        CliTest.Run altered = CliTest.run(Map.of(), "list", "--sandbox", "--source", "tencent.mps", "--resume",
                token + "AAAA");

        assertThat(altered.code()).isEqualTo(Main.USAGE);
        assertThat(altered.err()).contains("not one tasklens printed").hasLineCount(1);
    }
}
