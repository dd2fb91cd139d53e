package dev.tasklens.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The run the launcher records an application class-data archive from
 * ({@code -XX:ArchiveClassesAtExit}): every command a user starts most often, once, against the
 * sandbox and with example keys, its output discarded. A later start maps the classes these loaded
 * from the archive instead of reading and verifying them from the jars again.
 */
final class ClassDataTraining {

    /** An example key pair, as the providers' documents show them; it signs nothing real. */
    private static final Map<String, String> EXAMPLE_KEYS = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE",
            "TENCENTCLOUD_SECRET_KEY", "example-secret-key");

    private ClassDataTraining() {
    }

    /**
     * Runs the commands.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Main.run(new String[] {"sign", "--scheme", "tc3", "POST", "https://mps.tencentcloudapi.com/", "-H",
                "Content-Type: application/json", "-d", "{}"},
                nowhere, nowhere, EXAMPLE_KEYS);
        Main.run(new String[] {"sources"}, nowhere, nowhere, Map.of());
        for (String output : new String[] {"table", "json", "csv"}) {
            Main.run(new String[] {"list", "--sandbox", "--source", "all", "--output", output}, nowhere, nowhere,
                    Map.of());
        }
        Main.run(new String[] {"list", "--sandbox", "--source", "tencent.mps", "--limit", "1"}, nowhere, nowhere,
                Map.of());
    }
}
