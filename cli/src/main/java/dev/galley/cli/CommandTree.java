package dev.galley.cli;

import dev.galley.knife.KnifeCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Mounts subcommands on the root lazily: picocli builds a command's model by reflection, so a command line gets
 * only the top-level command it names; help, {@code galley completion} and unknown names get all of them.
 */
final class CommandTree {
    /** The suite's own top-level commands, after knife-bridge's. */
    static final List<Class<?>> SUITE = List.of(LabCommand.class, DemoCommand.class, CompletionCommand.class,
            CdsTrainingCommand.class);

    /** Commands that need the whole tree: completion scripts describe every command. */
    private static final Set<String> NEED_ALL = Set.of("completion");

    /** Root options that take a value, so that the value is not mistaken for the command name. */
    private static final Set<String> VALUE_OPTIONS = Set.of("-s", "--server-url", "-u", "--user", "-k", "--key",
            "-c", "--config", "--profile", "-E", "--environment", "-F", "--format", "--signing");

    private CommandTree() {
    }

    /** Every top-level command class by name, in help order. */
    static Map<String, Class<?>> all() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        List<Class<?>> classes = new ArrayList<>(KnifeCommands.TOP_LEVEL);
        classes.addAll(SUITE);
        for (Class<?> c : classes) {
            out.put(c.getAnnotation(Command.class).name(), c);
        }
        return out;
    }

    /** Adds to {@code root} the subcommands {@code args} can reach. */
    static void mount(CommandLine root, CommandLine.IFactory factory, String[] args) {
        Map<String, Class<?>> all = all();
        String named = commandName(args);
        if (named != null && all.containsKey(named) && !NEED_ALL.contains(named)) {
            root.addSubcommand(named, new CommandLine(all.get(named), factory));
            return;
        }
        all.forEach((name, cls) -> root.addSubcommand(name, new CommandLine(cls, factory)));
    }

    /** The first word of the command line that is not an option or an option's value; null if none. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (a.startsWith("-")) {
                if (VALUE_OPTIONS.contains(a)) {
                    i++;
                }
                continue;
            }
            return a;
        }
        return null;
    }
}
