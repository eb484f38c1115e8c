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
 * {@code galley upload PATTERN...}: the chef repository's roles, environments, data bags, cookbooks, nodes and
 * clients to the Chef server, as {@code knife upload}.
 */
@Command(name = "upload", sortOptions = false,
        description = {"Upload what the patterns select from the chef repository to the Chef server (knife upload).",
            "Patterns are chef-fs paths: /roles, /cookbooks/nginx, /data_bags/*/x.json, or relative to the working "
                    + "directory inside the repository ('.' for all of it). Only objects that differ are written "
                    + "(compared as knife compares them, after normalization).",
            "Unlike knife: Ruby roles and environments are refused (Galley never runs Ruby); everything is read and "
                    + "checked before anything is written, so a bad file changes nothing; --purge asks before it "
                    + "deletes (unless -y) and leaves alone the kinds of object the repository has no directory for; "
                    + "a purged cookbook loses all its versions."})
public final class UploadCommand extends KnifeCommand {
    @Mixin
    RepoOptions repo;

    @Option(names = "--purge", negatable = true,
            description = "Delete from the server what the patterns select there but the repository lacks.")
    boolean purge;

    @Option(names = "--force", negatable = true,
            description = "Upload even what is the same on the server; overwrites frozen cookbooks.")
    boolean force;

    @Option(names = "--freeze", negatable = true, description = "Freeze the cookbooks uploaded.")
    boolean freeze;

    @Option(names = {"-n", "--dry-run"}, description = "Change nothing; print what would be created, updated and "
            + "deleted.")
    boolean dryRun;

    @Option(names = "--diff", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compare objects on both sides and upload those that differ (default); --no-diff uploads "
                    + "only new ones.")
    boolean diff;

    @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "What to upload: /, /roles, /roles/web.json, "
            + "/data_bags/*/x.json, /cookbooks/nginx ...")
    List<String> patterns;

    @Override
    protected int run(KnifeSession session) {
        RepoLocation location = repo.existingLocation(session);
        LocalRepo local = new LocalRepo(location.root(), session::chef);
        ServerRepo server = new ServerRepo(session.chef());
        CopyOptions options = new CopyOptions(purge, force, diff, dryRun, freeze, repo.concurrency());
        RepoCopy copy = new RepoCopy(local, server, options, location::display);
        RepoCopy.Plan plan = copy.plan(RepoOptions.patterns(location, patterns));
        return RepoTransfer.carryOut(session, copy, plan, dryRun, "from the Chef server", location::display);
    }
}
