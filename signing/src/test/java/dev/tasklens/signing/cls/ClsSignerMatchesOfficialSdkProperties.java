package dev.tasklens.signing.cls;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cls.producer.util.QcloudClsSignature;
import dev.tasklens.signing.OracleArbitraries;
import dev.tasklens.signing.RequestShape;
import dev.tasklens.signing.SigningCredentials;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential test: our CLS signature equals the official {@code tencentcloud-cls-sdk-java}'s
 * ({@code QcloudClsSignature.buildSignature}), byte for byte. The SDK reads the clock itself, so
 * the test signs for the window the SDK chose.
 */
class ClsSignerMatchesOfficialSdkProperties extends OracleArbitraries {

    private static final Pattern SIGN_TIME = Pattern.compile("q-sign-time=(\\d+);(\\d+)&");
    private static final ClsSigner SIGNER = ClsSigner.create();

    @Provide
    Arbitrary<RequestShape> requests() {
        return RequestShape.arbitrary(Arbitraries.of("ap-guangzhou.cls.tencentyun.com",
                "ap-shanghai.cls.tencentcs.com", "127.0.0.1:8080"), false);
    }

    @Property(tries = 1000)
    void signatureEqualsTheSdks(@ForAll("requests") RequestShape shape, @ForAll("ids") String secretId,
            @ForAll("secrets") String secretKey) throws Exception {
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
    }
}
