package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.sandbox.Sandbox;
import dev.tasklens.testkit.proxy.Chaos;
import dev.tasklens.testkit.proxy.ReverseProxy;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A listing whose provider starts throttling every request ends at the call's deadline with exit 4,
 * the deadline in its message, and the token that resumes it: the tasks printed are not lost.
 */
class DeadlineKeepsTheResumeTokenTest {

    @Test
    void aListingThrottledPastItsDeadlinePrintsWhereToResume() {
        try (Sandbox sandbox = Sandbox.builder().only(Set.of("tencent.mps")).start()) {
            URI api = sandbox.endpoints().get("tencent.mps");
            Chaos chaos = Chaos.seeded(7).startingAfter(2).throttle(1.0, sandbox.throttledReply("tencent.mps")).build();
            try (ReverseProxy proxy = ReverseProxy.withChaos(URI.create(api.getScheme() + "://"
                    + api.getRawAuthority()), chaos)) {
                CliTest.Run run = CliTest.run(sandbox.environment(), "list", "--source", "tencent.mps", "--endpoint",
                        proxy.uri() + "/", "--page-size", "10", "--concurrency", "1", "--timeout", "2s",
                        "--output", "json");

                assertThat(run.code()).as(run.err()).isEqualTo(Main.PROVIDER);
                long printed = run.out().lines().count();
                assertThat(printed).isPositive();
                assertThat(run.err()).contains("stopped after " + printed + " tasks; continue with --resume tl1.")
                        .contains("at the retry policy's deadline of 2.0 s");
            }
        }
    }
}
