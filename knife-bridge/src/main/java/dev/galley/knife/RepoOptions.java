package dev.galley.knife;

import dev.galley.core.GalleyException;
import dev.galley.knife.internal.repo.RepoLocation;
import dev.galley.knife.internal.repo.RepoPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options knife's chef-fs commands (upload, download, diff) share: where the repository is, how parallel. */
public final class RepoOptions {
    @Option(names = "--chef-repo-path", paramLabel = "PATH",
            description = "The chef repository (default: chef_repo_path, else the parent of cookbook_path, else the "
                    + "directory above the .chef/ that holds config.rb).")
    Path chefRepoPath;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "10",
            description = "How many objects to read or write at once (default 10).")
    int concurrency;

    /** Where the repository is, seen from the working directory. */
    RepoLocation location(KnifeSession session) {
        if (concurrency < 1) {
            throw GalleyException.badInput("--concurrency must be 1 or more, not " + concurrency);
        }
        return RepoLocation.of(Optional.ofNullable(chefRepoPath), session.config(), session.console().cwd());
    }

    /** The location, which must be an existing directory (upload and diff read it). */
    RepoLocation existingLocation(KnifeSession session) {
        RepoLocation location = location(session);
        if (!Files.isDirectory(location.root())) {
            throw GalleyException.badInput("the chef repository " + location.root() + " is not a directory: pass "
                    + "--chef-repo-path DIR, or set chef_repo_path in config.rb");
        }
        return location;
    }

    static List<RepoPattern> patterns(RepoLocation location, List<String> args) {
        return args.stream().map(location::pattern).toList();
    }

    int concurrency() {
        return concurrency;
    }
}
