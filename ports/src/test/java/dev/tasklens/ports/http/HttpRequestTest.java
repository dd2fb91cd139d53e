package dev.tasklens.ports.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    @Test
    void theRawPathAndQueryAreKeptExactly() {
        URI uri = URI.create("https://ap-guangzhou.cls.tencentcs.com/tasks?start_time=2017-10-10+00%3A00%3A00&a=%2F");

        HttpRequest request = HttpRequest.get(uri).build();

        assertThat(request.uri().getRawQuery()).isEqualTo("start_time=2017-10-10+00%3A00%3A00&a=%2F");
    }

    @Test
    void theBodyCannotBeChangedFromOutside() {
        byte[] body = {1, 2, 3};
        HttpRequest request = HttpRequest.post(URI.create("https://mps.tencentcloudapi.com/"), body).build();
        body[0] = 9;
        request.body()[1] = 9;

        assertThat(request.body()).containsExactly(1, 2, 3);
    }

    @Test
    void aRelativeUriIsRefusedWithAnExample() {
        assertThatThrownBy(() -> HttpRequest.get(URI.create("/tasks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request URI '/tasks' must be absolute with a host, such as https://mps.tencentcloudapi.com/");
    }

    @Test
    void anotherSchemeIsRefused() {
        assertThatThrownBy(() -> HttpRequest.get(URI.create("ftp://example.com/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use https");
    }

    @Test
    void toStringHidesTheAuthorization() {
        HttpRequest request = HttpRequest.get(URI.create("https://vod.bj.baidubce.com/v2/tasks"))
                .header("Authorization", "bce-auth-v1/ak/2024-03-24T13:08:44Z/1800/host/signature-hex")
                .build();

        assertThat(request.toString()).doesNotContain("signature-hex").contains("GET https://vod.bj.baidubce.com");
    }

    @Test
    void methodsAreUpperCasedAndUnknownOnesRefused() {
        assertThat(HttpRequest.newBuilder("get", URI.create("https://a.example/")).build().method()).isEqualTo("GET");
        assertThatThrownBy(() -> HttpRequest.newBuilder("GTE", URI.create("https://a.example/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'GTE' is not one of");
    }
}
