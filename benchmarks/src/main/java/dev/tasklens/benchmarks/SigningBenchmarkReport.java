package dev.tasklens.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SigningBenchmarks} with the GC profiler and prints, per scheme, the throughput of
 * ours, the official SDK and the two floors, the ratios of ours to each, and the bytes allocated
 * per signature, as a Markdown table.
 *
 * <p>Arguments: none for the full run (3 x 2 s warm-up, 5 x 2 s measurement, 1 fork), or
 * {@code quick} for a short smoke run.
 */
public final class SigningBenchmarkReport {

    private SigningBenchmarkReport() {
    }

    /**
     * Runs the benchmarks and prints the table to standard output.
     *
     * @param args {@code quick} for a short run
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SigningBenchmarks.class.getName())
                .addProfiler(GCProfiler.class);
        if (args.length > 0 && args[0].equals("quick")) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Map<String, double[]>> byScheme = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String variant = method.endsWith("Ours") ? "ours" : method.endsWith("Sdk") ? "sdk"
                    : method.endsWith("TightFloor") ? "tight" : "floor";
            String scheme = method.substring(0, method.length() - (variant.equals("ours") ? 4
                    : variant.equals("sdk") ? 3 : variant.equals("tight") ? 10 : 5));
            Result primary = result.getPrimaryResult();
            double allocation = result.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                    .mapToDouble(entry -> entry.getValue().getScore()).findFirst().orElse(Double.NaN);
            byScheme.computeIfAbsent(scheme, key -> new TreeMap<>())
                    .put(variant, new double[] {primary.getScore(), primary.getScoreError(), allocation});
        }

        List<String> lines = new ArrayList<>();
        lines.add("| scheme | ours (ops/ms) | official SDK (ops/ms) | floor (ops/ms) | tight floor (ops/ms)"
                + " | ours / SDK | ours / floor | ours / tight floor | ours B/op | SDK B/op |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        byScheme.forEach((scheme, variants) -> {
            double[] ours = variants.get("ours");
            double[] sdk = variants.get("sdk");
            double[] floor = variants.get("floor");
            double[] tight = variants.get("tight");
            lines.add(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %,.0f ± %,.0f | %,.0f ± %,.0f"
                            + " | %.2f× | %.0f %% | %.0f %% | %,.0f | %,.0f |",
                    scheme, ours[0], ours[1], sdk[0], sdk[1], floor[0], floor[1], tight[0], tight[1],
                    ours[0] / sdk[0], 100 * ours[0] / floor[0], 100 * ours[0] / tight[0], ours[2], sdk[2]));
        });
        lines.forEach(System.out::println);
    }
}
