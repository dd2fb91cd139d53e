package dev.tasklens.adapters;

import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import java.time.Instant;

/** Signs a transport request: what is signed is exactly what is sent. */
public final class SignedRequests {

    private SignedRequests() {
    }

    /**
     * The request with the signature's headers added.
     *
     * @param request the request as it will be sent
     * @param signer the scheme
     * @param keys the credentials
     * @param at the signing time
     * @return the signed request
     */
    public static HttpRequest sign(HttpRequest request, RequestSigner signer, Credentials keys, Instant at) {
        SignableRequest.Builder signable = SignableRequest.builder(request.method(), request.uri());
        for (HttpHeaders.Header header : request.headers().entries()) {
            signable.header(header.name(), header.value());
        }
        signable.body(request.body());
        HttpRequest.Builder signed = request.toBuilder();
        signer.sign(signable.build(), new SigningCredentials(keys.id(), keys.secret(), keys.sessionToken()), at)
                .headers().forEach(signed::setHeader);
        return signed.build();
    }
}
