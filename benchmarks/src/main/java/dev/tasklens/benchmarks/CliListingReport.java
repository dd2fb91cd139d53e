package dev.tasklens.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CliListingBenchmarks} and prints the CLI's time as a share of the official SDK loop's,
 * the two measured in the same run. Run from the project root with the CLI built.
 */
public final class CliListingReport {

    private CliListingReport() {
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args none
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(CliListingBenchmarks.class.getName() + "\\.").build()).run();
        double cli = 0;
        double sdk = 0;
        System.out.println();
        System.out.println("| listing of " + CliListingBenchmarks.TASKS + " MPS tasks | mean of "
                + "3 (ms) | min | max |");
        System.out.println("|---|---:|---:|---:|");
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            var statistics = result.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", method.equals("cli")
                    ? "`tasklens list --output json` (process)" : "official SDK loop", statistics.getMean(),
                    statistics.getMin(), statistics.getMax());
            if (method.equals("cli")) {
                cli = statistics.getMean();
            } else {
                sdk = statistics.getMean();
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "CLI / official SDK: %.3f of its time (%.2fx its speed)%n", cli / sdk, sdk / cli);
    }
}
