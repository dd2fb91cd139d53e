package dev.tasklens.signing;

import java.time.Instant;

/**
 * Signs a request with one scheme. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * Signs a request.
     *
     * @param request the request as it will be sent
     * @param credentials the key pair (and session token) to sign with
     * @param at the signing time; pass the server's time when the local clock is known to be off
     * @return the headers to add, and what was signed
     * @throws IllegalArgumentException if the request cannot be signed with this scheme; the
     *     message says why
     */
    Signature sign(SignableRequest request, SigningCredentials credentials, Instant at);
}
