package dev.tasklens.cli;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.TaskLensException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The {@code tasklens} command. Exit codes: 0 success; 2 bad input or a local problem (a wrong
 * option, an invalid query, a file that cannot be read, a busy port, a refused plain-http
 * endpoint); 3 authentication refused; 4 the provider or the network failed. Every error is one
 * line on stderr; a stack trace only with {@code --debug}.
 */
public final class Main {

    /** Success. */
    public static final int OK = 0;
    /** The command line or the query was wrong. */
    public static final int USAGE = 2;
    /** The provider refused the credentials. */
    public static final int AUTHENTICATION = 3;
    /** The provider or the network failed. */
    public static final int PROVIDER = 4;

    private Main() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.getenv()));
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors and progress go
     * @param environment the environment variables (credentials come from here, never from flags)
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        if (args.length > 1 && Arrays.stream(args).anyMatch(arg -> arg.equals("--version") || arg.equals("-V"))) {
            // picocli prints the version and ignores the rest, which hides a mistyped option.
            err.println("tasklens: --version takes no other option or argument; got " + TerminalText.safe(
                    String.join(" ", args)));
            err.println("Run 'tasklens --help' for the options.");
            err.flush();
            return USAGE;
        }
        TasklensCommand root = new TasklensCommand(out, err, environment);
        CommandLine command = commandLine(root, args);
        // '@FILE' is a request body for 'sign -d', never picocli's own argument file.
        command.setExpandAtFiles(false);
        command.setOut(out);
        command.setErr(err);
        command.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            if (root.debug) {
                error.printStackTrace(err);
            }
            // Provider messages are someone else's text: never let them drive the terminal.
            err.println("tasklens: " + TerminalText.safe(String.valueOf(error.getMessage())));
            err.flush();
            return exitCode(error);
        });
        command.setParameterExceptionHandler((error, args2) -> {
            err.println("tasklens: " + error.getMessage());
            err.println("Run 'tasklens " + (error.getCommandLine().getCommandName().equals("tasklens") ? ""
                    : error.getCommandLine().getCommandName() + " ") + "--help' for the options.");
            err.flush();
            return USAGE;
        });
        int code = command.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line for these arguments. Only the subcommand they name is modelled (all of them
     * when they name none, for the usage and picocli's "did you mean"): picocli reflects over every
     * option of every subcommand it is given, and its classes, compiled for Java 5, cannot be mapped
     * from a class-data archive and are verified anew on every start.
     */
    static CommandLine commandLine(TasklensCommand root, String[] args) {
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("list", ListCommand::new);
        subcommands.put("watch", WatchCommand::new);
        subcommands.put("summary", SummaryCommand::new);
        subcommands.put("sources", SourcesCommand::new);
        subcommands.put("sign", SignCommand::new);
        subcommands.put("sandbox", SandboxCommand::new);
        Optional<String> named = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst()
                .filter(subcommands::containsKey);
        CommandLine command = new CommandLine(root);
        subcommands.forEach((name, subcommand) -> {
            if (named.isEmpty() || named.get().equals(name)) {
                command.addSubcommand(name, subcommand.get());
            }
        });
        return command;
    }

    static int exitCode(Throwable error) {
        if (error instanceof InvalidQueryException || error instanceof IllegalArgumentException
                || error instanceof java.io.UncheckedIOException || error instanceof java.time.DateTimeException
                || error instanceof ArithmeticException
                || error instanceof dev.tasklens.ports.credentials.CredentialsFileException) {
            return USAGE;
        }
        if (error instanceof AuthenticationException) {
            return AUTHENTICATION;
        }
        if (error instanceof TaskLensException) {
            return PROVIDER;
        }
        return PROVIDER;
    }
}
