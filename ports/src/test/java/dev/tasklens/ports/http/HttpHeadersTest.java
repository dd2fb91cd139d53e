package dev.tasklens.ports.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpHeadersTest {

    @Test
    void namesCompareWithoutCaseAndKeepEveryValueInOrder() {
        HttpHeaders headers = HttpHeaders.builder()
                .add("X-Bce-Date", "2024-03-24T13:08:44Z")
                .add("accept", "a")
                .add("Accept", "b")
                .build();

        assertThat(headers.firstValue("x-bce-date")).contains("2024-03-24T13:08:44Z");
        assertThat(headers.allValues("ACCEPT")).containsExactly("a", "b");
        assertThat(headers.names()).containsExactly("X-Bce-Date", "accept");
        assertThat(headers.asMap().get("ACCEPT")).isEqualTo(List.of("a", "b"));
        assertThat(headers).isEqualTo(HttpHeaders.of("x-bce-date", "2024-03-24T13:08:44Z", "ACCEPT", "a",
                "accept", "b"));
    }

    @Test
    void setReplacesEveryValueWhateverTheCase() {
        HttpHeaders headers = HttpHeaders.of("Host", "a", "host", "b").toBuilder().set("HOST", "c").build();

        assertThat(headers.allValues("host")).containsExactly("c");
    }

    @Test
    void toStringHidesCredentialValues() {
        HttpHeaders headers = HttpHeaders.of("Authorization", "TC3-HMAC-SHA256 Credential=AKID/x, Signature=abc",
                "X-TC-Token", "session-token-value", "X-Bce-Security-Token", "bce-token", "Host", "example.com");

        assertThat(headers.toString())
                .doesNotContain("Signature=abc", "session-token-value", "bce-token")
                .contains("Authorization: ***", "Host: example.com");
    }

    @Test
    void onlyHeadersKnownToBeHarmlessShowTheirValues() {
        HttpHeaders headers = HttpHeaders.of("X-Custom-Secret", "hunter2", "X-Api-Key", "k-123", "X-TC-Action",
                "DescribeTasks", "Content-Type", "application/json", "x-bce-date", "2026-11-22T12:00:00Z");

        assertThat(headers.toString())
                .doesNotContain("hunter2", "k-123")
                .contains("X-Custom-Secret: ***", "X-Api-Key: ***", "X-TC-Action: DescribeTasks",
                        "Content-Type: application/json", "x-bce-date: 2026-11-22T12:00:00Z");
        assertThat(HttpHeaders.isSensitive("X-Whatever")).isTrue();
        assertThat(HttpHeaders.isSensitive("HOST")).isFalse();
    }

    @Test
    void anInvalidNameOrAValueWithALineBreakIsRefused() {
        assertThatThrownBy(() -> HttpHeaders.of("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Bad Name' is not a valid HTTP token");
        assertThatThrownBy(() -> HttpHeaders.of("X-Injected", "a\r\nEvil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void headersAreImmutable() {
        HttpHeaders headers = HttpHeaders.of("A", "1");

        assertThatThrownBy(() -> headers.entries().add(new HttpHeaders.Header("B", "2")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.asMap().put("B", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
