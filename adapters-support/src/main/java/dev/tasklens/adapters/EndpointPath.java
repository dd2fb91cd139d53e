package dev.tasklens.adapters;

import java.net.URI;

/**
 * Where an API path goes under a configured endpoint. The endpoint's own path is kept: a proxy
 * mounted at {@code https://proxy/huawei/} receives {@code /huawei/v2/...}, the path the request is
 * signed over. {@link URI#resolve(String)} with an absolute path would drop it.
 */
public final class EndpointPath {

    private EndpointPath() {
    }

    /**
     * The URI of an API path under an endpoint.
     *
     * @param endpoint such as {@code https://vod.bj.baidubce.com} or {@code http://proxy:8080/some/prefix/}
     * @param pathAndQuery the API's path, from {@code /}, with its query if any, already encoded
     * @return the endpoint's scheme and authority, its path without a trailing {@code /}, then the
     *     API's path
     * @throws IllegalArgumentException if the API path does not start with {@code /}
     */
    public static URI under(URI endpoint, String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("an API path starts with '/', got '" + pathAndQuery + "'");
        }
        String prefix = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + prefix + pathAndQuery);
    }
}
