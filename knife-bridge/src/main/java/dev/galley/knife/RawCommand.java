package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.RawResponse;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley raw}: a signed request to any path of the Chef server, as {@code knife raw}.
 */
@Command(name = "raw", description = "Send a signed request to the Chef server and print the answer (knife raw).")
public final class RawCommand extends KnifeCommand {
    @Option(names = {"-m", "--method"}, defaultValue = "GET", paramLabel = "METHOD",
            description = "GET (default), PUT, POST, DELETE or HEAD.")
    String method;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "File with the JSON body to send.")
    Path input;

    @Option(names = "--pretty", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pretty-print JSON answers (default).")
    boolean pretty;

    @Parameters(paramLabel = "PATH", description = "Path relative to chef_server_url (/nodes), or a URL on it.")
    String path;

    @Override
    protected int run(KnifeSession session) throws IOException {
        byte[] body = new byte[0];
        if (input != null) {
            Path file = session.console().cwd().resolve(input);
            try {
                body = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw GalleyException.badInput("input file " + file + " does not exist");
            }
            try {
                dev.galley.chef.internal.Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw GalleyException.badInput("input file " + file + " is not JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        RawResponse response = session.chef().raw().request(method.toUpperCase(Locale.ROOT), path, body);
        if (response.body().length == 0) {
            session.info("(the server answered " + response.status() + " with an empty body)");
            return 0;
        }
        JsonNode json;
        try {
            json = response.json();
        } catch (RuntimeException notJson) {
            session.console().out().println(response.text());
            return 0;
        }
        if (session.options().format() == OutputFormat.JSON || session.options().format() == OutputFormat.YAML) {
            session.output().print(json);
        } else {
            session.console().out().println(pretty ? Output.json(json) : json.toString());
        }
        return 0;
    }
}
