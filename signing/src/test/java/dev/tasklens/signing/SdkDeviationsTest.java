package dev.tasklens.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.baidubce.auth.BceV1Signer;
import com.baidubce.auth.DefaultBceCredentials;
import com.baidubce.auth.SignOptions;
import com.baidubce.http.HttpMethodName;
import com.baidubce.internal.InternalRequest;
import com.tencentcloudapi.cls.producer.util.QcloudClsSignature;
import dev.tasklens.signing.bce.BceSigner;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.signing.huawei.HuaweiSigner;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where an official SDK departs from its provider's published signing document, the signers
 * follow the SDK, since that is what the servers accept today. One test per deviation, named
 * after it.
 */
class SdkDeviationsTest {

    private static final SigningCredentials KEYS = SigningCredentials.of("AKIDEXAMPLE1234567890",
            "EXAMPLEsecretKEY0123456789abcdef");
    private static final Instant AT = Instant.parse("2024-11-22T12:00:00Z");

    @Nested
    class ClsSortsParametersByTheirNameAsGivenThenLowerCasesThem {
        @Test
        void upperCaseNamesSortBeforeLowerCaseOnesAsInTheSdk() throws Exception {
            // The document sorts lower-cased names (a, b); the SDK sorts the names as given (B, a).
            Map<String, String> params = new LinkedHashMap<>();
            params.put("a", "1");
            params.put("B", "2");
            String official = QcloudClsSignature.buildSignature(KEYS.accessKeyId(), KEYS.secretKey(), "GET",
                    "/tasks", params, Map.of("Host", "ap-guangzhou.cls.tencentyun.com"), 300_000L);
            Matcher window = Pattern.compile("q-sign-time=(\\d+);(\\d+)").matcher(official);
            assertThat(window.find()).isTrue();

            Signature ours = ClsSigner.create().signForWindow(
                    SignableRequest.builder("GET", URI.create("https://ap-guangzhou.cls.tencentyun.com/tasks?a=1&B=2"))
                            .header("Host", "ap-guangzhou.cls.tencentyun.com").build(),
                    KEYS, Instant.ofEpochSecond(Long.parseLong(window.group(1))),
                    Instant.ofEpochSecond(Long.parseLong(window.group(2))));

            assertThat(ours.authorization()).isEqualTo(official).contains("q-url-param-list=b;a");
        }

        @Test
        void aPlusInTheQueryIsASpaceAsInTheSeedsExample() {
            SignableRequest plus = SignableRequest.builder("GET", URI.create(
                    "https://ap-guangzhou.cls.tencentyun.com/tasks?start_time=2017-10-10+00%3A00%3A00")).build();
            SignableRequest percent = SignableRequest.builder("GET", URI.create(
                    "https://ap-guangzhou.cls.tencentyun.com/tasks?start_time=2017-10-10%2000%3A00%3A00")).build();

            assertThat(ClsSigner.create().sign(plus, KEYS, AT).canonicalRequest())
                    .isEqualTo(ClsSigner.create().sign(percent, KEYS, AT).canonicalRequest())
                    .contains("start_time=2017-10-10%2000%3A00%3A00");
        }
    }

    @Nested
    class HuaweiSignsHeaderValuesUntrimmedAndLeavesOutContentType {
        @Test
        void theCanonicalHeadersKeepSpacesAndSkipContentType() {
            SignableRequest request = SignableRequest.builder("GET",
                            URI.create("https://metastudio.cn-north-4.myhuaweicloud.com/v2/p/ies/task"))
                    .header("X-Project-Id", "  p  ")
                    .header("Content-Type", "application/json")
                    .header("X_Underscored", "skipped")
                    .build();

            Signature signature = HuaweiSigner.create().sign(request, KEYS, AT);

            assertThat(signature.canonicalRequest())
                    .contains("\nx-project-id:  p  \n")
                    .doesNotContain("content-type")
                    .doesNotContain("x_underscored")
                    .contains("/v2/p/ies/task/\n");
            assertThat(signature.authorization()).contains("SignedHeaders=host;x-project-id;x-sdk-date,");
        }
    }

    @Nested
    class BceListsSignedHeadersInTheSdksOrder {
        @Test
        void namesSortAsSentThenAreLowerCased() {
            // host is sent as "Host" and sorts before "X-Bce-Meta-Owner", which sorts before "x-bce-date".
            Set<String> listed = Set.of("host", "x-bce-date", "x-bce-meta-owner");
            InternalRequest official = new InternalRequest(HttpMethodName.GET,
                    URI.create("https://vod.bj.baidubce.com/v2/tasks"));
            official.addHeader("X-Bce-Meta-Owner", "team");
            official.addHeader("x-bce-date", AT.toString());
            SignOptions options = new SignOptions();
            options.setTimestamp(Date.from(AT));
            options.setHeadersToSign(listed);
            new BceV1Signer().sign(official, new DefaultBceCredentials(KEYS.accessKeyId(), KEYS.secretKey()), options);

            Signature ours = BceSigner.create().listingSignedHeaders(listed).sign(SignableRequest.builder("GET",
                    URI.create("https://vod.bj.baidubce.com/v2/tasks")).header("X-Bce-Meta-Owner", "team").build(),
                    KEYS, AT);

            assertThat(ours.authorization()).isEqualTo(official.getHeaders().get("Authorization"))
                    .contains("/1800/host;x-bce-meta-owner;x-bce-date/");
        }

        @Test
        void byDefaultTheListIsEmptyAsInTheSdk() {
            Signature ours = BceSigner.create().sign(SignableRequest.builder("GET",
                    URI.create("https://vod.bj.baidubce.com/v2/tasks")).build(), KEYS, AT);

            assertThat(ours.authorization()).matches("bce-auth-v1/AKIDEXAMPLE1234567890/2024-11-22T12:00:00Z/1800//[0-9a-f]{64}");
        }
    }

    @Nested
    class Tc3SignsContentTypeAsSent {
        @Test
        void theValueIsNeitherLowerCasedNorTrimmed() {
            Signature signature = Tc3Signer.create().sign(SignableRequest.builder("POST",
                            URI.create("https://mps.tencentcloudapi.com/"))
                    .header("Content-Type", " Application/JSON ").body("{}").build(), KEYS, AT);

            assertThat(signature.canonicalRequest()).contains("\ncontent-type: Application/JSON \nhost:mps.tencentcloudapi.com\n");
        }
    }
}
