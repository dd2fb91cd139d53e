package dev.tasklens.cli;

import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.tencent.ClsApi;
import dev.tasklens.emulators.tencent.MpsApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in sandbox: the testkit's emulators of every source on loopback, serving demo data
 * (a few hundred tasks in every status) to demo credentials, so the whole path (signing, HTTP,
 * paging, mapping) runs with no account. Neither Tencent API documents empty pages before the
 * end, so the sandbox serves none; the KooDrive emulator will.
 */
final class Sandbox implements AutoCloseable {

    static final String SECRET_ID = "AKIDSANDBOXDEMO00000";
    static final String SECRET_KEY = "sandbox-demo-secret-not-a-real-key";
    static final String SHIPPER = "sandbox-shipper";

    private final Map<String, Emulator> emulators = new LinkedHashMap<>();

    Sandbox(Clock clock) {
        this(clock, 0);
    }

    /** A sandbox whose emulators listen on {@code port} and the ports after it (0: free ports). */
    Sandbox(Clock clock, int port) {
        List<EmulatedTask> mpsTasks = SeededTasks.generate(2026, 240, clock.instant(), Duration.ofDays(6));
        List<EmulatedTask> clsTasks = SeededTasks.generate(614, 120, clock.instant(), Duration.ofDays(2));
        Map<String, String> keys = Map.of(SECRET_ID, SECRET_KEY);
        emulators.put("tencent.mps", Emulator.start(new MpsApi(mpsTasks, keys, clock), FaultPlan.none(), port));
        emulators.put("tencent.cls", Emulator.start(new ClsApi(clsTasks, keys, clock), FaultPlan.none(),
                port == 0 ? 0 : port + 1));
    }

    /** Where each source's emulator listens. */
    Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        emulators.forEach((source, emulator) -> endpoints.put(source, URI.create(emulator.baseUri() + "/")));
        return endpoints;
    }

    /** The demo credentials as the adapters read them from the environment. */
    Map<String, String> environment() {
        return Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID, "TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
    }

    /** The demo credentials by provider. */
    Map<String, Map<String, String>> credentials() {
        return Map.of("tencent", Map.of("id", SECRET_ID, "secret", SECRET_KEY));
    }

    @Override
    public void close() {
        emulators.values().forEach(Emulator::close);
    }
}
