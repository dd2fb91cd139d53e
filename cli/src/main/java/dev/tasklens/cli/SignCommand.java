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

    @ParentCommand
    private TasklensCommand root;

    @Option(names = "--scheme", required = true, description = "tc3, cls, huawei or bce.")
    private String scheme;

    @Option(names = "--service", description = "TC3 service (default: the host's first label).")
    private String service;

    @Option(names = "--region", description = "tc3 only: the region, sent as X-TC-Region (not signed by TC3).")
    private String region;

    @Option(names = "--time", description = "Sign at this instant (ISO 8601) for a reproducible output.")
    private Instant time;

    @Option(names = "--expires", description = "Validity in seconds (cls, bce).")
    private Integer expires;

    @Option(names = {"-H", "--header"}, description = "A header 'Name: value'; repeatable.")
    private List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--data"}, description = "The body, or @FILE to read it from a file.")
    private String data;

    @Option(names = "--curl", description = "Print a curl command instead of the headers.")
    private boolean curl;

    @Parameters(index = "0", description = "The HTTP method.")
    private String method;

    @Parameters(index = "1", description = "The absolute URL, query included.")
    private URI url;

    @Override
    public Integer call() {
        Instant at = Optional.ofNullable(time).orElseGet(Instant::now);
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
        Scheme chosen = Scheme.parse(scheme);
        Signature signature = signer(chosen).sign(request.build(), credentials(chosen), at);
        Map<String, String> added = new LinkedHashMap<>(signature.headers());
        if (region != null) {
            if (chosen != Scheme.TC3) {
                throw new IllegalArgumentException("--region applies to --scheme tc3 only");
            }
            added.put("X-TC-Region", region);
        }
        PrintWriter out = root.out;
        if (curl) {
            StringBuilder command = new StringBuilder("curl -X ").append(method.toUpperCase(Locale.ROOT));
            given.forEach((name, value) -> command.append(" -H ").append(quote(name + ": " + value)));
            added.forEach((name, value) -> command.append(" -H ").append(quote(name + ": " + value)));
            if (body.length > 0) {
                command.append(" --data-binary ").append(quote(new String(body, StandardCharsets.UTF_8)));
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
            try {
                return Files.readAllBytes(Path.of(data.substring(1)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the body from " + data.substring(1), e);
            }
        }
        return data.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
