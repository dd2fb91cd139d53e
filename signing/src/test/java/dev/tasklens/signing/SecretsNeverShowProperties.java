package dev.tasklens.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.signing.bce.BceSigner;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.signing.huawei.HuaweiSigner;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** No secret key or session token appears in any text the module produces. */
class SecretsNeverShowProperties {

    private static final Instant AT = Instant.parse("2024-11-22T12:00:00Z");

    @Property(tries = 200)
    void notInToStringsOfCredentialsRequestsOrSignatures(
            @ForAll @AlphaChars @StringLength(min = 16, max = 40) String secret,
            @ForAll @AlphaChars @StringLength(min = 16, max = 40) String token) {
        Assume.that(!token.contains(secret) && !secret.contains(token));
        SigningCredentials credentials = SigningCredentials.temporary("AKIDEXAMPLE1234567890", secret, token);
        SignableRequest request = SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/"))
                .header("Content-Type", "application/json").body("{}").build();

        List<Signature> signatures = List.of(Tc3Signer.create().sign(request, credentials, AT),
                ClsSigner.create().sign(request, credentials, AT), HuaweiSigner.create().sign(request, credentials, AT),
                BceSigner.create().sign(request, credentials, AT));

        assertThat(credentials.toString()).doesNotContain(secret).doesNotContain(token);
        for (Signature signature : signatures) {
            assertThat(signature.toString()).doesNotContain(secret).doesNotContain(token)
                    .doesNotContain(signature.authorization());
            assertThat(signature.canonicalRequest() + signature.stringToSign()).doesNotContain(secret);
        }
    }

    @Property(tries = 100)
    void notInErrorMessages(@ForAll @AlphaChars @StringLength(min = 16, max = 40) String secret) {
        SigningCredentials credentials = SigningCredentials.of("AKIDEXAMPLE1234567890", secret);
        SignableRequest repeated = SignableRequest.builder("GET", URI.create("https://a.example/?x=1&x=2")).build();

        try {
            ClsSigner.create().sign(repeated, credentials, AT);
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageNotContaining(secret);
            return;
        }
        throw new AssertionError("a repeated CLS parameter must be refused");
    }
}
