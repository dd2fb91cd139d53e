package dev.tasklens.cli;

import dev.tasklens.domain.InvalidQueryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * The checks an endpoint passes before anything is sent, whether it comes from {@code --endpoint} or
 * from a {@code TASKLENS_ENDPOINT_<SOURCE>} variable: an {@code http(s)} URL with a host no longer
 * than a host name can be (253 characters, RFC 1035 §2.3.4 in text form), a port in 1..65535, no
 * query or fragment, and plain {@code http://} only to this machine, since signatures and tokens
 * would otherwise cross the network unencrypted.
 */
final class EndpointCheck {

    static final String VARIABLE_PREFIX = "TASKLENS_ENDPOINT_";
    private static final int MAX_HOST = 253;
    private static final int SHOWN = 80;

    private EndpointCheck() {
    }

    /**
     * Checks an endpoint given on the command line.
     *
     * @param uri the endpoint
     * @throws InvalidQueryException saying what is wrong with it
     */
    static void check(URI uri) {
        check("--endpoint " + shown(uri.toString()), uri);
    }

    /**
     * Checks every endpoint variable in an environment.
     *
     * @param environment the variables
     * @throws InvalidQueryException naming the variable whose value is unusable
     */
    static void checkVariables(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (!name.startsWith(VARIABLE_PREFIX)) {
                return;
            }
            URI uri;
            try {
                uri = new URI(value.strip());
            } catch (URISyntaxException e) {
                // The value is not echoed: a URL may carry credentials in its user part.
                throw new InvalidQueryException(name + " is not a URL; write it such as"
                        + " https://mps.ap-guangzhou.tencentcloudapi.com/");
            }
            check(name, uri);
        });
    }

    private static void check(String what, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null && uri.getRawAuthority().length() > MAX_HOST) {
            throw new InvalidQueryException(what + ": the host name is " + uri.getRawAuthority().length()
                    + " characters long; a host name has at most " + MAX_HOST);
        }
        if (!(scheme.equals("https") || scheme.equals("http")) || host == null) {
            throw new InvalidQueryException(what + " is not an https:// URL with a host, such as"
                    + " https://mps.tencentcloudapi.com/");
        }
        if (host.length() > MAX_HOST) {
            throw new InvalidQueryException(what + ": the host name is " + host.length() + " characters long; a host"
                    + " name has at most " + MAX_HOST);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidQueryException(what + ": port " + uri.getPort() + " is not 1..65535");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidQueryException(what + ": an endpoint has no query or fragment; give the scheme, host,"
                    + " port and path only");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new InvalidQueryException(what + ": plain http:// would send signatures unencrypted to another"
                    + " host; use https:// (plain http is for 127.0.0.1, such as the sandbox)");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }
}
