package dev.galley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.knife.Console;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code galley completion bash|zsh}: the script is run in a real bash, which is asked to complete command lines
 * as a user's Tab would, for every command that has subcommands.
 */
class CompletionIT {

    /** The bash function a completion would call, fed one command line; prints the candidates, sorted. */
    private static final String COMPLETE = """
            comp() {
              COMP_LINE="$1"
              read -ra COMP_WORDS <<< "$COMP_LINE"
              if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
              COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
              COMP_POINT=${#COMP_LINE}
              COMPREPLY=()
              _complete_galley galley "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "== $1"
              printf '%s\\n' "${COMPREPLY[@]}" | sort
            }
            """;

    /** Every command that has subcommands, by its path ("config", "ssl"), with their visible names. */
    private static Map<String, List<String>> commandsWithSubcommands(Path home) {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), home, home, false);
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect("", Main.commandLine(console), out);
        return out;
    }

    private static void collect(String path, CommandLine cl, Map<String, List<String>> out) {
        List<String> names = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
                collect((path + " " + name).strip(), sub, out);
            }
        });
        if (!names.isEmpty()) {
            out.put(path, names.stream().sorted().toList());
        }
    }

    private static Map<String, List<String>> complete(Path script, List<String> lines) throws Exception {
        StringBuilder bash = new StringBuilder("source \"$1\"\n").append(COMPLETE);
        for (String line : lines) {
            bash.append("comp '").append(line.replace("'", "'\\''")).append("'\n");
        }
        // compopt complains outside a real Tab press; what it would set (nospace and such) is not under test.
        Path errors = script.resolveSibling("bash.err");
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", bash.toString(), "bash",
                script.toString()).redirectError(errors.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bash finished").isTrue();
        assertThat(p.exitValue()).as(out + Files.readString(errors)).isZero();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        List<String> current = null;
        for (String l : out.split("\n")) {
            if (l.startsWith("== ")) {
                current = new ArrayList<>();
                answers.put(l.substring(3), current);
            } else if (current != null && !l.isEmpty()) {
                current.add(l);
            }
        }
        return answers;
    }

    @Test
    void bashScript_completesEveryCommandsSubcommands_atEveryLevel(@TempDir Path home) throws Exception {
        CliRun run = CliRun.galley(home, "completion", "bash");
        assertThat(run.exitCode).as(run.err).isZero();
        Path script = Files.writeString(home.resolve("galley.bash"), run.out);
        Map<String, List<String>> tree = commandsWithSubcommands(home);
        assertThat(tree).containsKeys("", "config", "ssl", "lab");

        List<String> lines = new ArrayList<>();
        tree.keySet().forEach(path -> lines.add(("galley " + path).strip() + " "));
        Map<String, List<String>> answers = complete(script, lines);

        tree.forEach((path, subcommands) -> assertThat(answers.get(("galley " + path).strip() + " "))
                .as("completions of 'galley %s'", path).containsAll(subcommands));
        assertThat(answers.get("galley ")).contains("upload", "download", "diff", "ssl", "config", "completion");
        assertThat(answers.get("galley config ")).containsExactly("get", "list-profiles", "show", "use-profile");
    }

    @Test
    void bashScript_completesPrefixesAndOptions(@TempDir Path home) throws Exception {
        Path script = Files.writeString(home.resolve("galley.bash"), CliRun.galley(home, "completion", "bash").out);

        Map<String, List<String>> answers = complete(script, List.of("galley ssl f", "galley upload --pu",
                "galley diff --name-", "galley con"));

        assertThat(answers.get("galley ssl f")).containsExactly("fetch");
        assertThat(answers.get("galley upload --pu")).containsExactly("--purge");
        assertThat(answers.get("galley diff --name-")).containsExactly("--name-only", "--name-status");
        assertThat(answers.get("galley con")).containsExactly("config");
    }

    @Test
    void zshScript_isTheSameScript_thatLoadsBashCompletionUnderZsh(@TempDir Path home) {
        CliRun zsh = CliRun.galley(home, "completion", "zsh");
        CliRun bash = CliRun.galley(home, "completion", "bash");

        assertThat(zsh.exitCode).isZero();
        assertThat(zsh.out).isEqualTo(bash.out).contains("bashcompinit").contains("complete -F _complete_galley");
    }

    @Test
    void unknownShell_isOneLineAndExit2(@TempDir Path home) {
        CliRun run = CliRun.galley(home, "completion", "fish");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).isEqualTo("galley: no completion for shell 'fish': use bash or zsh");
    }
}
