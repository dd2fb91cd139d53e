package dev.tasklens.cli;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.signing.RequestSigner;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.bce.BceSigner;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.signing.huawei.HuaweiSigner;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tasklens sign}: prints the headers that sign a request, or a ready curl command. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign any request with tc3, cls, huawei or bce. Credentials come from the environment.")
final class SignCommand implements Callable<Integer> {

    /** A CLS signature valid longer than a week is a key left lying around; refuse it. */
    static final int MAX_CLS_VALIDITY = 7 * 24 * 3600;
    /** bce-auth-v1's expiration, capped alike. */
    static final int MAX_BCE_EXPIRATION = 7 * 24 * 3600;

    /** Far above any request these APIs take; a body past it is a wrong file. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    @ParentCommand
    private TasklensCommand root;

    @Option(names = "--scheme", required = true, description = "tc3, cls, huawei or bce.")
    private String scheme;

    @Option(names = "--service", description = "TC3 service (default: the host's first label).")
    private String service;

    @Option(names = "--region", description = "tc3 only: the region, sent as X-TC-Region (not signed by TC3).")
    private String region;

    @Option(names = "--time", converter = InstantConverter.class,
            description = "Sign at this instant (ISO 8601, such as 2026-11-20T00:00:00Z) for a reproducible output.")
    private Instant time;

    @Option(names = "--expires", description = "Validity in seconds (cls: 1.." + MAX_CLS_VALIDITY + ", bce: 1.."
            + MAX_BCE_EXPIRATION + ").")
    private Integer expires;

    @Option(names = "--verbose", description = "Also print, on stderr, the canonical request and the string to sign"
            + " (what a provider's SignatureDoesNotMatch reply is compared with). No secret is printed.")
    private boolean verbose;

    @Option(names = {"-H", "--header"}, description = "A header 'Name: value'; repeatable.")
    private List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--data"}, description = "The body, or @FILE to read it from a file.")
    private String data;

    @Option(names = "--curl", description = "Print a curl command instead of the headers.")
    private boolean curl;

    @Parameters(index = "0", description = "The HTTP method.")
    private String method;

    @Parameters(index = "1", converter = UriConverter.class, description = "The absolute URL, query included.")
    private URI url;

    @Override
    public Integer call() {
        Instant at = Optional.ofNullable(time).orElseGet(Instant::now);
        Scheme chosen = Scheme.parse(scheme);
        if (expires != null) {
            int max = chosen == Scheme.CLS ? MAX_CLS_VALIDITY : chosen == Scheme.BCE ? MAX_BCE_EXPIRATION : 0;
            if (max == 0) {
                throw new IllegalArgumentException("--expires applies to --scheme cls and bce; " + scheme
                        + " signatures carry no validity of their own (the provider allows a fixed clock skew)");
            }
            if (expires < 1 || expires > max) {
                throw new IllegalArgumentException("--expires " + expires + " is not 1.." + max + " seconds (7 days at"
                        + " most)");
            }
        }
        if (url.getScheme() == null || !(url.getScheme().equalsIgnoreCase("https")
                || url.getScheme().equalsIgnoreCase("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL with a host, such as"
                    + " https://mps.tencentcloudapi.com/");
        }
        if (service != null && chosen != Scheme.TC3) {
            throw new IllegalArgumentException("--service applies to --scheme tc3 only; " + scheme
                    + " signatures name no service");
        }
        byte[] body = body();
        SignableRequest.Builder request = SignableRequest.builder(method, url).body(body);
        Map<String, String> given = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("header '" + header + "' is not of the form 'Name: value'");
            }
            given.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        SigningCredentials keys = credentials(chosen);
        Signature signature = signer(chosen).sign(request.build(), keys, at);
        if (verbose) {
            // BCE, Huawei and CLS sign the session token's header, so the canonical request holds its
            // value: shown masked here, as everywhere; the header line the request must carry stays on stdout.
            root.err.println("canonical request:");
            root.err.println(masked(signature.canonicalRequest(), keys));
            root.err.println("string to sign:");
            root.err.println(masked(signature.stringToSign(), keys));
        }
        Map<String, String> added = new LinkedHashMap<>(signature.headers());
        if (region != null) {
            if (chosen != Scheme.TC3) {
                throw new IllegalArgumentException("--region applies to --scheme tc3 only");
            }
            if (!region.matches("[a-z]+(-[a-z0-9]+)+")) {
                throw new IllegalArgumentException("--region '" + region + "' is not a region name such as"
                        + " ap-guangzhou");
            }
            added.put("X-TC-Region", region);
        }
        PrintWriter out = root.out;
        if (curl) {
            StringBuilder command = new StringBuilder("curl -X ").append(method.toUpperCase(Locale.ROOT));
            given.forEach((name, value) -> command.append(" -H ").append(quote(name + ": " + value)));
            added.forEach((name, value) -> command.append(" -H ").append(quote(name + ": " + value)));
            if (body.length > 0) {
                // curl must send the very bytes that were signed: a file as a file, text only if it is text.
                if (data.startsWith("@")) {
                    command.append(" --data-binary ").append(quote(data));
                } else {
                    command.append(" --data-binary ").append(quote(new String(body, StandardCharsets.UTF_8)));
                }
            }
            out.println(command.append(' ').append(quote(url.toString())));
        } else {
            added.forEach((name, value) -> out.println(name + ": " + value));
        }
        return Main.OK;
    }

    /** The schemes, each with the provider whose environment variables hold its key pair. */
    private enum Scheme {
        TC3("tencent"), CLS("tencent"), HUAWEI("huawei"), BCE("baidu");

