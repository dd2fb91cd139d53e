package dev.tasklens.benchmarks;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.tasklens.emulators.sandbox.Sandbox;
import dev.tasklens.tencent.TencentSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code tasklens} command end to end against the official SDK's loop, in one run: a sandbox of
 * {@value #TASKS} MPS tasks, every reply held back {@value #LATENCY_MS} ms, pages of 100. One op is
 * one whole listing.
 *
 * <ul>
 *   <li>{@code cli}: {@code ./tasklens list --source tencent.mps --output json} as a separate process
 *       (the launcher the README gives: JVM start, class-data archive, its default concurrency and
 *       MPS's documented 100 requests/s), its lines read and counted.</li>
 *   <li>{@code officialSdk}: tencentcloud-sdk-java's loop ({@link OfficialMpsLoop}) in this JVM.</li>
 * </ul>
 * Run from the project root with the CLI built ({@code -Dtasklens.launcher} names another launcher).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CliListingBenchmarks {

    /** Tasks in the sandbox: as many as {@link ListingBenchmarks} lists. */
    public static final int TASKS = ListingBenchmarks.TASKS;
    /** Added to every reply, as in {@link ListingBenchmarks}. */
    public static final int LATENCY_MS = ListingBenchmarks.LATENCY_MS;
    private static final String SOURCE = "tencent.mps";

    private Sandbox sandbox;
    private OfficialMpsLoop sdk;
    private ProcessBuilder cli;

    /** Starts the sandbox, and finds the launcher. */
    @Setup(Level.Trial)
    public void start() {
        Path launcher = Path.of(System.getProperty("tasklens.launcher", "tasklens")).toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no tasklens launcher at " + launcher + ": run from the project root"
                    + " with the CLI built, or set -Dtasklens.launcher");
        }
        sandbox = Sandbox.builder().only(Set.of(SOURCE)).tasks(TASKS).latency(Duration.ofMillis(LATENCY_MS))
                .clock(Clock.systemUTC()).start();
        URI endpoint = sandbox.endpoints().get(SOURCE);
        sdk = new OfficialMpsLoop(endpoint, TencentSettings.fromEnvironment(sandbox.environment()).credentials()
                .credentials().orElseThrow(), 100);
        cli = new ProcessBuilder(List.of(launcher.toString(), "list", "--source", SOURCE, "--endpoint",
                endpoint.toString(), "--page-size", "100", "--output", "json"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        cli.environment().putAll(sandbox.environment());
    }

    /** Stops the sandbox. */
    @TearDown(Level.Trial)
    public void stop() {
        sandbox.close();
    }

    /**
     * The CLI, start to exit.
     *
     * @return the lines it printed
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while it runs
     */
    @Benchmark
    public long cli() throws IOException, InterruptedException {
        Process process = cli.start();
        long lines = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8), 1 << 16)) {
            while (out.readLine() != null) {
                lines++;
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || lines != TASKS) {
            throw new IllegalStateException("the CLI exited " + exit + " after " + lines + " of " + TASKS + " tasks");
        }
        return lines;
    }

    /**
     * The official SDK's loop.
     *
     * @return how many tasks came
     * @throws TencentCloudSDKException if a request fails
     */
    @Benchmark
    public long officialSdk() throws TencentCloudSDKException {
        long count = sdk.listAll(() -> { });
        if (count != TASKS) {
            throw new IllegalStateException("the official SDK listed " + count + " of " + TASKS + " tasks");
        }
        return count;
    }
}
