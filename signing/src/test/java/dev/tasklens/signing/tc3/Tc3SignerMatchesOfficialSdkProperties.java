package dev.tasklens.signing.tc3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.oracle.OfficialTencentSdk;
import dev.tasklens.signing.Generators;
import dev.tasklens.signing.OracleArbitraries;
import java.net.URI;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Differential test: our TC3 signature equals the official Tencent Cloud SDK's, byte for byte. */
class Tc3SignerMatchesOfficialSdkProperties extends OracleArbitraries {

    private static final OfficialTencentSdk SDK = new OfficialTencentSdk();
    private static final Tc3Signer SIGNER = Tc3Signer.create();

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.oneOf(
                Arbitraries.of("mps", "cvm", "vod", "cls", "sts").map(s -> s + ".tencentcloudapi.com"),
                Arbitraries.of("mps", "vod").map(s -> s + ".ap-guangzhou.tencentcloudapi.com"),
                Arbitraries.integers().between(1024, 65535).map(port -> "127.0.0.1:" + port),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                        .map(s -> s + ".example.com"));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of("application/json; charset=utf-8", "application/json", "Application/JSON",
                        "application/x-www-form-urlencoded", "  application/json ; charset=UTF-8  ",
                        "multipart/form-data; charset=utf-8; boundary=5c3a-2f"),
                Generators.headerValues());
    }

    @Property(tries = 1000)
    void postSignatureEqualsTheSdks(@ForAll("hosts") String host, @ForAll("contentTypes") String contentType,
            @ForAll("bodies") byte[] body, @ForAll("times") long timestamp,
            @ForAll("ids") String secretId, @ForAll("secrets") String secretKey) {
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
    }
}
