package dev.galley.knife;

import dev.galley.chef.CookbookVersion;
import dev.galley.core.GalleyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley cookbook download COOKBOOK [VERSION] [-d DIR] [-f] [-N]}: one version's files into
 * DIR/COOKBOOK-VERSION, each checked against its checksum, as {@code knife cookbook download}.
 */
@Command(name = "download", description = "Download a cookbook version into DIR/COOKBOOK-VERSION. Without VERSION: "
        + "the only version, the latest with -N, else Galley asks which.")
public final class CookbookDownloadCommand extends KnifeCommand {
    @Parameters(index = "0", paramLabel = "COOKBOOK")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", arity = "0..1", description = "A version, or 'latest'.")
    String version;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", description = "Where to download to (default: here).")
    Path dir;

    @Option(names = {"-f", "--force"}, description = "Replace DIR/COOKBOOK-VERSION if it exists.")
    boolean force;

    @Option(names = {"-N", "--latest"}, description = "Without VERSION, download the latest version.")
    boolean latest;

    @Override
    protected int run(KnifeSession session) {
        String wanted = version == null ? chooseVersion(session) : version.equals("latest") ? "_latest" : version;
        CookbookVersion cookbook = session.chef().cookbooks().get(name, wanted);
        Path target = session.console().cwd().resolve(dir == null ? Path.of(".") : dir).normalize();
        Path basedir = target.resolve(name + "-" + cookbook.version());
        if (Files.exists(basedir)) {
            if (!force) {
                throw GalleyException.badInput("directory " + basedir + " exists: use --force to overwrite it");
            }
            CookbookShowCommand.deleteTree(basedir);
        }
        session.info("Downloading " + name + " cookbook version " + cookbook.version());
        Path written = session.chef().cookbooks().download(name, cookbook.version(), target, false);
        session.info("Cookbook downloaded to " + written);
        return 0;
    }

    private String chooseVersion(KnifeSession session) {
        List<String> newestFirst = CookbookCommand.versions(session, name);
        if (newestFirst.size() == 1 || latest) {
            return newestFirst.get(0);
        }
        List<String> ascending = new ArrayList<>(newestFirst).reversed();
        StringBuilder q = new StringBuilder("Which version do you want to download?\n");
        for (int i = 0; i < ascending.size(); i++) {
            q.append(i + 1).append(". ").append(name).append(' ').append(ascending.get(i)).append('\n');
        }
        String answer = Prompts.ask(session, q.toString(), "cookbook " + name + " has " + ascending.size()
                + " versions: give VERSION, or -N for the latest");
        try {
            int n = Integer.parseInt(answer);
            if (n >= 1 && n <= ascending.size()) {
                return ascending.get(n - 1);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw GalleyException.badInput("'" + answer + "' is not a valid value: give one of the numbers offered");
    }
}
