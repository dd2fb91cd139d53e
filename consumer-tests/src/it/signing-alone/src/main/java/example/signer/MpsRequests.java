package example.signer;

import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.net.URI;
import java.time.Instant;

/** Signs an MPS DescribeTasks call the way a service with its own HTTP client would. */
public final class MpsRequests {

    private MpsRequests() {
    }

    /**
     * Signs one DescribeTasks call.
     *
     * @param body the JSON body to send
     * @param credentials the SecretId and SecretKey
     * @param at the signing time, which becomes X-TC-Timestamp
     * @return the headers to add, with the canonical request for debugging
     */
    public static Signature describeTasks(String body, SigningCredentials credentials, Instant at) {
        SignableRequest request = SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-TC-Action", "DescribeTasks")
                .header("X-TC-Version", "2019-06-12")
                .body(body)
                .build();
        return Tc3Signer.create().sign(request, credentials, at);
    }
}
