package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} works on every command, as the usage errors tell users to try. */
class SubcommandHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"data bag show", "data bag from file", "client key regenerate", "cookbook upload",
        "cookbook show", "search", "status", "user list"})
    void help_isShownOnEachCommand(String command, @TempDir Path home) {
        String[] args = (command + " --help").split(" ");

        CliRun run = CliRun.galley(home, args);

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("Usage: galley " + command);
    }

    @Test
    void cookbookShow_keepsKnifesDashV_forThePlatformVersion(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "cookbook", "show", "--help");

        assertThat(run.out).contains("-V, --platform-version=VERSION");
    }

    @Test
    void aUsageError_pointsAtHelpThatExists(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "data", "bag", "show");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("see 'galley data bag show --help'");
        assertThat(CliRun.galley(home, "--version").out).startsWith("galley ");
    }
}
