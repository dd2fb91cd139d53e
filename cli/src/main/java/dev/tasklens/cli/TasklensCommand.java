package dev.tasklens.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command: its subcommands ({@link Main#commandLine}) do the work.
 */
@Command(name = "tasklens", mixinStandardHelpOptions = true, version = "tasklens 0.1.0",
        description = "Lists background tasks of Tencent Cloud, Huawei Cloud and Baidu AI Cloud behind one model.")
final class TasklensCommand implements Runnable {

    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> environment;

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    TasklensCommand(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    @Override
    public void run() {
        Main.commandLine(this, new String[0]).usage(out);
    }
}
