package dev.tasklens.ports.source;

import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;

/**
 * The SPI every provider implements, once per task list: it describes itself and fetches one
 * page. Everything else (validation, paging, local filtering, resume tokens, limits) is done by
 * the core, so an adapter holds only what is specific to its provider: the request it sends,
 * the signature, and the mapping of the reply.
 *
 * <p>An implementation is thread-safe and holds no per-listing state: the position of a page
 * travels in the {@link PageRequest}.
 */
public interface TaskSource {

    /**
     * What this source is and accepts: id, paging model, scope, lookback, pushed-down filters.
     *
     * @return the descriptor; the same value on every call
     */
    SourceDescriptor descriptor();

    /**
     * Fetches one page from the provider. The request was already checked against {@link
     * #descriptor()}. Filters named in {@link SourceDescriptor#pushedDown()} must be sent to the
     * provider; the others must not be applied here (the core applies them).
     *
     * @param request the query, the position and the page size
     * @return the provider's page, with its continuation signals
     * @throws dev.tasklens.domain.TaskLensException of the kind that says what failed
     */
    ProviderPage<Task> fetchPage(PageRequest request);

    /**
     * Where this source lists from, as a resume token is bound to it: its endpoint and the account
     * (access key id) it lists as, so that a token made for one account is refused by a listing of
     * another. Never a secret.
     *
     * @return a stable text; empty for a source that binds its tokens to nothing but the query
     */
    default String tokenBinding() {
        return "";
    }

    /**
     * Where this source's credentials come from, looking for them if that was not done yet:
     * {@code env}, {@code profile default (/home/me/.tencentcloud/credentials)},
     * {@code instance role NAME}, or where it looked when it found none. Never a key or a token.
     *
     * @return whether credentials were found, and where
     * @throws dev.tasklens.ports.credentials.CredentialsFileException if a credentials file is
     *     there but cannot be used
     */
    default dev.tasklens.ports.credentials.CredentialsOrigin credentialsOrigin() {
        return dev.tasklens.ports.credentials.CredentialsOrigin.notReported();
    }
}
