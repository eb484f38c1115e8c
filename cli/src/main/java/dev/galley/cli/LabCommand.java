package dev.galley.cli;

import dev.galley.knife.Console;
import dev.galley.core.GalleyException;
import dev.galley.lab.GoiardiServer;
import dev.galley.lab.LabProcess;
import dev.galley.lab.LabRegistry;
import dev.galley.lab.LoopbackPorts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code galley lab up|down|status}: real servers on loopback for trying Galley out and for the demo, left
 * running between commands and stopped by PID.
 */
@Command(name = "lab", description = "Start, stop and list the local lab's servers (loopback only).",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class})
final class LabCommand {
    /** The components the lab can start, in start order. */
    static final List<String> COMPONENTS = List.of("chef");

    static LabRegistry registry(Console console) {
        return LabRegistry.forUser(console.env(), console.home());
    }

    static List<String> components(List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            return COMPONENTS;
        }
        for (String c : asked) {
            if (!COMPONENTS.contains(c)) {
                throw GalleyException.badInput("unknown lab component '" + c + "': the lab has " + COMPONENTS);
            }
        }
        return asked;
    }

    @Command(name = "up", description = "Start lab components (default: all) and print how to use them.")
    static final class Up implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "COMPONENT", description = "chef")
        List<String> components;

        private final Console console;

        Up(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            LabRegistry registry = registry(console);
            for (String c : components(components)) {
                LabRegistry.Entry e = startChef(console, registry);
                printChef(console.out(), e, registry);
            }
            return ExitCodes.OK;
        }
    }

    /** Starts the lab's Chef server unless it already runs; returns its registry entry. */
    static LabRegistry.Entry startChef(Console console, LabRegistry registry) {
        Optional<LabRegistry.Entry> known = registry.find("chef");
        if (known.isPresent() && registry.process(known.get()).isPresent() && LoopbackPorts.listening(known.get().port())) {
            return known.get();
        }
        console.err().println("galley: starting the lab's Chef server (goiardi) ...");
        console.err().flush();
        GoiardiServer server = GoiardiServer.start(GoiardiServer.Options.defaults().in(registry.directory("chef")));
        server.writeKnifeConfig();
        LabRegistry.Entry entry = server.registryEntry("chef");
        registry.save(entry); // the server outlives this command: galley lab down stops it by PID
        return entry;
    }

    static void printChef(PrintWriter out, LabRegistry.Entry e, LabRegistry registry) {
        var dir = registry.directory("chef");
        out.println("Chef server (goiardi): " + e.url() + "  (pid " + e.pid() + ")");
        out.println("  files: " + dir);
        out.println("  try:   galley -c " + dir.resolve("config.rb") + " raw /nodes");
        out.println("         (knife -c works with the same file)");
        out.println();
        out.println("Or add this profile to ~/.chef/credentials and use --profile galley-lab:");
        out.println();
        out.println("[galley-lab]");
        out.println("client_name = \"" + GoiardiServer.ADMIN + "\"");
        out.println("client_key = \"" + dir.resolve("admin.pem") + "\"");
        out.println("chef_server_url = \"" + e.url() + "\"");
    }

    @Command(name = "down", description = "Stop lab components (default: all), by PID.")
    static final class Down implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "COMPONENT")
        List<String> components;

        private final Console console;

        Down(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            LabRegistry registry = registry(console);
            List<String> stopped = new ArrayList<>();
            for (LabRegistry.Entry e : registry.list()) {
                if (components != null && !components.isEmpty() && !components.contains(e.component())) {
                    continue;
                }
                Optional<LabProcess> p = registry.process(e);
                if (p.isPresent()) {
                    p.get().stop(Duration.ofSeconds(10));
                    console.out().println("stopped " + e.component() + " (pid " + e.pid() + ")");
                } else {
                    console.out().println(e.component() + " was not running (pid " + e.pid() + " is gone)");
                }
                registry.remove(e.component());
                stopped.add(e.component());
            }
            if (stopped.isEmpty()) {
                console.out().println("nothing of the lab is running");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "List lab components and whether they run.")
    static final class Status implements Callable<Integer> {
        private final Console console;

        Status(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            LabRegistry registry = registry(console);
            List<LabRegistry.Entry> entries = registry.list();
            if (entries.isEmpty()) {
                console.out().println("nothing of the lab is running (start it with: galley lab up)");
                return ExitCodes.OK;
            }
            console.out().printf("%-12s %-8s %-8s %s%n", "COMPONENT", "STATE", "PID", "URL");
            boolean allUp = true;
            for (LabRegistry.Entry e : entries) {
                boolean up = registry.process(e).isPresent() && LoopbackPorts.listening(e.port());
                allUp &= up;
                console.out().printf("%-12s %-8s %-8d %s%n", e.component(), up ? "running" : "dead", e.pid(), e.url());
            }
            return allUp ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
