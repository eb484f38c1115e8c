package dev.galley.cli;

import dev.galley.knife.Console;
import dev.galley.chef.ChefKey;
import dev.galley.chef.Node;
import dev.galley.chef.RequestSigner;
import dev.galley.chef.RunList;
import dev.galley.chef.SigningVersion;
import dev.galley.chef.internal.Json;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A hidden command the launcher runs once per build to record an AppCDS archive: it touches the classes a typical
 * command loads (command tree, JSON, keys, signing, SSH) without any network access.
 */
@Command(name = "__cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
    private final Console console;

    CdsTrainingCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine tree = Main.commandLine(console); // every command: record all their classes
        tree.getUsageMessage();
        ChefKey key = ChefKey.generate(2048);
        for (SigningVersion v : SigningVersion.values()) {
            new RequestSigner("training", key, v, Clock.systemUTC()).sign("GET", "/nodes", new byte[0], 1);
        }
        Node node = Node.named("training").withRunList(RunList.of("recipe[a]", "role[b]"))
                .withNormal(Map.of("a", Map.of("b", 1)));
        byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        Json.MAPPER.readValue(json, Node.class);
        Json.MAPPER.readTree(json);
        SshTraining.run();
        return ExitCodes.OK;
    }
}
