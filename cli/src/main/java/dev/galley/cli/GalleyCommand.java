package dev.galley.cli;

import dev.galley.knife.Console;
import dev.galley.core.GalleyVersion;
import dev.galley.knife.KnifeOptions;
import dev.galley.knife.KnifeSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the galley command tree.
 */
@Command(name = "galley",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // so that every subcommand has --help (and --version)
        versionProvider = GalleyCommand.Version.class,
        description = "Move a Chef-managed estate between datacenters with no downtime, and do the daily Chef work "
                + "around it.",
        usageHelpAutoWidth = true)
public final class GalleyCommand implements KnifeSession.Host, AutoCloseable {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log what happens, and show stack traces of errors.")
    boolean debug;

    @Mixin
    KnifeOptions knife = new KnifeOptions();

    final Console console;
    private KnifeSession session;

    GalleyCommand(Console console) {
        this.console = console;
    }

    @Override
    public KnifeSession knifeSession() {
        if (session == null) {
            session = new KnifeSession(console, knife);
        }
        return session;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
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
