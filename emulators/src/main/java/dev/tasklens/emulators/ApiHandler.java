package dev.tasklens.emulators;

import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;

/**
 * One provider API as an emulator serves it: verifies the request (signature, limits), answers
 * from its data with the real paging, and applies the protocol-level faults it is handed. The
 * emulator calls it from several threads.
 */
@FunctionalInterface
public interface ApiHandler {

    /**
     * Answers one request.
     *
     * @param request the request, with the protocol-level fault to apply, if any
     * @return the reply
     */
    HttpResponse handle(EmulatorRequest request);

    /**
     * The provider's throttling reply. The default is HTTP 429 with {@code Retry-After: 1}.
     *
     * @return the reply
     */
    default HttpResponse throttled() {
        return HttpResponse.of(429, HttpHeaders.of("Retry-After", "1", "Content-Type", "text/plain"), "throttled");
    }

    /**
     * The provider's reply to a server fault.
     *
     * @param status the 5xx status
     * @return the reply; the default is a plain-text body with that status
     */
    default HttpResponse serverError(int status) {
        return HttpResponse.of(status, HttpHeaders.of("Content-Type", "text/plain"), "server error " + status);
    }

    /**
     * A page of the given tasks that names a fresh page token, for the endless hostile replies
     * ({@code ENDLESS_EMPTY_PAGES}, {@code ENDLESS_OLD_PAGES}, {@code ENDLESS_PAGES_OUTSIDE_THE_QUERY}):
     * what a server answers to keep a client paging forever.
     *
     * @param request the request
     * @param freshToken a token never handed out before
     * @param tasks the tasks the page holds, written as the API writes any
     * @return the reply, or empty for an API that does not page by token
     */
    default java.util.Optional<HttpResponse> pageWithFreshToken(EmulatorRequest request, String freshToken,
            java.util.List<dev.tasklens.emulators.data.EmulatedTask> tasks) {
        return java.util.Optional.empty();
    }

    /**
     * The tasks this API serves, for hostile replies made of real tasks.
     *
     * @return the tasks, in the API's order; empty where the API does not say
     */
    default java.util.List<dev.tasklens.emulators.data.EmulatedTask> catalogue() {
        return java.util.List.of();
    }

    /**
     * The reply of an offset-paged API that reads {@code offset} as an item count rather than as the
     * page number its document defines ({@code OFFSET_READ_AS_ITEM_COUNT}).
     *
     * @param request the request
     * @return the reply, or empty for an API that does not page by offset
     */
    default java.util.Optional<HttpResponse> offsetReadAsItemCount(EmulatorRequest request) {
        return java.util.Optional.empty();
    }

    /**
     * A 200 reply whose body cannot be parsed.
     *
     * @return the reply; the default is a body that is not JSON
     */
    default HttpResponse malformed() {
        return HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"), "{\"TaskSet\": [ {\"Task");
    }
}
