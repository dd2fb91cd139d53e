package dev.tasklens.emulators.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.ManualClock;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.data.TaskCatalog;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CVM instance role's keys, as the emulated metadata service hands them out, on the MPS gateway:
 * accepted with their token until they expire, refused without it, with another one, or after; and
 * rotated halfway through their life while the old key still works.
 */
class TemporaryKeysOnTheGatewayTest {

    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");
    private static final URI MPS = URI.create("https://mps.tencentcloudapi.com/");
    private static final URI METADATA = URI.create("http://metadata.tencentyun.com/");

    private final ManualClock clock = new ManualClock(START);
    private Emulator mps;
    private Emulator metadata;

    @BeforeEach
    void start() {
        KeyRing ring = KeyRing.of(Map.of("AKIDLONGTERM00000000", "long-term-secret"));
        TaskCatalog tasks = SeededTasks.catalog(1, 10, START, Duration.ofDays(1));
        mps = Emulator.start(new MpsApi(() -> tasks, ring, clock));
        metadata = Emulator.start(new CvmMetadataApi("role-a", new TemporaryKeys(ring, "AKIDtmp", Duration.ofHours(1),
                clock)));
    }

    @AfterEach
    void stop() {
        mps.close();
        metadata.close();
    }

    private HttpResponse get(String path) {
        return metadata.inMemoryTransport(Duration.ofSeconds(5)).send(HttpRequest.get(METADATA.resolve(path)).build());
    }

    private JsonObject roleKeys() {
        HttpResponse reply = get("/latest/meta-data/cam/security-credentials/role-a");
        assertThat(reply.status()).isEqualTo(200);
        return Json.createReader(new StringReader(reply.bodyText())).readObject();
    }

    /** DescribeTasks signed with these keys, sending this token (or none). */
    private String describeTasks(String id, String secret, Optional<String> token) {
        byte[] body = "{\"Status\":\"FINISH\",\"Limit\":10}".getBytes(StandardCharsets.UTF_8);
        SignableRequest signable = SignableRequest.builder("POST", MPS).header("Content-Type", "application/json")
                .header("Host", MPS.getHost()).body(body).build();
        Signature signature = Tc3Signer.forService("mps").sign(signable, SigningCredentials.of(id, secret),
                clock.instant());
        HttpRequest.Builder request = HttpRequest.post(MPS, body).header("Content-Type", "application/json")
                .header("Host", MPS.getHost()).header("X-TC-Action", "DescribeTasks")
                .header("X-TC-Version", "2019-06-12")
                .header("X-TC-Timestamp", signature.headers().get("X-TC-Timestamp"))
                .header("Authorization", signature.authorization());
        token.ifPresent(value -> request.header("X-TC-Token", value));
        JsonObject response = Json.createReader(new StringReader(mps.inMemoryTransport(Duration.ofSeconds(5))
                .send(request.build()).bodyText())).readObject().getJsonObject("Response");
        return response.containsKey("Error") ? response.getJsonObject("Error").getString("Code") : "ok";
    }

    @Test
    void theRoleIsNamedAndItsKeysWorkOnlyWithTheirTokenAndUntilTheyExpire() {
        assertThat(get("/latest/meta-data/cam/security-credentials/").bodyText()).isEqualTo("role-a");
        assertThat(get("/latest/meta-data/cam/security-credentials/role-b").status()).isEqualTo(404);
        JsonObject keys = roleKeys();
        assertThat(keys.getString("Code")).isEqualTo("Success");
        assertThat(keys.getJsonNumber("ExpiredTime").longValue()).isEqualTo(START.plus(Duration.ofHours(1))
                .getEpochSecond());
        String id = keys.getString("TmpSecretId");
        String secret = keys.getString("TmpSecretKey");
        String token = keys.getString("Token");

        assertThat(describeTasks(id, secret, Optional.of(token))).isEqualTo("ok");
        assertThat(describeTasks(id, secret, Optional.empty())).isEqualTo("AuthFailure.TokenFailure");
        assertThat(describeTasks(id, secret, Optional.of(token + "x"))).isEqualTo("AuthFailure.TokenFailure");
        assertThat(describeTasks("AKIDLONGTERM00000000", "long-term-secret", Optional.empty())).isEqualTo("ok");

        clock.set(START.plus(Duration.ofHours(1)));
        assertThat(describeTasks(id, secret, Optional.of(token))).isEqualTo("AuthFailure.SecretIdNotFound");
    }

    @Test
    void keysRotateHalfwayThroughTheirLifeAndTheOldOnesWorkUntilTheyExpire() {
        JsonObject first = roleKeys();
        clock.set(START.plus(Duration.ofMinutes(29)));
        assertThat(roleKeys().getString("TmpSecretId")).isEqualTo(first.getString("TmpSecretId"));
        clock.set(START.plus(Duration.ofMinutes(30)));
        JsonObject second = roleKeys();
        assertThat(second.getString("TmpSecretId")).isNotEqualTo(first.getString("TmpSecretId"));
        assertThat(describeTasks(first.getString("TmpSecretId"), first.getString("TmpSecretKey"),
                Optional.of(first.getString("Token")))).isEqualTo("ok");
        assertThat(describeTasks(second.getString("TmpSecretId"), second.getString("TmpSecretKey"),
                Optional.of(first.getString("Token")))).isEqualTo("AuthFailure.TokenFailure");
    }
}
