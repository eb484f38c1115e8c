package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void help_listsEveryCommand_andAnUnknownOneIsStillReported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        CliRun help = CliRun.galley(home, "--help");

        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("raw").contains("config").contains("lab").contains("demo")
                .doesNotContain("__cds-training");
    }
}
