package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.knife.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTreeTest {

    @Test
    void commandName_skipsGlobalOptionsAndTheirValues() {
        assertThat(CommandTree.commandName(new String[] {"-c", "x.rb", "--profile", "prod", "-Fj", "raw", "/nodes"}))
                .isEqualTo("raw");
        assertThat(CommandTree.commandName(new String[] {"--debug", "lab", "up"})).isEqualTo("lab");
        assertThat(CommandTree.commandName(new String[] {"--version"})).isNull();
    }

    @Test
    void everyTopLevelCommandHasAUniqueName() {
        assertThat(CommandTree.all()).containsKeys("raw", "config", "lab", "demo");
    }

    @Test
    void completion_mountsEveryCommand_soItsScriptKnowsThemAll(@TempDir Path home) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                InputStream.nullInputStream(), Map.of(), home, home, false);

        assertThat(Main.commandLine(console, "completion", "bash").getSubcommands().keySet())
                .containsAll(CommandTree.all().keySet());
        assertThat(Main.commandLine(console, "upload", "/").getSubcommands().keySet()).containsExactly("upload");
    }

    @Test
    void help_listsEveryCommand_andAnUnknownOneIsStillReported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        CliRun help = CliRun.galley(home, "--help");

        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("raw").contains("config").contains("lab").contains("demo")
                .doesNotContain("__cds-training");
    }
}
