package dev.tasklens.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.signing.bce.BceSigner;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.signing.huawei.HuaweiSigner;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Input that cannot be signed is refused before any signing, with a message that says why. */
class SigningInputIsCheckedTest {

    private static final SigningCredentials KEYS = SigningCredentials.of("AKIDEXAMPLE1234567890", "s3cr3t-value");
    private static final Instant AT = Instant.parse("2024-11-22T12:00:00Z");

    @Test
    void aRelativeUriIsRefused() {
        assertThatThrownBy(() -> SignableRequest.builder("GET", URI.create("/tasks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot sign a request to '/tasks': the URI must be absolute with a host, such as"
                        + " https://mps.tencentcloudapi.com/");
    }

    @Test
    void aUriWithoutHostIsRefused() {
        assertThatThrownBy(() -> SignableRequest.builder("GET", URI.create("https:///tasks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be absolute with a host");
    }

    @Test
    void aHeaderNameThatIsNotATokenIsRefused() {
        assertThatThrownBy(() -> SignableRequest.builder("GET", URI.create("https://a.example/")).header("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header name 'Bad Name' cannot be signed");
    }

    @Test
    void aHeaderValueWithALineBreakIsRefused() {
        assertThatThrownBy(() -> SignableRequest.builder("GET", URI.create("https://a.example/")).header("X-A", "1\r\nX-B: 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void aPayloadHashMustBeASha256() {
        assertThatThrownBy(() -> SignableRequest.builder("POST", URI.create("https://a.example/")).payloadSha256("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a SHA-256 in hex");
    }

    @Test
    void aPrecomputedPayloadHashIsUsedAsGiven() {
        String hash = "a4df39e92a4e431be2e55f2871ab062e0eb8e9f11a4db7ba0c64e61a0b7ac611";
        SignableRequest streamed = SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/"))
                .header("Content-Type", "application/json").payloadSha256(hash.toUpperCase()).build();
        SignableRequest whole = SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/"))
                .header("Content-Type", "application/json").body("{\"Limit\":100}").build();

        assertThat(whole.payloadSha256()).isEqualTo(hash);
        assertThat(Tc3Signer.create().sign(streamed, KEYS, AT)).isEqualTo(Tc3Signer.create().sign(whole, KEYS, AT));
    }

    @Test
    void tc3NeedsAContentType() {
        SignableRequest request = SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/")).build();

        assertThatThrownBy(() -> Tc3Signer.create().sign(request, KEYS, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TC3 signs the Content-Type header, and the request has none");
    }

    @Test
    void clsRefusesARepeatedParameter() {
        SignableRequest request = SignableRequest.builder("GET",
                URI.create("https://ap-guangzhou.cls.tencentcs.com/tasks?a=1&a=2")).build();

        assertThatThrownBy(() -> ClsSigner.create().sign(request, KEYS, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the CLS signature cannot sign query parameter 'a' twice: it has one value per name;"
                        + " send it once");
    }

    @Test
    void huaweiRefusesARepeatedHeaderAndAConflictingDate() {
        SignableRequest repeated = SignableRequest.builder("GET", URI.create("https://iam.myhuaweicloud.com/"))
                .header("X-A", "1").header("x-a", "2").build();
        SignableRequest dated = SignableRequest.builder("GET", URI.create("https://iam.myhuaweicloud.com/"))
                .header("X-Sdk-Date", "20200101T000000Z").build();

        assertThatThrownBy(() -> HuaweiSigner.create().sign(repeated, KEYS, AT))
                .hasMessageContaining("header 'x-a' is sent twice");
        assertThatThrownBy(() -> HuaweiSigner.create().sign(dated, KEYS, AT))
                .hasMessage("the request already carries X-Sdk-Date 20200101T000000Z but is signed at"
                        + " 20241122T120000Z; remove the header or sign at that time");
    }

    @Test
    void bceRefusesAnExpirationBelowOneSecond() {
        assertThatThrownBy(() -> BceSigner.create().expiringAfter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 second");
    }

    @Test
    void clsRefusesAnEmptyWindow() {
        SignableRequest request = SignableRequest.builder("GET", URI.create("https://a.example/")).build();

        assertThatThrownBy(() -> ClsSigner.create().signForWindow(request, KEYS, AT, AT))
                .hasMessageContaining("must start before it ends");
    }
}
