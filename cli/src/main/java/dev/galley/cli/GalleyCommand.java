package dev.galley.cli;

import dev.galley.core.GalleyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the galley command tree.
 */
@Command(name = "galley",
        mixinStandardHelpOptions = true,
        versionProvider = GalleyCommand.Version.class,
        description = "Move a Chef-managed estate between datacenters with no downtime, and do the daily Chef work "
                + "around it.",
        subcommands = {LabCommand.class, DemoCommand.class, CdsTrainingCommand.class},
        usageHelpAutoWidth = true)
public final class GalleyCommand {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log what happens, and show stack traces of errors.")
    boolean debug;

    final Console console;

    GalleyCommand(Console console) {
        this.console = console;
    }

    /** galley's version, with the JVM it runs on. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"galley " + GalleyVersion.version() + " (Java " + System.getProperty("java.version")
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"};
        }
    }
}
