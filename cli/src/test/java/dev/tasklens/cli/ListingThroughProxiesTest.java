package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.sandbox.Sandbox;
import dev.tasklens.testkit.proxy.Chaos;
import dev.tasklens.testkit.proxy.ReverseProxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every source listed through what stands between a client and a provider in real set-ups: a
 * reverse proxy (the provider sees the proxy's {@code Host}, which the request was signed for), a
 * proxy mounted under a path prefix, and a chaos proxy that throttles, fails, cuts and delays. Each
 * listing must hold exactly the tasks of a direct listing, once each, at the default concurrency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingThroughProxiesTest {

    private static final Clock CLOCK = Clock.systemUTC();

    private Sandbox sandbox;
    private Sandbox prefixed;

    @BeforeAll
    void start() {
        sandbox = Sandbox.builder().clock(CLOCK).start();
        prefixed = Sandbox.builder().clock(CLOCK).basePath("/some/prefix/").start();
    }

    @AfterAll
    void stop() {
        sandbox.close();
        prefixed.close();
    }

    static List<String> sources() {
        return List.copyOf(Sandbox.sourceIds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void throughAReverseProxyTheProviderChecksTheHostTheClientSigned(String source) {
        try (ReverseProxy proxy = ReverseProxy.to(origin(sandbox, source))) {
            List<String> listed = ids(sandbox, source, URI.create(proxy.uri() + "/"));

            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(direct(source));
            assertThat(proxy.forwarded()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void anEndpointsPathPrefixIsKeptAndSigned(String source) {
        try (ReverseProxy proxy = ReverseProxy.to(origin(prefixed, source))) {
            List<String> listed = ids(prefixed, source, URI.create(proxy.uri() + "/some/prefix/"));

            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(direct(source));
        }
    }

    @Test
    void throughAChaosProxyEverySourceListsEachTaskOnce() {
        // The sources run side by side: each is slowed by its own throttling, not by the others.
        ExecutorService sources = Executors.newFixedThreadPool(Sandbox.sourceIds().size());
        try {
            Map<String, Future<Map<Chaos.Kind, Integer>>> runs = new TreeMap<>();
            for (String source : Sandbox.sourceIds()) {
                runs.put(source, sources.submit(() -> throughChaos(source)));
            }
            for (Map.Entry<String, Future<Map<Chaos.Kind, Integer>>> run : runs.entrySet()) {
                assertThat(run.getValue()).as(run.getKey()).succeedsWithin(Duration.ofMinutes(5))
                        .satisfies(chaos -> assertThat(chaos).as("chaos through %s", run.getKey())
                                .containsKeys(Chaos.Kind.THROTTLE, Chaos.Kind.SERVER_ERROR));
            }
        } finally {
            sources.shutdownNow();
        }
    }

    /**
     * Lists a source through a chaos proxy: 30 % of requests throttled with the provider's own reply,
     * 10 % answered 503, 5 % cut, 5 % late by 1.5 s. A request gets at most 3 faults, so that the
     * default policy's 4 attempts reach the provider; throttling is not capped.
     */
    private Map<Chaos.Kind, Integer> throughChaos(String source) {
        Chaos chaos = Chaos.seeded(source.hashCode())
                .throttle(0.30, sandbox.throttledReply(source))
                .serverErrors(0.10, sandbox.serverErrorReply(source, 503))
                .cuts(0.05)
                .delays(0.05, Duration.ofMillis(1_500))
                .faultsPerRequestAtMost(3)
                .build();
        List<String> direct = direct(source);
        try (ReverseProxy proxy = ReverseProxy.withChaos(origin(sandbox, source), chaos)) {
            // A source that lists in one request (CLS) is listed again until the chaos has had its turns.
            int listings = 0;
            while (listings == 0 || proxy.chaosCounts().values().stream().mapToInt(Integer::intValue).sum() < 30) {
                List<String> listed = ids(sandbox, source, URI.create(proxy.uri() + "/"));
                listings++;

                assertThat(listed).as("%s, listing %d through chaos %s", source, listings, proxy.chaosCounts())
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(direct);
            }
            return proxy.chaosCounts();
        }
    }

    private List<String> direct(String source) {
        return ids(sandbox, source, sandbox.endpoints().get(source));
    }

    private static URI origin(Sandbox box, String source) {
        URI api = box.endpoints().get(source);
        return URI.create(api.getScheme() + "://" + api.getRawAuthority());
    }

    private static List<String> ids(Sandbox box, String source, URI endpoint) {
        SourceId id = SourceId.of(source);
        try (TaskLens lens = TaskLens.builder().clock(CLOCK).environment(box.environment()).endpoint(id, endpoint)
                .build()) {
            TaskQuery.Builder query = TaskQuery.forSource(id);
            box.scopes().getOrDefault(source, Map.of()).forEach(query::scope);
            return lens.list(query.build()).stream().map(Task::id).toList();
        }
    }
}
