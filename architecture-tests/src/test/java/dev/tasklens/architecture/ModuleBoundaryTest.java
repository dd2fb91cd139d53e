package dev.tasklens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.Task;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.signing.tc3.Tc3Signer;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer on the module path sees exactly what the modules export: the public API compiles,
 * the {@code internal} packages do not. This is the promise the module descriptors make to
 * users of {@code signing} alone and of the core.
 */
class ModuleBoundaryTest {

    @TempDir Path work;

    @Test
    void aConsumerOfSigningAloneCompilesAgainstItsPublicApi() throws Exception {
        Compilation result = compileConsumer("dev.tasklens.signing", """
                package consumer;
                public final class Use {
                    public Object signer() { return dev.tasklens.signing.tc3.Tc3Signer.create(); }
                }
                """);
        assertThat(result.succeeded()).as(result.diagnostics()).isTrue();
    }

    @Test
    void aConsumerOfSigningCannotReachItsInternalPackage() throws Exception {
        Compilation result = compileConsumer("dev.tasklens.signing", """
                package consumer;
                public final class Peek {
                    public String hex() { return dev.tasklens.signing.internal.Hex.encode(new byte[1]); }
                }
                """);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics())
                .contains("dev.tasklens.signing.internal")
                .contains("does not export");
    }

    @Test
    void theTransportBringsThePortsAndTheDomainWithIt() throws Exception {
        // requires transitive: a user of the transport needs no further requires for its types.
        Compilation result = compileConsumer("dev.tasklens.transport.jdk", """
                package consumer;
                public final class Wire {
                    public dev.tasklens.ports.http.HttpTransport transport() {
                        return dev.tasklens.transport.jdk.JdkHttpTransport.create();
                    }
                    public Class<?> task() { return dev.tasklens.domain.Task.class; }
                }
                """);
        assertThat(result.succeeded()).as(result.diagnostics()).isTrue();
    }

    private Compilation compileConsumer(String required, String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/consumer"));
        Files.writeString(work.resolve("src/module-info.java"),
                "module consumer { requires " + required + "; }\n");
        String className = source.lines()
                .filter(line -> line.startsWith("public final class "))
                .findFirst().orElseThrow()
                .split(" ")[3];
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        String modulePath = Stream.of(Tc3Signer.class, Task.class, HttpTransport.class,
                        JdkHttpTransport.class)
                .map(ModuleBoundaryTest::location)
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        StringWriter diagnostics = new StringWriter();
        var compiler = ToolProvider.getSystemJavaCompiler();
        try (var files = compiler.getStandardFileManager(null, null, null)) {
            // An in-process compiler defaults its class path to this JVM's: the consumer would then see
            // the modules' packages in the unnamed module too, and the verdict would depend on the runner.
            files.setLocation(javax.tools.StandardLocation.CLASS_PATH, List.of());
            boolean ok = compiler.getTask(diagnostics, files, null,
                    List.of("--module-path", modulePath, "-d", work.resolve("out").toString()),
                    null,
                    files.getJavaFileObjects(work.resolve("src/module-info.java"), file))
                    .call();
            return new Compilation(ok, diagnostics.toString());
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Compilation(boolean succeeded, String diagnostics) {}
}
