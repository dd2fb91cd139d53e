package dev.tasklens.emulators.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.tc3.Tc3Signer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MPS emulator answers every malformed request with the API 3.0 gateway's own error reply
 * (HTTP 200, {@code Response.Error.Code}), never a dropped connection or a server error: wrong
 * types, overflowing numbers, missing and unknown fields (seed 001, API 3.0 common error codes), and
 * every way a TC3 signature can be wrong ("签名方法 v3").
 */
class MpsApiRefusesWhatTheGatewayRefusesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String ID = "AKIDEXAMPLE0123456789";
    private static final String SECRET = "example-secret";
    private static final URI ENDPOINT = URI.create("https://mps.tencentcloudapi.com/");
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        emulator = Emulator.start(new MpsApi(SeededTasks.catalog(1, 30, NOW, Duration.ofDays(2)), Map.of(ID, SECRET),
                clock));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A DescribeTasks request with this body, signed as the official SDK signs it, then altered. */
    private static HttpResponse send(String body, Tc3Signer signer, Instant at, UnaryOperator<String> authorization) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignableRequest signable = SignableRequest.builder("POST", ENDPOINT)
                .header("Content-Type", "application/json").header("Host", ENDPOINT.getHost()).body(bytes).build();
        Signature signature = signer.sign(signable, SigningCredentials.of(ID, SECRET), at);
        HttpRequest request = HttpRequest.post(ENDPOINT, bytes)
                .header("Content-Type", "application/json")
                .header("Host", ENDPOINT.getHost())
                .header("X-TC-Action", "DescribeTasks")
                .header("X-TC-Version", "2019-06-12")
                .header("X-TC-Timestamp", signature.headers().get("X-TC-Timestamp"))
                .header("Authorization", authorization.apply(signature.authorization()))
                .build();
        return emulator.inMemoryTransport(Duration.ofSeconds(5)).send(request);
    }

    private static HttpResponse send(String body) {
        return send(body, Tc3Signer.forService("mps"), NOW, UnaryOperator.identity());
    }

    private static JsonObject response(HttpResponse reply) {
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.bodyText())).readObject().getJsonObject("Response");
    }

    private static String errorCode(HttpResponse reply) {
        JsonObject response = response(reply);
        assertThat(response.getString("RequestId")).isNotBlank();
        return response.containsKey("Error") ? response.getJsonObject("Error").getString("Code") : "(none)";
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("{\"Status\":\"FINISH\",\"SubTaskHasFailed\":\"true\"}", "InvalidParameterValue"),
                Arguments.of("{\"Status\":\"FINISH\",\"SubTaskHasFailed\":1}", "InvalidParameterValue"),
                Arguments.of("{\"Status\":5}", "InvalidParameterValue"),
                Arguments.of("{\"Status\":[\"FINISH\"]}", "InvalidParameterValue"),
                Arguments.of("{\"Status\":\"DONE\"}", "InvalidParameterValue.Status"),
                Arguments.of("{}", "MissingParameter"),
                Arguments.of("{\"Status\":null}", "MissingParameter"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":\"abc\"}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":1e30}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":99999999999999999999}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":\"-99999999999999999999\"}",
                        "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":2.5}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":true}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":0}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":101}", "InvalidParameterValue.Limit"),
                Arguments.of("{\"Status\":\"FINISH\",\"ScrollToken\":123}", "InvalidParameterValue"),
                Arguments.of("{\"Status\":\"FINISH\",\"ScrollToken\":\"no-such-task\"}",
                        "InvalidParameterValue.ScrollToken"),
                Arguments.of("{\"Status\":\"FINISH\",\"StartTime\":12}", "InvalidParameterValue"),
                Arguments.of("{\"Status\":\"FINISH\",\"StartTime\":\"yesterday\"}", "InvalidParameter.StartTime"),
                Arguments.of("{\"Status\":\"FINISH\",\"EndTime\":\"2026-13-01T00:00:00Z\"}",
                        "InvalidParameter.EndTime"),
                Arguments.of("{\"Status\":\"FINISH\",\"StartTime\":\"2026-11-01T00:00:00Z\"}",
                        "InvalidParameter.StartTime"),
                Arguments.of("{\"Status\":\"FINISH\",\"Offset\":0}", "UnknownParameter"),
                Arguments.of("[\"Status\",\"FINISH\"]", "InvalidParameter"),
                Arguments.of("not json", "InvalidParameter"),
                Arguments.of("", "InvalidParameter"),
                Arguments.of("{\"Status\":\"FINISH\",\"Limit\":" + "[".repeat(100_000), "InvalidParameter"));
    }

    @ParameterizedTest(name = "{1} for {0}")
    @MethodSource("malformedBodies")
    void aMalformedBodyGetsTheGatewaysErrorReply(String body, String code) {
        assertThat(errorCode(send(body))).isEqualTo(code);
    }

    @Test
    void aLimitSentAsAStringIsAcceptedAsTheDocumentsOwnExampleSendsIt() {
        JsonObject response = response(send("{\"Status\":\"FINISH\",\"Limit\":\"5\"}"));

        assertThat(response.containsKey("Error")).isFalse();
        assertThat(response.getJsonArray("TaskSet")).hasSize(5);
    }

    @Test
    void aSignatureForAnotherServiceIsRefusedAsTheGatewayRefusesIt() {
        // What the official SDK signs when its endpoint is 127.0.0.1:port: the host's first label.
        HttpResponse reply = send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("127"), NOW, UnaryOperator.identity());

        assertThat(errorCode(reply)).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(reply.bodyText()).contains("service '127'");
    }

    @Test
    void aCredentialScopeDateOtherThanTheTimestampsUtcDateIsRefused() {
        // Signed at 00:30 Beijing time, dated in the local zone: the classic mistake the document warns of.
        Instant justAfterMidnightInBeijing = NOW;
        HttpResponse reply = send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"), justAfterMidnightInBeijing,
                authorization -> authorization.replace("/2026-11-22/", "/2026-11-23/"));

        assertThat(errorCode(reply)).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(reply.bodyText()).contains("not the UTC date of X-TC-Timestamp");
    }

    @Test
    void signedHeadersWithoutContentTypeAndHostAreRefused() {
        HttpResponse reply = send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"), NOW,
                authorization -> authorization.replace("SignedHeaders=content-type;host", "SignedHeaders=host"));

        assertThat(errorCode(reply)).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(reply.bodyText()).contains("SignedHeaders");
    }

    @Test
    void aTamperedSignatureAndAnUnknownKeyAreRefused() {
        assertThat(errorCode(send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"), NOW,
                authorization -> authorization.substring(0, authorization.length() - 4) + "0000")))
                .isEqualTo("AuthFailure.SignatureFailure");
        assertThat(errorCode(send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"), NOW,
                authorization -> authorization.replace(ID, "AKIDSOMEONEELSE")))).isEqualTo("AuthFailure.SecretIdNotFound");
        assertThat(errorCode(send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"), NOW,
                authorization -> "Bearer nonsense"))).isEqualTo("AuthFailure.InvalidAuthorization");
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsExpired() {
        assertThat(errorCode(send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"),
                NOW.minus(Duration.ofMinutes(6)), UnaryOperator.identity()))).isEqualTo("AuthFailure.SignatureExpire");
        assertThat(errorCode(send("{\"Status\":\"FINISH\"}", Tc3Signer.forService("mps"),
                NOW.plus(Duration.ofMinutes(4)), UnaryOperator.identity()))).isEqualTo("(none)");
    }

    @Test
    void aTwentyDigitTimestampIsExpiredNotAnOverflow() {
        byte[] body = "{\"Status\":\"FINISH\"}".getBytes(StandardCharsets.UTF_8);
        for (String timestamp : new String[] {"99999999999999999999", "12x", ""}) {
            HttpRequest request = HttpRequest.post(ENDPOINT, body)
                    .header("Content-Type", "application/json")
                    .header("X-TC-Action", "DescribeTasks").header("X-TC-Version", "2019-06-12")
                    .header("X-TC-Timestamp", timestamp)
                    .header("Authorization", "TC3-HMAC-SHA256 Credential=" + ID + "/2026-11-22/mps/tc3_request, "
                            + "SignedHeaders=content-type;host, Signature=" + "0".repeat(64))
                    .build();

            String code = errorCode(emulator.inMemoryTransport(Duration.ofSeconds(5)).send(request));

            assertThat(code).as(timestamp).isIn("AuthFailure.SignatureExpire", "MissingParameter");
            if (timestamp.length() == 20) {
                assertThat(code).isEqualTo("AuthFailure.SignatureExpire");
            }
        }
    }
}
