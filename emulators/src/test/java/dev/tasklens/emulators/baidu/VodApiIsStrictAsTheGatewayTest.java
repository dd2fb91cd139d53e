package dev.tasklens.emulators.baidu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.bce.BceSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The VOD emulator checks bce-auth-v1 and the query as the BCE gateway and seed 004 say. */
class VodApiIsStrictAsTheGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String AK = "46bd9968a6194b4bbdf0341f2286ccce";
    private static final String SK = "example-bce-secret";
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(new VodApi(SeededTasks.catalog(3, 25, NOW, Duration.ofDays(2)), Map.of(AK, SK),
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse send(String query, BceSigner signer, String ak, String sk, Instant at) {
        URI uri = URI.create("https://vod.bj.baidubce.com/v2/tasks" + (query.isEmpty() ? "" : "?" + query));
        var signature = signer.sign(SignableRequest.builder("GET", uri).build(), SigningCredentials.of(ak, sk), at);
        HttpRequest.Builder request = HttpRequest.get(uri).header("Host", uri.getHost());
        signature.headers().forEach(request::header);
        return emulator.inMemoryTransport(Duration.ofSeconds(5)).send(request.build());
    }

    private static HttpResponse send(String query) {
        return send(query, BceSigner.create(), AK, SK, NOW);
    }

    private static JsonObject body(HttpResponse reply) {
        return Json.createReader(new StringReader(reply.bodyText())).readObject();
    }

    @Test
    void bothTheSdksEmptyHeaderListAndBaidusExplicitOneAreAccepted() {
        assertThat(send("maxSize=5").status()).isEqualTo(200);
        assertThat(send("maxSize=5", BceSigner.create().listingSignedHeaders(Set.of("host", "x-bce-date")), AK, SK,
                NOW).status()).isEqualTo(200);
    }

    @Test
    void eachRefusalCarriesTheGatewaysCodeAndStatus() {
        HttpResponse expired = send("maxSize=5", BceSigner.create().expiringAfter(60), AK, SK,
                NOW.minus(Duration.ofMinutes(2)));
        HttpResponse unknownKey = send("maxSize=5", BceSigner.create(), "someoneelse00000000000000000000", SK, NOW);
        HttpResponse wrongSecret = send("maxSize=5", BceSigner.create(), AK, "wrong", NOW);
        HttpResponse hostNotSigned = send("maxSize=5", BceSigner.create().listingSignedHeaders(Set.of("x-bce-date")),
                AK, SK, NOW);

        assertThat(expired.status()).isEqualTo(400);
        assertThat(body(expired).getString("code")).isEqualTo("RequestExpired");
        assertThat(unknownKey.status()).isEqualTo(403);
        assertThat(body(unknownKey).getString("code")).isEqualTo("InvalidAccessKeyId");
        assertThat(body(wrongSecret).getString("code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(body(hostNotSigned).getString("code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(body(hostNotSigned).getString("message")).contains("must include host");
        assertThat(wrongSecret.headers().firstValue("x-bce-request-id")).isPresent();
    }

    @Test
    void withNeitherMarkerNorMaxSizeOnlyTheFirstTenComeAndNoNextPage() {
        JsonObject reply = body(send(""));

        assertThat(reply.getJsonArray("data")).hasSize(10);
        assertThat(reply.getBoolean("isTruncated")).isFalse();
    }

    @Test
    void aBadMaxSizeOrTimeIsTheGatewaysBadRequest() {
        for (String query : new String[] {"maxSize=0", "maxSize=101", "maxSize=ten", "beginTime=yesterday"}) {
            HttpResponse reply = send(query);

            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(body(reply).getString("code")).as(query).isEqualTo("InvalidHTTPRequest");
        }
    }

    @Test
    void theLastPageStillNamesANextMarkerWithIsTruncatedFalseAsTheDocumentsExampleDoes() {
        JsonObject reply = body(send("maxSize=100"));

        assertThat(reply.getJsonArray("data")).hasSize(25);
        assertThat(reply.getBoolean("isTruncated")).isFalse();
        assertThat(reply.getString("nextMarker")).isNotEmpty();
    }
}
