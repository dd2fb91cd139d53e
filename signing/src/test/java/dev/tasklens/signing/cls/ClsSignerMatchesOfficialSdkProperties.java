package dev.tasklens.signing.cls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.tasklens.signing.Generators;
import com.tencentcloudapi.cls.producer.util.QcloudClsSignature;
import dev.tasklens.signing.RequestShape;
import dev.tasklens.signing.SigningCredentials;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Differential test: our CLS signature equals the official {@code tencentcloud-cls-sdk-java}'s
 * ({@code QcloudClsSignature.buildSignature}), byte for byte. The SDK reads the clock itself, so
 * the test signs for the window the SDK chose.
 */
class ClsSignerMatchesOfficialSdkProperties {

    private static final Pattern SIGN_TIME = Pattern.compile("q-sign-time=(\\d+);(\\d+)&");
    private static final ClsSigner SIGNER = ClsSigner.create();

    private static Gen<RequestShape> requests() {
        return RequestShape.generator(Gen.of("ap-guangzhou.cls.tencentyun.com",
                "ap-shanghai.cls.tencentcs.com", "127.0.0.1:8080"), false);
    }

    @TestFactory
    Stream<DynamicTest> signatureEqualsTheSdks() {
        return Property.forAll(1000, requests(), Generators.keys(), (shape, keys) -> {
            String secretId = keys.id();
            String secretKey = keys.secret();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", shape.host());
            headers.putAll(shape.headerMap());

            String official = QcloudClsSignature.buildSignature(secretId, secretKey, shape.method(), shape.rawPath(),
                    shape.queryMap(), headers, 300_000L);
            Matcher window = SIGN_TIME.matcher(official);
            assertThat(window.find()).isTrue();
            String ours = SIGNER.signForWindow(shape.toSignable(true, Map.of("Host", shape.host())),
                    SigningCredentials.of(secretId, secretKey),
                    Instant.ofEpochSecond(Long.parseLong(window.group(1))),
                    Instant.ofEpochSecond(Long.parseLong(window.group(2)))).authorization();

            assertThat(ours).isEqualTo(official);
        });
    }
}
