package dev.tasklens.cli;

import dev.tasklens.emulators.sandbox.Sandbox;
import jakarta.json.bind.JsonbBuilder;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tasklens sandbox}: serves the emulators with demo data until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the built-in emulators with demo data on loopback until interrupted.",
            "They check signatures, page and fail as the providers document; list from them with the printed"
                    + " command, or with --json for a program to read."},
        footer = {"", "A session, in two terminals:",
            "  ./tasklens sandbox --tasks 1000000 --latency 20ms --only tencent.mps --port 8400",
            "  TENCENTCLOUD_SECRET_ID=" + Sandbox.TENCENT_SECRET_ID + " TENCENTCLOUD_SECRET_KEY="
                    + Sandbox.TENCENT_SECRET_KEY + " \\",
            "    ./tasklens list --source tencent.mps --endpoint http://127.0.0.1:8400/ --page-size 100 --output json",
            "", "A sandbox that misbehaves, replayably:",
            "  ./tasklens sandbox --faults throttle=0.3,error=0.1,drop=0.05,slow=0.05 --seed 7",
            "", "Fault names: throttle (the provider's own throttling reply), error (HTTP 503), drop (no reply),",
            "slow (2 s more), truncate, malformed, empty (an empty page where the API allows one), repeat."})
final class SandboxCommand implements Callable<Integer> {

    @ParentCommand
    private TasklensCommand root;

    @Option(names = "--json", description = "Print endpoints, credentials, scopes and environment as one JSON line.")
    private boolean json;

    @Option(names = "--port", defaultValue = "0",
            description = "First loopback port (one per source, counting up in the order of 'tasklens sources');"
                    + " default: free ports.")
    private int port;

    @Option(names = "--tasks", description = "Tasks per source (default: a few hundred; CLS holds at most "
            + Sandbox.CLS_MAX_TASKS + ", as it answers a window in one reply).")
    private Integer tasks;

    @Option(names = "--latency", defaultValue = "0ms", description = "Added to every reply: 50ms, 1s.")
    private String latency;

    @Option(names = "--faults", defaultValue = "",
            description = "Faults per request, NAME=PROBABILITY,...: throttle=0.3,error=0.1,drop=0.05,slow=0.05.")
    private String faults;

    @Option(names = "--seed", defaultValue = "0", description = "The seed that replays --faults.")
    private long seed;

    @Option(names = "--only", split = ",",
            description = "Serve only these sources: tencent.mps,tencent.cls,baidu.vod.")
    private List<String> only = List.of();

    @Option(names = "--churn", defaultValue = "0", description = "About this many task changes a second across the"
            + " sources (new tasks; open ones move on, some to failure), for 'tasklens watch'.")
    private int churn;

    @Option(names = "--churn-for", description = "Stop the churn after this span: 30s (default: never).")
    private String churnFor;

    @Option(names = "--journal", description = "Append one JSON line per change made: {source, id, status, at}.")
    private java.nio.file.Path journal;

    @Override
    public Integer call() throws InterruptedException {
        Sandbox.Builder builder = Sandbox.builder().port(port).latency(Durations.orZero(latency, "--latency"))
                .faults(faults, seed).only(new LinkedHashSet<>(only)).churn(churn);
        if (tasks != null) {
            builder.tasks(tasks);
        }
        if ((churnFor != null || journal != null) && churn == 0) {
            throw new IllegalArgumentException("--churn-for and --journal go with --churn N");
        }
        Optional.ofNullable(churnFor).map(text -> Durations.parse(text, "--churn-for")).ifPresent(builder::churnFor);
        Optional.ofNullable(journal).ifPresent(builder::journal);
        Sandbox sandbox;
        try {
            sandbox = builder.start();
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        PrintWriter out = root.out;
        if (json) {
            Map<String, Object> message = new LinkedHashMap<>();
            Map<String, String> endpoints = new LinkedHashMap<>();
            sandbox.endpoints().forEach((source, uri) -> endpoints.put(source, uri.toString()));
            message.put("endpoints", endpoints);
            message.put("credentials", sandbox.credentials());
            message.put("scopes", sandbox.scopes());
            message.put("env", sandbox.environment());
            message.put("tasks", sandbox.taskCounts());
            // For tests of the credentials chains: the emulated metadata services and STS, the
            // variables that point the chains at them, and the TKE pod's token (to write to a file
            // that TKE_WEB_IDENTITY_TOKEN_FILE names).
            Map<String, String> services = new LinkedHashMap<>();
            sandbox.credentialServices().forEach((name, uri) -> services.put(name, uri.toString()));
            message.put("credentialServices", services);
            message.put("credentialServiceEnv", sandbox.credentialServiceEnvironment());
            message.put("tkeWebIdentityToken", Sandbox.TKE_WEB_IDENTITY_TOKEN);
            out.println(JsonbBuilder.create().toJson(message));
        } else {
            out.println("tasklens sandbox: emulators with demo data, until interrupted (Ctrl-C)");
            sandbox.endpoints().forEach((source, uri) -> out.println("  " + source + "  " + uri + "  ("
                    + sandbox.taskCounts().get(source) + " tasks)"));
            String environment = sandbox.environment().entrySet().stream()
                    .map(variable -> variable.getKey() + "=" + variable.getValue()).collect(Collectors.joining(" "));
            out.println("demo credentials: " + environment);
            out.println("try:");
            sandbox.endpoints().forEach((source, uri) -> out.println("  " + environment + " ./tasklens list"
                    + listArguments(source, uri, sandbox.scopes().get(source))
                    // A table is laid out once every row is in: stream a large listing instead.
                    + (sandbox.taskCounts().get(source) > 1_000 ? " --output json" : "")));
        }
        out.flush();
        stopped.await();
        return Main.OK;
    }

    /** The arguments of a {@code list} that reads every task of one source from the sandbox. */
    private static String listArguments(String source, URI endpoint, Map<String, String> scope) {
        StringBuilder arguments = new StringBuilder(" --source ").append(source).append(" --endpoint ")
                .append(endpoint);
        scope.forEach((name, value) -> arguments.append(" --scope ").append(name).append('=').append(value));
        // Paged sources take up to 100 a page; CLS answers its window in one reply.
        return arguments.append(source.equals("tencent.cls") ? "" : " --page-size 100").toString();
    }
}
