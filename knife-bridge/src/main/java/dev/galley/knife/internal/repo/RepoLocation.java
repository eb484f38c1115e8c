package dev.galley.knife.internal.repo;

import dev.galley.chef.KnifeConfig;
import dev.galley.core.GalleyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the chef repository is and where the working directory sits in it, as chef-fs's knife commands see it:
 * patterns relative to the working directory when it is inside the repository, and paths printed relative to it.
 *
 * @param root     the repository's directory
 * @param basePath the working directory as a chef-fs path ("/", "/roles"), when it is inside the repository
 */
public record RepoLocation(Path root, Optional<String> basePath) {

    /**
     * The repository: {@code --chef-repo-path}, else {@code chef_repo_path}, else the parent of the first
     * {@code cookbook_path} (as chef-config derives it), else the parent of the {@code .chef} directory that holds
     * the config file (where knife would fall back to its cache directory, which is never a repository).
     *
     * @throws GalleyException (bad input) when none of these gives a directory
     */
    public static RepoLocation of(Optional<Path> flag, KnifeConfig config, Path cwd) {
        Path root = flag.map(cwd::resolve)
                .or(config::chefRepoPath)
                .or(() -> config.cookbookPath().stream().findFirst().map(Path::getParent))
                .or(() -> config.configFile().map(Path::getParent)
                        .filter(d -> d.getFileName() != null && d.getFileName().toString().equals(".chef"))
                        .map(Path::getParent))
                .orElseThrow(() -> GalleyException.badInput("no chef repository: pass --chef-repo-path DIR, or set "
                        + "chef_repo_path (or cookbook_path) in " + config.configFile().map(Path::toString)
                        .orElse("config.rb")));
        return at(root, cwd);
    }

    /** The repository at {@code root}, seen from {@code cwd}. */
    public static RepoLocation at(Path root, Path cwd) {
        Path r = root.toAbsolutePath().normalize();
        Path c = cwd.toAbsolutePath().normalize();
        Optional<String> base = Optional.empty();
        if (c.equals(r)) {
            base = Optional.of("/");
        } else if (c.startsWith(r)) {
            Path rel = r.relativize(c);
            if (RepoSide.TOP_LEVEL.contains(rel.getName(0).toString())) {
                List<String> parts = new ArrayList<>();
                rel.forEach(p -> parts.add(p.toString()));
                base = Optional.of("/" + String.join("/", parts));
            }
        }
        return new RepoLocation(r, base);
    }

    /**
     * A command-line pattern as an absolute chef-fs pattern: "/roles" as it is, "web.json" relative to the working
     * directory when that is in the repository.
     *
     * @throws GalleyException (bad input) for a relative pattern given outside the repository, as knife refuses it
     */
    public RepoPattern pattern(String arg) {
        if (arg.startsWith("/")) {
            return RepoPattern.of(arg);
        }
        String base = basePath.orElseThrow(() -> GalleyException.badInput("Attempt to use relative path '" + arg
                + "' when current directory is outside the repository path (" + root + "): give it as /"
                + (arg.equals(".") ? "" : arg) + " or run from inside the repository"));
        return RepoPattern.of(base + "/" + arg);
    }

    /** A chef-fs path as knife prints it: relative to the working directory when that is in the repository. */
    public String display(String path) {
        if (basePath.isEmpty()) {
            return path;
        }
        String base = basePath.get();
        if (path.equals(base)) {
            return ".";
        }
        if (base.equals("/")) {
            return path.substring(1);
        }
        if (path.startsWith(base + "/")) {
            return path.substring(base.length() + 1);
        }
        return path;
    }
}
