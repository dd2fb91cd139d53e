package dev.tasklens.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.ports.http.HttpRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmulatorRequestTest {

    private static EmulatorRequest at(String uri) {
        return new EmulatorRequest(HttpRequest.get(URI.create(uri)).build(), Optional.empty());
    }

    @Test
    void decodesEveryValueOfARepeatedNameInOrder() {
        EmulatorRequest request = at("http://127.0.0.1/v2/tasks?status=A%20B&flag&status=C&name=%E4%BB%BB");

        assertThat(request.queryParameterLists()).isEqualTo(Map.of("status", List.of("A B", "C"),
                "flag", List.of(""), "name", List.of("任")));
        assertThat(request.queryParameters()).isEqualTo(Map.of("status", "C", "flag", "", "name", "任"));
    }

    @Test
    void noQueryStringIsNoParameters() {
        assertThat(at("http://127.0.0.1/v2/tasks").queryParameters()).isEqualTo(Map.of());
        assertThat(at("http://127.0.0.1/v2/tasks?").queryParameterLists()).isEqualTo(Map.of());
    }
}
