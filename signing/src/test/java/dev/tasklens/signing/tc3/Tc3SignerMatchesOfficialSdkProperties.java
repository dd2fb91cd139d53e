package dev.tasklens.signing.tc3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.oracle.OfficialTencentSdk;
import dev.tasklens.signing.Generators;
import java.net.URI;
import java.time.Instant;

/** Differential test: our TC3 signature equals the official Tencent Cloud SDK's, byte for byte. */
class Tc3SignerMatchesOfficialSdkProperties {

    private static final OfficialTencentSdk SDK = new OfficialTencentSdk();
    private static final Tc3Signer SIGNER = Tc3Signer.create();

    private static Gen<String> hosts() {
        return Gen.oneOf(
                Gen.of("mps", "cvm", "vod", "cls", "sts").map(s -> s + ".tencentcloudapi.com"),
                Gen.of("mps", "vod").map(s -> s + ".ap-guangzhou.tencentcloudapi.com"),
                Gen.ints(1024, 65535).map(port -> "127.0.0.1:" + port),
                Gen.strings(Gen.range('a', 'z'), 1, 12).map(s -> s + ".example.com"));
    }

    private static Gen<String> contentTypes() {
        return Gen.oneOf(
                Gen.of("application/json; charset=utf-8", "application/json", "Application/JSON",
                        "application/x-www-form-urlencoded", "  application/json ; charset=UTF-8  ",
                        "multipart/form-data; charset=utf-8; boundary=5c3a-2f"),
                Generators.headerValues());
    }

    /** One POST as a client sends it. */
    private record Post(String host, String contentType, byte[] body, long timestamp) {
        @Override
        public String toString() {
            return "POST https://" + host + "/ Content-Type: " + contentType + " body=" + body.length
                    + " bytes at " + timestamp;
        }
    }

    private static Gen<Post> posts() {
        Gen<String> hosts = hosts();
        Gen<String> contentTypes = contentTypes();
        Gen<byte[]> bodies = Generators.bodies();
        Gen<Long> times = Generators.epochSeconds();
        return random -> new Post(hosts.next(random), contentTypes.next(random), bodies.next(random),
                times.next(random));
    }

    @TestFactory
    Stream<DynamicTest> postSignatureEqualsTheSdks() {
        return Property.forAll(1000, posts(), Generators.keys(), (post, keys) -> {
            String host = post.host();
            String contentType = post.contentType();
            byte[] body = post.body();
            long timestamp = post.timestamp();
            String secretId = keys.id();
            String secretKey = keys.secret();
            SignableRequest request = SignableRequest.builder("POST", URI.create("https://" + host + "/"))
                    .header("Content-Type", contentType)
                    .header("X-TC-Action", "DescribeTasks")
                    .body(body)
                    .build();

            Signature ours = SIGNER.sign(request, SigningCredentials.of(secretId, secretKey),
                    Instant.ofEpochSecond(timestamp));

            assertThat(ours.authorization())
                    .isEqualTo(SDK.authorization(host, contentType, body, timestamp, secretId, secretKey));
            assertThat(ours.headers()).containsEntry("X-TC-Timestamp", Long.toString(timestamp));
        });
    }
}
