package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.lab.LabRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galley lab up|status|down} with the lab's state in the test's own directory. */
class LabCommandIT {

    @Test
    void upStatusDown_startsTheChefServerPrintsCredentials_andStopsItByPid(@TempDir Path home) {
        CliRun up = CliRun.galley(home, "lab", "up", "chef");
        LabRegistry registry = LabRegistry.forUser(Map.of("XDG_STATE_HOME", home.resolve(".local/state").toString()),
                home);
        LabRegistry.Entry chef = registry.find("chef").orElseThrow();
        try {
            assertThat(up.exitCode).as(up.toString()).isZero();
            assertThat(up.out).contains("Chef server (goiardi): " + chef.url())
                    .contains("[galley-lab]").contains("client_name = \"admin\"")
                    .contains("chef_server_url = \"" + chef.url() + "\"");

            CliRun raw = CliRun.galley(home, "-c", registry.directory("chef").resolve("config.rb").toString(),
                    "raw", "/environments");
            assertThat(raw.out).contains("_default");

            CliRun status = CliRun.galley(home, "lab", "status");
            assertThat(status.exitCode).isZero();
            assertThat(status.out).containsPattern("chef\\s+running\\s+" + chef.pid());
        } finally {
            CliRun down = CliRun.galley(home, "lab", "down");
            assertThat(down.out).contains("stopped chef (pid " + chef.pid() + ")");
        }
        assertThat(ProcessHandle.of(chef.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(CliRun.galley(home, "lab", "status").out).contains("nothing of the lab is running");
    }

    @Test
    void up_unknownComponent_isBadInput(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "lab", "up", "mainframe");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("unknown lab component 'mainframe'");
    }
}