        final String provider;

        Scheme(String provider) {
            this.provider = provider;
        }

        static Scheme parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--scheme '" + name + "' is not one of tc3, cls, huawei, bce");
            }
        }
    }

    private RequestSigner signer(Scheme chosen) {
        return switch (chosen) {
            case TC3 -> service == null ? Tc3Signer.create() : Tc3Signer.forService(service);
            case CLS -> expires == null ? ClsSigner.create() : ClsSigner.withValidity(Duration.ofSeconds(expires));
            case HUAWEI -> HuaweiSigner.create();
            case BCE -> expires == null ? BceSigner.create() : BceSigner.create().expiringAfter(expires);
        };
    }

    /** The key pair (and session token) from the provider's usual variables. */
    /** The text with the session token (and, though never signed in clear, the secret) as {@code ***}. */
    private static String masked(String text, SigningCredentials keys) {
        String safe = keys.secretKey().length() >= 4 ? text.replace(keys.secretKey(), "***") : text;
        return keys.sessionToken().filter(token -> token.length() >= 4).map(token -> safe.replace(token, "***"))
                .orElse(safe);
    }

    private SigningCredentials credentials(Scheme chosen) {
        List<String> names = ProviderEnvironment.VARIABLES.get(chosen.provider);
        if (!ProviderEnvironment.hasCredentials(chosen.provider, root.environment)) {
            throw new AuthenticationException(SourceId.of("tasklens.sign"), "CredentialsMissing",
                    "set " + names.get(0) + " and " + names.get(1) + " to sign with " + scheme, Optional.empty());
        }
        return new SigningCredentials(root.environment.get(names.get(0)), root.environment.get(names.get(1)),
                Optional.ofNullable(root.environment.get(names.get(2))));
    }

    private byte[] body() {
        if (data == null) {
            return new byte[0];
        }
        if (data.startsWith("@")) {
            Path file = Path.of(data.substring(1));
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException("-d " + data + ": " + file + " is a directory; give a file");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("-d " + data + ": cannot read " + file + " (no such file, or no"
                        + " permission)");
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                // A device such as /dev/zero never ends: read one byte past the limit, never the whole.
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new IllegalArgumentException("-d " + data + ": the body is larger than "
                            + MAX_BODY_BYTES / (1024 * 1024) + " MiB; a task listing request is a few hundred bytes");
                }
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the body from " + file + ": " + e.getMessage(), e);
            }
        }
        return data.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
