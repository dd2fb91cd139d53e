package dev.tasklens.cli;

import jakarta.json.bind.JsonbBuilder;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tasklens sandbox}: serves the emulators with demo data until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the built-in emulators with demo data on loopback until interrupted.")
final class SandboxCommand implements Callable<Integer> {

    @ParentCommand
    private TasklensCommand root;

    @Option(names = "--json", description = "Print the endpoints and demo credentials as one JSON line.")
    private boolean json;

    @Option(names = "--port", defaultValue = "0",
            description = "First loopback port (one per source, counting up); default: free ports.")
    private int port;

    @Override
    public Integer call() throws InterruptedException {
        Sandbox sandbox = new Sandbox(Clock.systemUTC(), port);
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
            out.println(JsonbBuilder.create().toJson(message));
        } else {
            out.println("tasklens sandbox: emulators with demo data, until interrupted (Ctrl-C)");
            sandbox.endpoints().forEach((source, uri) -> out.println("  " + source + "  " + uri));
            out.println("demo credentials: TENCENTCLOUD_SECRET_ID=" + Sandbox.SECRET_ID
                    + " TENCENTCLOUD_SECRET_KEY=" + Sandbox.SECRET_KEY);
            out.println("try: tasklens list --source tencent.mps --endpoint " + sandbox.endpoints().get("tencent.mps"));
        }
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
