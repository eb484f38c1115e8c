package dev.galley.cli;

import java.io.PrintWriter;

/**
 * Entry point of the galley command; the only place that calls {@link System#exit}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        out.println("galley 0.1.0-SNAPSHOT");
        return ExitCodes.OK;
    }
}
