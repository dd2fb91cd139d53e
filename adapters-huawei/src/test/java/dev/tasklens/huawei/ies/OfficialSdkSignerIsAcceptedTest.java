package dev.tasklens.huawei.ies;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.huawei.IesApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Second opinion: a request signed by the official huaweicloud-sdk-core {@code AKSKSigner} (3.1.192),
 * as the SDK's {@code SearchTaskRequest} sends it (no paging parameters, {@code X-Project-Id}), is
 * accepted by the MetaStudio emulator and served as the first page of 10; the same request with a
 * wrong secret is refused with {@code APIG.0301}.
 */
class OfficialSdkSignerIsAcceptedTest {

    private static final String AK = "HPUAEXAMPLE0123456789";
    private static final String SK = "example-huawei-secret";
    private static final String PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

    private static JsonObject[] get(URI base, String secret) throws IOException {
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now());
        HttpRequest request = HttpRequest.newBuilder()
                .withEndpoint(base.toString())
                .withPath("/v2/" + PROJECT + "/ies/task")
                .withMethod(HttpMethod.GET)
                .addHeader("X-Sdk-Date", date)
                .addHeader("X-Project-Id", PROJECT)
                .build();
        Map<String, String> signed = AKSKSigner.getInstance().sign(request, new BasicCredentials().withAk(AK)
                .withSk(secret));
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/v2/" + PROJECT + "/ies/task").toURL()
                .openConnection();
        connection.setRequestProperty("X-Sdk-Date", date);
        connection.setRequestProperty("X-Project-Id", PROJECT);
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                connection.setRequestProperty(name, value);
            }
        });
        int status = connection.getResponseCode();
        try (InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            return new JsonObject[] {Json.createObjectBuilder().add("status", status).build(),
                Json.createReader(body).readObject()};
        }
    }

    @Test
    void theSdksSignatureIsAcceptedAndAnUnpagedRequestIsTheFirstPageOfTen() throws IOException {
        Clock clock = Clock.systemUTC();
        try (Emulator emulator = Emulator.start(new IesApi(SeededTasks.catalog(3, 25, clock.instant(),
                Duration.ofDays(1)), PROJECT, Map.of(AK, SK), Optional.empty(), clock))) {
            JsonObject[] reply = get(emulator.baseUri(), SK);

            assertThat(reply[0].getInt("status")).as(reply[1].toString()).isEqualTo(200);
            assertThat(reply[1].getJsonArray("data")).hasSize(10);
            assertThat(reply[1].getInt("offset")).isZero();
            assertThat(reply[1].getInt("count")).isEqualTo(25);
        }
    }

    @Test
    void theSameRequestWithAWrongSecretIsRefusedWithApig0301() throws IOException {
        Clock clock = Clock.systemUTC();
        try (Emulator emulator = Emulator.start(new IesApi(SeededTasks.catalog(3, 5, clock.instant(),
                Duration.ofDays(1)), PROJECT, Map.of(AK, SK), Optional.empty(), clock))) {
            JsonObject[] reply = get(emulator.baseUri(), "not-the-secret");

            assertThat(reply[0].getInt("status")).isEqualTo(401);
            assertThat(reply[1].getString("error_code")).isEqualTo("APIG.0301");
            assertThat(reply[1].getString("error_msg")).contains("verify aksk signature fail");
        }
    }
}
