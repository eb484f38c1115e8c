package dev.galley.cli;

import dev.galley.knife.Console;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the galley command in-process the way a user would, in a home and working directory of the test's own,
 * and keeps what it printed and returned.
 */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun galley(Path home, Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOME", home.toString());
        e.putIfAbsent("USER", "tester");
        e.putIfAbsent("XDG_STATE_HOME", home.resolve(".local/state").toString());
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), e, home, home, false);
        int code = Main.run(console, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun galley(Path home, String... args) {
        return galley(home, Map.of(), "", args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
