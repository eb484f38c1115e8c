package dev.galley.knife;

import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefConflictException;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.CookbookSummary;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.KnifeConfig;
import dev.galley.core.GalleyException;
import dev.galley.knife.internal.CookbookRepository;
import dev.galley.knife.internal.CookbookRepository.LocalCookbook;
import dev.galley.knife.internal.VersionConstraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley cookbook upload}: cookbooks from the cookbook path to the server, as {@code knife cookbook upload},
 * each after the cookbooks it depends on. Every check (cookbooks found, dependencies satisfied, environment exists)
 * is done before the first upload, so bad input changes nothing.
 */
@Command(name = "upload", description = "Upload cookbooks from the cookbook path. With -d, also the cookbooks they "
        + "depend on (from the cookbook path, uploaded first). Unless --no-check-dependencies, every dependency must "
        + "be uploaded too or already be on the server in a matching version.")
public final class CookbookUploadCommand extends KnifeCommand {
    @Parameters(paramLabel = "COOKBOOK", arity = "0..*", description = "Cookbook names (not directories).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-o", "--cookbook-path"}, paramLabel = "PATH:PATH",
            description = "Directories holding cookbooks, joined with ':' (default: cookbook_path from config.rb).")
    String cookbookPath;

    @Option(names = {"-a", "--all"}, description = "Upload every cookbook in the cookbook path.")
    boolean all;

    @Option(names = {"-d", "--include-dependencies"}, description = "Also upload the cookbooks these depend on.")
    boolean dependencies;

    @Option(names = "--freeze", description = "Freeze the uploaded versions, so that they cannot be overwritten.")
    boolean freeze;

    @Option(names = "--force", description = "Overwrite versions even when they are frozen.")
    boolean force;

    @Option(names = "--[no-]check-dependencies", negatable = true, defaultValue = "true",
            description = "Check that every dependency is uploaded too or on the server (default: on).")
    boolean checkDependencies;

    @Option(names = "--concurrency", defaultValue = "10", paramLabel = "N",
            description = "How many files go up at once (default 10).")
    int concurrency;

    @Override
    protected int run(KnifeSession session) {
        if (!all && names.isEmpty()) {
            throw GalleyException.badInput("give the cookbooks to upload, or --all");
        }
        if (concurrency < 1) {
            throw GalleyException.badInput("--concurrency must be at least 1");
        }
        CookbookRepository repo = new CookbookRepository(cookbookPaths(session, cookbookPath));
        CookbookRepository.UploadSet set = all
                ? new CookbookRepository.UploadSet(CookbookRepository.dependenciesFirst(repo.all()), Map.of())
                : repo.uploadSet(names, dependencies);
        if (set.cookbooks().isEmpty()) {
            throw GalleyException.badInput("found no cookbooks in the cookbook path '"
                    + CookbookRepository.describe(repo.paths()) + "': give the directory holding them with -o");
        }
        ChefClient chef = session.chef();
        String environment = session.options().environment();
        if (environment != null) {
            try {
                chef.environments().get(environment);
            } catch (ChefNotFoundException e) {
                throw GalleyException.badInput("the environment " + environment + " does not exist on the server: "
                        + "nothing was uploaded");
            }
        }
        if (checkDependencies || !set.notLocal().isEmpty()) {
            checkDependencies(set, chef.cookbooks().list(0), repo);
        }
        int width = set.cookbooks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        Cookbooks.UploadOptions options = new Cookbooks.UploadOptions(freeze, force, concurrency);
        Map<String, String> uploaded = new LinkedHashMap<>();
        int failed = 0;
        for (LocalCookbook cb : set.cookbooks()) {
            session.info("Uploading " + pad(cb.name(), width) + " [" + cb.version() + "]");
            try {
                chef.cookbooks().upload(cb.directory(), options);
                uploaded.put(cb.name(), cb.version());
            } catch (ChefConflictException frozen) {
                failed++;
                session.info("ERROR: Version " + cb.version() + " of cookbook " + cb.name() + " is frozen. Use "
                        + "--force to override.");
                if (environment != null) {
                    session.info("WARNING: Not updating version constraints for " + cb.name() + " in the "
                            + "environment as the cookbook is frozen.");
                }
            }
        }
        if (environment != null && !uploaded.isEmpty()) {
            chef.environments().update(environment, env -> {
                Map<String, String> constraints = new LinkedHashMap<>(env.cookbookVersions());
                uploaded.forEach((name, version) -> constraints.put(name, "= " + version));
                return env.withCookbookVersions(constraints);
            });
            session.info("Pinned " + String.join(", ", uploaded.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).toList()) + " in environment " + environment);
        }
        return summary(session, uploaded.size(), failed);
    }

    private int summary(KnifeSession session, int ok, int failed) {
        if (failed == 0) {
            session.info(all ? "Uploaded all cookbooks." : "Uploaded " + ok + " cookbook" + (ok == 1 ? "" : "s")
                    + ".");
            return 0;
        }
        if (ok > 0) {
            session.info("WARNING: Uploaded " + ok + " cookbook" + (ok == 1 ? "" : "s") + " ok but " + failed
                    + " cookbook" + (failed == 1 ? "" : "s") + " upload failed.");
            return 4;
        }
        session.info("ERROR: Failed to upload " + failed + " cookbook" + (failed == 1 ? "" : "s") + ".");
        return 2;
    }

    /**
     * Every dependency of every cookbook in the set must be in the set in a matching version, or on the server
     * (knife's check_for_dependencies!); with -d, dependencies the path lacks must be on the server.
     */
    private void checkDependencies(CookbookRepository.UploadSet set, Map<String, CookbookSummary> server,
            CookbookRepository repo) {
        Map<String, String> uploading = new LinkedHashMap<>();
        set.cookbooks().forEach(c -> uploading.put(c.name(), c.version()));
        List<String> problems = new ArrayList<>();
        for (LocalCookbook cb : set.cookbooks()) {
            List<String> missing = new ArrayList<>();
            cb.dependencies().forEach((dep, constraint) -> {
                if (!checkDependencies && !set.notLocal().containsKey(dep)) {
                    return;
                }
                boolean beingUploaded = uploading.containsKey(dep) && constraint.includes(uploading.get(dep));
                boolean onServer = server.containsKey(dep)
                        && server.get(dep).versionNumbers().stream().anyMatch(constraint::includes);
                if (!beingUploaded && !onServer) {
                    missing.add("'" + dep + "' version '" + constraint + "'");
                }
            });
            if (!missing.isEmpty()) {
                problems.add("cookbook " + cb.name() + " depends on " + String.join(", ", missing));
            }
        }
        if (!problems.isEmpty()) {
            throw GalleyException.badInput(String.join("; ", problems) + ", neither being uploaded nor on the "
                    + "server: " + (dependencies ? "add the missing cookbooks to the cookbook path ("
                    + CookbookRepository.describe(repo.paths()) + ")"
                    : "upload them first, or add -d to upload them from the cookbook path")
                    + "; nothing was uploaded");
        }
    }

    /** knife's cookbook path: -o (':' separated), else cookbook_path, else chef_repo_path/cookbooks. */
    static List<Path> cookbookPaths(KnifeSession session, String option) {
        Path cwd = session.console().cwd();
        if (option != null && !option.isBlank()) {
            List<Path> out = new ArrayList<>();
            for (String p : option.split(":")) {
                if (!p.isBlank()) {
                    out.add(cwd.resolve(p.startsWith("~/") ? session.console().home() + p.substring(1) : p));
                }
            }
            return out;
        }
        KnifeConfig config = session.config();
        if (!config.cookbookPath().isEmpty()) {
            return config.cookbookPath();
        }
        if (config.chefRepoPath().isPresent()) {
            return List.of(config.chefRepoPath().get().resolve("cookbooks"));
        }
        throw GalleyException.badInput("no cookbook path: pass -o DIR, or set cookbook_path in config.rb");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
