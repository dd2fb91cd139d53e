package dev.tasklens.signing.bce;

import static org.assertj.core.api.Assertions.assertThat;

import com.baidubce.auth.BceV1Signer;
import com.baidubce.auth.DefaultBceCredentials;
import com.baidubce.auth.DefaultBceSessionCredentials;
import com.baidubce.auth.SignOptions;
import com.baidubce.http.HttpMethodName;
import com.baidubce.internal.InternalRequest;
import dev.tasklens.signing.OracleArbitraries;
import dev.tasklens.signing.RequestShape;
import dev.tasklens.signing.SigningCredentials;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Differential test: our bce-auth-v1 signature equals the official {@code bce-java-sdk}'s, byte for byte. */
class BceSignerMatchesOfficialSdkProperties extends OracleArbitraries {

    private static final BceV1Signer SDK = new BceV1Signer();

    @Provide
    Arbitrary<RequestShape> requests() {
        // The signer sets x-bce-date itself (to the signing time), so the shapes leave it out.
        return RequestShape.arbitrary(Arbitraries.of("vod.bj.baidubce.com", "vod.gz.baidubce.com:443",
                "127.0.0.1:8081"), false)
                .filter(shape -> shape.headers().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("x-bce-date")));
    }

    @Property(tries = 1000)
    void signatureEqualsTheSdks(@ForAll("requests") RequestShape shape, @ForAll("ids") String ak,
            @ForAll("secrets") String sk, @ForAll("times") long epochSecond,
            @ForAll @IntRange(min = 1, max = 100_000) int expiration, @ForAll boolean listHeaders,
            @ForAll("tokens") Optional<String> sessionToken) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        String date = at.toString();
        Set<String> listed = Set.of("host", "x-bce-date", "content-type", "x-bce-meta-owner");

        InternalRequest official = new InternalRequest(HttpMethodName.valueOf(shape.method()),
                URI.create("https://" + shape.host() + shape.rawPath()));
        shape.headers().forEach(header -> official.addHeader(header.getKey(), header.getValue()));
        official.addHeader("x-bce-date", date);
        shape.queryMap().forEach(official::addParameter);
        SignOptions options = new SignOptions();
        options.setTimestamp(Date.from(at));
        options.setExpirationInSeconds(expiration);
        if (listHeaders) {
            options.setHeadersToSign(listed);
        }
        SDK.sign(official, sessionToken.<com.baidubce.auth.BceCredentials>map(
                token -> new DefaultBceSessionCredentials(ak, sk, token)).orElse(new DefaultBceCredentials(ak, sk)),
                options);

        BceSigner signer = BceSigner.create().expiringAfter(expiration);
        if (listHeaders) {
            signer = signer.listingSignedHeaders(listed);
        }
        SigningCredentials credentials = sessionToken.map(token -> SigningCredentials.temporary(ak, sk, token))
                .orElse(SigningCredentials.of(ak, sk));
        String ours = signer.sign(shape.toSignable(false, Map.of()), credentials, at).authorization();

        assertThat(ours).isEqualTo(official.getHeaders().get("Authorization"));
    }

    @Provide
    Arbitrary<Optional<String>> tokens() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(10).ofMaxLength(40).optional(0.3);
    }
}
