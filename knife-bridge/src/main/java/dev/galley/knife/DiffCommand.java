package dev.galley.knife;

import dev.galley.core.GalleyException;
import dev.galley.knife.internal.repo.LocalRepo;
import dev.galley.knife.internal.repo.RepoDiff;
import dev.galley.knife.internal.repo.RepoLocation;
import dev.galley.knife.internal.repo.RepoPattern;
import dev.galley.knife.internal.repo.ServerRepo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley diff [PATTERN...]}: what differs between the Chef server and the chef repository, as
 * {@code knife diff}.
 */
@Command(name = "diff", sortOptions = false,
        description = {"Show what differs between the Chef server and the chef repository (knife diff).",
            "The server is the old side and the repository the new one: A is only in the repository (an upload "
                    + "would create it), D only on the server. Objects are compared after knife's normalization, "
                    + "cookbooks file by file by checksum. Exits 0 whether or not they differ, as knife does; "
                    + "--exit-code exits 3 when they differ.",
            "Unlike knife: without a pattern the whole repository is compared even from outside it; a kind of "
                    + "object the repository has no directory for is not reported; diffs carry no timestamps."})
public final class DiffCommand extends KnifeCommand {
    @Mixin
    RepoOptions repo;

    @Option(names = "--name-only", description = "Only show the names of what differs.")
    boolean nameOnly;

    @Option(names = "--name-status", description = "Only show names and statuses: A(dded), D(eleted), M(odified), "
            + "T(ype changed).")
    boolean nameStatus;

    @Option(names = "--diff-filter", paramLabel = "[(A|D|M|T)...[*]]",
            description = "Only what is Added, Deleted, Modified or has its Type changed; with *, everything if "
                    + "anything matches.")
    String diffFilter;

    @Option(names = "--exit-code", description = "Exit 3 when something differs (0 when nothing does).")
    boolean exitCode;

    @Parameters(arity = "0..*", paramLabel = "PATTERN", description = "What to compare (default: the working "
            + "directory inside the repository, else all of it).")
    List<String> patterns;

    @Override
    protected int run(KnifeSession session) {
        RepoLocation location = repo.existingLocation(session);
        List<RepoPattern> selected = patterns == null || patterns.isEmpty()
                ? List.of(RepoPattern.of(location.basePath().orElse("/")))
                : RepoOptions.patterns(location, patterns);
        String filter = diffFilter == null ? null : diffFilter.toUpperCase(Locale.ROOT);
        if (filter != null && !filter.matches("[ADMT*]*")) {
            throw GalleyException.badInput("--diff-filter takes the letters A, D, M and T (and *), not '"
                    + diffFilter + "'");
        }
        ServerRepo server = new ServerRepo(session.chef());
        try {
            RepoDiff diff = new RepoDiff(server, new LocalRepo(location.root(), session::chef), repo.concurrency(),
                    location::display);
            List<RepoDiff.Difference> found = diff.differences(selected);
            List<RepoDiff.Difference> shown = filter(found, filter);
            PrintWriter out = session.console().out();
            for (RepoDiff.Difference d : shown) {
                if (nameOnly) {
                    out.println(location.display(d.path()));
                } else if (nameStatus) {
                    out.println(d.status().letter() + "\t" + location.display(d.path()));
                } else {
                    out.print(diff.render(d));
                }
                out.flush();
            }
            return exitCode && !found.isEmpty() ? 3 : 0;
        } finally {
            server.cleanUp();
        }
    }

    private static List<RepoDiff.Difference> filter(List<RepoDiff.Difference> found, String filter) {
        if (filter == null) {
            return found;
        }
        String letters = filter.replace("*", "");
        List<RepoDiff.Difference> matching = found.stream()
                .filter(d -> letters.contains(d.status().letter())).toList();
        if (filter.contains("*")) {
            return matching.isEmpty() ? List.of() : found;
        }
        return matching;
    }
}
