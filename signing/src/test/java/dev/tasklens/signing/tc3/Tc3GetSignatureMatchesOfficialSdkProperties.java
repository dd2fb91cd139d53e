package dev.tasklens.signing.tc3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import dev.tasklens.signing.Generators;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Differential test for GET, where TC3 signs the query string: the official SDK sends real GET
 * requests (query values with spaces, {@code +}, {@code ~}, {@code *}, {@code /}, {@code %},
 * non-ASCII) to a loopback server that records them; our signature of the recorded request must
 * equal the {@code Authorization} the SDK sent.
 */
class Tc3GetSignatureMatchesOfficialSdkProperties {

    private static HttpServer server;
    private static final AtomicReference<HttpExchange> LAST = new AtomicReference<>();

    private static final Credential credential = new Credential("placeholder-id", "placeholder-key");
    private static CommonClient client;
    private static String endpoint;

    @BeforeAll
    static void startServer() throws IOException {
        // Without TCP_NODELAY each exchange waits ~40 ms for a delayed ACK (headers and body are two writes).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            LAST.set(exchange);
            byte[] reply = "{\"Response\":{\"RequestId\":\"recorded\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        endpoint = "127.0.0.1:" + server.getAddress().getPort();
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReqMethod(HttpProfile.REQ_GET);
        client = new CommonClient("mps", "2019-06-12", credential, "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static Gen<Map<String, String>> parameters() {
        Gen<String> names = Gen.strings(Gen.range('A', 'Z') + Gen.range('a', 'z'), 1, 10);
        Gen<String> values = Generators.awkwardText();
        return ((Gen<Map.Entry<String, String>>) random -> Map.entry(names.next(random), values.next(random)))
                .list(0, 6).map(entries -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
                    return map;
                });
    }

    @TestFactory
    Stream<DynamicTest> getSignatureEqualsTheSdks() {
        return Property.forAll(1000, parameters(), Generators.keys(), (parameters, keys) -> {
            String secretId = keys.id();
            String secretKey = keys.secret();
            credential.setSecretId(secretId);
            credential.setSecretKey(secretKey);
            client.commonRequest(new QueryModel(parameters), "DescribeTasks");

            HttpExchange sent = LAST.get();
            URI recorded = URI.create("http://" + endpoint + sent.getRequestURI().getRawPath()
                    + (sent.getRequestURI().getRawQuery() == null ? "" : "?" + sent.getRequestURI().getRawQuery()));
            SignableRequest request = SignableRequest.builder("GET", recorded)
                    .header("Content-Type", sent.getRequestHeaders().getFirst("Content-Type"))
                    .build();
            Instant at = Instant.ofEpochSecond(Long.parseLong(sent.getRequestHeaders().getFirst("X-TC-Timestamp")));

            String ours = Tc3Signer.create().sign(request, SigningCredentials.of(secretId, secretKey), at)
                    .authorization();

            assertThat(ours).isEqualTo(sent.getRequestHeaders().getFirst("Authorization"));
        });
    }

    /** A request model whose fields become the GET query (the SDK refuses GET for CommonRequest). */
    static final class QueryModel extends AbstractModel {
        private final Map<String, String> parameters;

        QueryModel(Map<String, String> parameters) {
            this.parameters = new LinkedHashMap<>(parameters);
        }

        @Override
        protected void toMap(HashMap<String, String> map, String prefix) {
            parameters.forEach((name, value) -> setParamSimple(map, prefix + name, value));
        }
    }
}
