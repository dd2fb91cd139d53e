package dev.tasklens.ports.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as RFC 9110 §10.2.3 defines it: delay-seconds or an HTTP date. */
class HttpResponseRetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static HttpResponse reply(String... headers) {
        return HttpResponse.of(429, HttpHeaders.of(headers), "");
    }

    @Test
    void delaySecondsAreRead() {
        assertThat(reply("Retry-After", "120").retryAfter(NOW)).contains(Duration.ofSeconds(120));
        assertThat(reply("Retry-After", " 0 ").retryAfter(NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsMeasuredFromTheRepliesDate() {
        HttpResponse reply = reply("Date", "Sun, 22 Nov 2026 11:00:00 GMT",
                "Retry-After", "Sun, 22 Nov 2026 11:00:30 GMT");

        assertThat(reply.retryAfter(NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void anHttpDateWithoutADateIsMeasuredFromNowAndAPastOneIsNoWait() {
        assertThat(reply("Retry-After", "Sun, 22 Nov 2026 12:01:00 GMT").retryAfter(NOW))
                .contains(Duration.ofMinutes(1));
        assertThat(reply("Retry-After", "Sun, 22 Nov 2026 11:00:00 GMT").retryAfter(NOW)).contains(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableHeaderGivesNoWait() {
        assertThat(reply().retryAfter(NOW)).isEmpty();
        assertThat(reply("Retry-After", "soon").retryAfter(NOW)).isEmpty();
        assertThat(reply("Retry-After", "99999999999999999999").retryAfter(NOW)).isEmpty();
        assertThat(reply("Retry-After", "-5").retryAfter(NOW)).isEmpty();
    }
}
