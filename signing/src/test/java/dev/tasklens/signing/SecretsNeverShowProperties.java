package dev.tasklens.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.signing.bce.BceSigner;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.signing.huawei.HuaweiSigner;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.net.URI;
import java.time.Instant;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** No secret key or session token appears in any text the module produces. */
class SecretsNeverShowProperties {

    private static final Instant AT = Instant.parse("2024-11-22T12:00:00Z");

    private static final Gen<String> SECRETS = Gen.strings(Gen.ALPHA, 16, 40);

    @TestFactory
    Stream<DynamicTest> notInToStringsOfCredentialsRequestsOrSignatures() {
        Gen<String[]> pairs = ((Gen<String[]>) random -> new String[] {SECRETS.next(random), SECRETS.next(random)})
                .filter(pair -> !pair[1].contains(pair[0]) && !pair[0].contains(pair[1]));
        return Property.forAll(200, pairs.map(List::of), pair -> {
            String secret = pair.get(0);
            String token = pair.get(1);
            SigningCredentials credentials = SigningCredentials.temporary("AKIDEXAMPLE1234567890", secret, token);
            SignableRequest request = SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/"))
                    .header("Content-Type", "application/json").body("{}").build();

            List<Signature> signatures = List.of(Tc3Signer.create().sign(request, credentials, AT),
                    ClsSigner.create().sign(request, credentials, AT),
                    HuaweiSigner.create().sign(request, credentials, AT), BceSigner.create().sign(request, credentials, AT));

            assertThat(credentials.toString()).doesNotContain(secret).doesNotContain(token);
            for (Signature signature : signatures) {
                assertThat(signature.toString()).doesNotContain(secret).doesNotContain(token)
                        .doesNotContain(signature.authorization());
                assertThat(signature.canonicalRequest() + signature.stringToSign()).doesNotContain(secret);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> notInErrorMessages() {
        return Property.forAll(100, SECRETS, secret -> {
            SigningCredentials credentials = SigningCredentials.of("AKIDEXAMPLE1234567890", secret);
            SignableRequest repeated = SignableRequest.builder("GET", URI.create("https://a.example/?x=1&x=2")).build();

            try {
                ClsSigner.create().sign(repeated, credentials, AT);
            } catch (IllegalArgumentException expected) {
                assertThat(expected).hasMessageNotContaining(secret);
                return;
            }
            throw new AssertionError("a repeated CLS parameter must be refused");
        });
    }
}
