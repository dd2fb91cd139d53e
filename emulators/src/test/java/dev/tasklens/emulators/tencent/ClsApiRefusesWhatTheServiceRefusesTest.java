package dev.tasklens.emulators.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.cls.ClsSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLS emulator checks the CLS signature as the service does (CLS "请求签名", product 614, doc
 * 12445): the key-time window must hold the server's time, {@code q-key-time} equals
 * {@code q-sign-time}, numbers of any length are read without overflow, and a malformed query gets
 * the service's 400, never a dropped connection.
 */
class ClsApiRefusesWhatTheServiceRefusesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String ID = "AKIDEXAMPLE0123456789";
    private static final String SECRET = "example-secret";
    private static final URI LIST = URI.create("https://ap-guangzhou.cls.tencentcs.com/tasks?shipper_id=s1"
            + "&start_time=2026-11-22+10%3A00%3A00&end_time=2026-11-22+20%3A00%3A00");
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(new ClsApi(SeededTasks.catalog(2, 40, NOW, Duration.ofDays(1)), Map.of(ID, SECRET),
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse send(URI uri, Instant from, Instant to, UnaryOperator<String> authorization) {
        SignableRequest signable = SignableRequest.builder("GET", uri).header("Host", uri.getHost()).build();
        String signed = ClsSigner.create().signForWindow(signable, SigningCredentials.of(ID, SECRET), from, to)
                .authorization();
        return emulator.inMemoryTransport(Duration.ofSeconds(5)).send(HttpRequest.get(uri)
                .header("Host", uri.getHost()).header("Authorization", authorization.apply(signed)).build());
    }

    private static HttpResponse send(Instant from, Instant to, UnaryOperator<String> authorization) {
        return send(LIST, from, to, authorization);
    }

    @Test
    void aSignatureWhoseWindowHoldsTheServersTimeIsAccepted() {
        HttpResponse reply = send(NOW.minusSeconds(60), NOW.plusSeconds(240), UnaryOperator.identity());

        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
        assertThat(reply.bodyText()).startsWith("{\"tasks\":[");
    }

    @Test
    void aWindowThatHasEndedOrNotBegunIsExpired() {
        HttpResponse ended = send(NOW.minusSeconds(600), NOW.minusSeconds(1), UnaryOperator.identity());
        HttpResponse future = send(NOW.plusSeconds(10), NOW.plusSeconds(600), UnaryOperator.identity());

        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.bodyText()).contains("AuthFailure.SignatureExpire");
        assertThat(future.bodyText()).contains("AuthFailure.SignatureExpire");
    }

    @Test
    void aKeyTimeOtherThanTheSignTimeIsRefused() {
        String window = NOW.minusSeconds(60).getEpochSecond() + ";" + NOW.plusSeconds(240).getEpochSecond();
        HttpResponse reply = send(NOW.minusSeconds(60), NOW.plusSeconds(240), authorization ->
                authorization.replace("q-key-time=" + window, "q-key-time=" + NOW.minusSeconds(60).getEpochSecond()
                        + ";" + NOW.plusSeconds(999_999).getEpochSecond()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.bodyText()).contains("AuthFailure.SignatureFailure", "q-key-time must equal q-sign-time");
    }

    @Test
    void thirtyDigitTimesAreReadWithoutOverflow() {
        String window = NOW.minusSeconds(60).getEpochSecond() + ";" + NOW.plusSeconds(240).getEpochSecond();
        String huge = "1;" + "9".repeat(30);
        HttpResponse reply = send(NOW.minusSeconds(60), NOW.plusSeconds(240), authorization ->
                authorization.replace(window, huge));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.bodyText()).contains("AuthFailure.SignatureFailure");
    }

    @Test
    void aWrongSecretAndAnUnknownKeyAreRefused() {
        HttpResponse tampered = send(NOW.minusSeconds(60), NOW.plusSeconds(240), authorization ->
                authorization.substring(0, authorization.length() - 4) + "0000");
        HttpResponse unknown = send(NOW.minusSeconds(60), NOW.plusSeconds(240), authorization ->
                authorization.replace(ID, "AKIDSOMEONEELSE"));
        HttpResponse notCls = send(NOW.minusSeconds(60), NOW.plusSeconds(240), authorization -> "Bearer x");

        assertThat(tampered.bodyText()).contains("AuthFailure.SignatureFailure", "does not match");
        assertThat(unknown.bodyText()).contains("AuthFailure.SecretIdNotFound");
        assertThat(notCls.bodyText()).contains("AuthFailure.SignatureFailure");
    }

    @Test
    void missingOrMalformedTimesGetTheServicesBadRequest() {
        URI noTimes = URI.create("https://ap-guangzhou.cls.tencentcs.com/tasks?shipper_id=s1");
        HttpResponse reply = send(noTimes, NOW.minusSeconds(60), NOW.plusSeconds(240), UnaryOperator.identity());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.bodyText()).contains("InvalidParam", "yyyy-MM-dd HH:mm:ss");
    }
}
