package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.lab.GoiardiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** What the knife command ITs share: galley run against the class's goiardi from a home of the test's own. */
abstract class KnifeCliTest {
    @TempDir
    Path home;

    /** {@code galley -c CONFIG args...} with no input. */
    CliRun galley(GoiardiServer server, String... args) {
        return answering(server, "", args);
    }

    /** {@code galley -c CONFIG args...} with {@code stdin} to answer prompts. */
    CliRun answering(GoiardiServer server, String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = server.writeKnifeConfig().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.galley(home, Map.of(), stdin, all);
    }

    /** Writes a file under the home (also the working directory). */
    Path file(String name, String content) throws Exception {
        Path p = home.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    /** Bad input: one line on stderr naming the problem, exit code 2, nothing on stdout. */
    static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).as(run.toString()).isEmpty();
        assertThat(run.err).as(run.toString()).startsWith("galley: ").endsWith("\n");
        assertThat(run.err.strip()).doesNotContain("\n").contains(fragments);
    }
}
