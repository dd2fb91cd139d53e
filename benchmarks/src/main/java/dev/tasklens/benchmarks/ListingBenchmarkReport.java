package dev.tasklens.benchmarks;

import dev.tasklens.domain.paging.Concurrency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ListingBenchmarks} and prints the listing table of {@code benchmarks/README.md}: tasks
 * per second per source against the bound its concurrency and the latency set, MPS at its documented
 * rate limit against the bound that limit sets, and MPS against the official SDK's loop, in one run.
 * Pass {@code quick} for one measured listing each instead of three.
 */
public final class ListingBenchmarkReport {

    private static final double MPS_REQUESTS_PER_SECOND = 100;

    private ListingBenchmarkReport() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args {@code quick} for a short run
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("quick");
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(quick, "tasklens", "tencent.mps,baidu.vod,huawei.ies,huawei.koodrive", "unlimited"));
        results.addAll(run(quick, "tasklens", "tencent.mps", "documented"));
        results.addAll(run(quick, "officialSdk", "tencent.mps", "unlimited"));

        double roundTrips = 1000.0 / ListingBenchmarks.LATENCY_MS;
        System.out.println();
        System.out.println("| source | rate | partitions | tasks/request | tasks/s | bound (tasks/s) | share of bound |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        double oursMps = 0;
        double oursMpsLimited = 0;
        double sdk = 0;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String source = result.getParams().getParam("source");
            String rate = result.getParams().getParam("rate");
            double tasksPerSecond = ListingBenchmarks.TASKS / (result.getPrimaryResult().getScore() / 1000.0);
            // A provider that sends partial pages (KooDrive) carries fewer tasks per round trip.
            // JMH sums an EVENTS counter over the measured iterations, one listing each.
            double perRequest = ListingBenchmarks.TASKS * result.getPrimaryResult().getStatistics().getN()
                    / result.getSecondaryResults().get("requests").getScore();
            if (method.equals("officialSdk")) {
                sdk = tasksPerSecond;
                double bound = roundTrips * perRequest;
                System.out.printf(Locale.ROOT, "| %s | official SDK loop | none | %.1f | %,.0f | %,.0f | %.0f %% |%n",
                        source, perRequest, tasksPerSecond, bound, 100 * tasksPerSecond / bound);
                continue;
            }
            boolean splits = !source.equals("huawei.koodrive");
            double bound = (splits ? Concurrency.DEFAULT_PAGES : 1) * roundTrips * perRequest;
            if (rate.equals("documented")) {
                bound = Math.min(bound, MPS_REQUESTS_PER_SECOND * perRequest);
                oursMpsLimited = tasksPerSecond;
            } else if (source.equals("tencent.mps")) {
                oursMps = tasksPerSecond;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %,.0f | %,.0f | %.0f %% |%n", source,
                    rate.equals("documented") ? "100 requests/s" : "unlimited", splits ? "yes" : "none (cursor only)",
                    perRequest, tasksPerSecond, bound, 100 * tasksPerSecond / bound);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "MPS, ours / official SDK: %.1fx unlimited, %.1fx at 100 requests/s%n",
                oursMps / sdk, oursMpsLimited / sdk);
    }

    private static Collection<RunResult> run(boolean quick, String method, String sources, String rate)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ListingBenchmarks.class.getName() + "\\." + method + "$")
                .param("source", sources.split(","))
                .param("rate", rate);
        if (quick) {
            options.warmupIterations(0).measurementIterations(1);
        }
        return new Runner(options.build()).run();
    }
}
