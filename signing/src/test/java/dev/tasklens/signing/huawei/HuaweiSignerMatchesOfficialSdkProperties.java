package dev.tasklens.signing.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.tasklens.signing.Generators;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import dev.tasklens.signing.RequestShape;
import dev.tasklens.signing.SigningCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Differential test: our SDK-HMAC-SHA256 signature equals the official {@code huaweicloud-sdk-core}
 * {@code AKSKSigner}'s, byte for byte. The SDK takes its time from an {@code X-Sdk-Date} header
 * when the request carries one, so both sides get that header.
 */
class HuaweiSignerMatchesOfficialSdkProperties {

    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HuaweiSigner SIGNER = HuaweiSigner.create();

    private static Gen<RequestShape> requests() {
        // The SDK writes query names into its URL unencoded, so names here are plain (as every
        // Huawei API's are); values, paths, headers and bodies are as awkward as elsewhere.
        return RequestShape.generator(Gen.of("metastudio.cn-north-4.myhuaweicloud.com",
                        "iam.myhuaweicloud.com", "127.0.0.1:8443"), true)
                .filter(shape -> shape.query().stream().allMatch(pair -> pair.getKey().matches("[A-Za-z0-9_.~-]+")))
                .map(shape -> new RequestShape(shape.method(), shape.host(), shape.pathSegments(), shape.query(),
                        shape.headers(), textBody(shape.body())));
    }

    /** The SDK holds a body as a String, so bodies here are text. */
    private static byte[] textBody(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> signatureEqualsTheSdks() {
        return Property.forAll(1000, requests(), Generators.keys(), Generators.epochSeconds(),
                (shape, keys, epochSecond) -> {
            String ak = keys.id();
            String sk = keys.secret();
            Instant at = Instant.ofEpochSecond(epochSecond);
            String date = SDK_DATE.format(at);

            HttpRequest.HttpRequestBuilder official = HttpRequest.newBuilder()
                    .withEndpoint("https://" + shape.host())
                    .withPath(shape.rawPath())
                    .withMethod(HttpMethod.valueOf(shape.method()))
                    .withBodyAsString(new String(shape.body(), StandardCharsets.UTF_8))
                    .addHeader("X-Sdk-Date", date);
            shape.headers().forEach(header -> official.addHeader(header.getKey(), header.getValue()));
            Map<String, List<String>> grouped = new LinkedHashMap<>();
            shape.query().forEach(pair -> grouped.computeIfAbsent(pair.getKey(), key -> new ArrayList<>())
                    .add(pair.getValue()));
            grouped.forEach(official::addQueryParam);
            Map<String, String> sdkHeaders = AKSKSigner.getInstance()
                    .sign(official.build(), new BasicCredentials().withAk(ak).withSk(sk));

            String ours = SIGNER.sign(shape.toSignable(false, Map.of("X-Sdk-Date", date)),
                    SigningCredentials.of(ak, sk), at).authorization();

            assertThat(ours).isEqualTo(sdkHeaders.get("Authorization"));
        });
    }
}
