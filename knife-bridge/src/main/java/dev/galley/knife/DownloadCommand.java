package dev.galley.knife;

import dev.galley.knife.internal.repo.CopyOptions;
import dev.galley.knife.internal.repo.LocalRepo;
import dev.galley.knife.internal.repo.RepoCopy;
import dev.galley.knife.internal.repo.RepoLocation;
import dev.galley.knife.internal.repo.ServerRepo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley download PATTERN...}: roles, environments, data bags, cookbooks, nodes and clients from the Chef
 * server into the chef repository, as {@code knife download}.
 */
@Command(name = "download", sortOptions = false,
        description = {"Download what the patterns select from the Chef server into the chef repository "
                + "(knife download).",
            "Files are written as knife writes them: JSON without the server's defaults, keys in Chef's order, "
                    + "two-space indent. A cookbook is its newest version on the server.",
            "Unlike knife: a repository file that is Ruby stops the download before anything is written; --purge "
                    + "asks before it deletes (unless -y); cookbooks are reported whole, not file by file."})
public final class DownloadCommand extends KnifeCommand {
    @Mixin
    RepoOptions repo;

    @Option(names = "--purge", negatable = true,
            description = "Delete from the repository what the patterns select there but the server lacks.")
    boolean purge;

    @Option(names = "--force", negatable = true, description = "Write even what is the same.")
    boolean force;

    @Option(names = {"-n", "--dry-run"}, description = "Change nothing; print what would be created, updated and "
            + "deleted.")
    boolean dryRun;

    @Option(names = "--diff", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compare objects on both sides and write those that differ (default); --no-diff writes "
                    + "only new ones.")
    boolean diff;

    @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "What to download: /, /roles, "
            + "/roles/web.json, /data_bags/*/x.json, /cookbooks/nginx ...")
    List<String> patterns;

    @Override
    protected int run(KnifeSession session) {
        RepoLocation location = repo.location(session);
        LocalRepo local = new LocalRepo(location.root(), session::chef);
        ServerRepo server = new ServerRepo(session.chef());
        CopyOptions options = new CopyOptions(purge, force, diff, dryRun, false, repo.concurrency());
        RepoCopy copy = new RepoCopy(server, local, options, location::display);
        RepoCopy.Plan plan = copy.plan(RepoOptions.patterns(location, patterns));
        return RepoTransfer.carryOut(session, copy, plan, dryRun, "from " + location.root(), location::display);
    }
}
