package dev.galley.cli;

import dev.galley.knife.Console;
import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Entry point of the galley command; the only place that calls {@link System#exit}. Maps every failure to one
 * line on stderr and an exit code (0 ok, 1 internal error, 2 bad input, 3 failed/NO-GO, 4 incomplete); stack
 * traces only with {@code --debug}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(Console.system(out, err), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the process's streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Console.system(out, err), args);
    }

    /** Runs one command line in the given console; tests call this. */
    public static int run(Console console, String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        if (debug) {
            Logging.debug();
        }
        CommandLine cl = commandLine(console, args);
        cl.setExecutionExceptionHandler((e, line, parsed) -> report(console.err(), e, debug));
        cl.setParameterExceptionHandler((e, a) -> {
            console.err().println("galley: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec()
                    .qualifiedName() + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        int code;
        try {
            code = cl.execute(args);
        } finally {
            ((GalleyCommand) cl.getCommand()).close();
        }
        console.out().flush();
        console.err().flush();
        return code;
    }

    /** The command tree for one command line (only the parts it can reach; see {@link CommandTree}). */
    static CommandLine commandLine(Console console, String... args) {
        CommandFactory factory = new CommandFactory(console);
        CommandLine cl = new CommandLine(new GalleyCommand(console), factory);
        CommandTree.mount(cl, factory, args);
        cl.setOut(console.out());
        cl.setErr(console.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** One line for the user; the whole story only with --debug. */
    static int report(PrintWriter err, Exception e, boolean debug) {
        if (e instanceof GalleyException g) {
            err.println("galley: " + g.getMessage());
            if (debug) {
                err.println(stackTrace(e));
            }
            return ExitCodes.of(g.fault());
        }
        if (e instanceof InterruptedException || e.getCause() instanceof InterruptedException) {
            err.println("galley: interrupted");
            return ExitCodes.INCOMPLETE;
        }
        err.println("galley: internal error: " + e + (debug ? "" : " (run again with --debug for details, and "
                + "please report it)"));
        if (debug) {
            err.println(stackTrace(e));
        }
        return ExitCodes.of(Fault.INTERNAL);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
