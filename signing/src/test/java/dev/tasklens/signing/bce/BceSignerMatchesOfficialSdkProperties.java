package dev.tasklens.signing.bce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.tasklens.signing.Generators;
import com.baidubce.auth.BceV1Signer;
import com.baidubce.auth.DefaultBceCredentials;
import com.baidubce.auth.DefaultBceSessionCredentials;
import com.baidubce.auth.SignOptions;
import com.baidubce.http.HttpMethodName;
import com.baidubce.internal.InternalRequest;
import dev.tasklens.signing.RequestShape;
import dev.tasklens.signing.SigningCredentials;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Differential test: our bce-auth-v1 signature equals the official {@code bce-java-sdk}'s, byte for byte. */
class BceSignerMatchesOfficialSdkProperties {

    private static final BceV1Signer SDK = new BceV1Signer();

    /** What one case draws besides the request. */
    private record Options(Generators.Keys keys, long epochSecond, int expiration, boolean listHeaders,
            Optional<String> sessionToken) {
    }

    private static Gen<Options> options() {
        Gen<Generators.Keys> keys = Generators.keys();
        Gen<Long> times = Generators.epochSeconds();
        Gen<Integer> expirations = Gen.ints(1, 100_000);
        Gen<Optional<String>> tokens = Gen.strings(Gen.ALPHA + Gen.NUMERIC, 10, 40).optional(0.3);
        return random -> new Options(keys.next(random), times.next(random), expirations.next(random),
                random.nextBoolean(), tokens.next(random));
    }

    private static Gen<RequestShape> requests() {
        // The signer sets x-bce-date itself (to the signing time), so the shapes leave it out.
        return RequestShape.generator(Gen.of("vod.bj.baidubce.com", "vod.gz.baidubce.com:443",
                "127.0.0.1:8081"), false)
                .filter(shape -> shape.headers().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("x-bce-date")));
    }

    @TestFactory
    Stream<DynamicTest> signatureEqualsTheSdks() {
        return Property.forAll(1000, requests(), options(), (shape, option) -> {
            String ak = option.keys().id();
            String sk = option.keys().secret();
            long epochSecond = option.epochSecond();
            int expiration = option.expiration();
            boolean listHeaders = option.listHeaders();
            Optional<String> sessionToken = option.sessionToken();
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
        });
    }
}
