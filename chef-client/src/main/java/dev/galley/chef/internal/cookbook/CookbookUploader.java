package dev.galley.chef.internal.cookbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.ChefConfigException;
import dev.galley.chef.ChefConflictException;
import dev.galley.chef.ChefException;
import dev.galley.chef.CookbookUpload;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.internal.ChefHttp;
import dev.galley.chef.internal.Paths;
import dev.galley.core.Deadline;
import dev.galley.core.Fault;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a cookbook directory as {@code knife cookbook upload} does: checksums into a sandbox, only the files the
 * server lacks sent (in parallel, bounded), the sandbox committed, then the version's manifest saved.
 */
public final class CookbookUploader {
    private static final Logger log = LoggerFactory.getLogger(CookbookUploader.class);
    /** How long the server may take to see uploaded files before the commit is given up. */
    static final Duration COMMIT_DEADLINE = Duration.ofSeconds(30);
    private static final Duration MAX_COMMIT_WAIT = Duration.ofSeconds(4);

    private final ChefHttp http;
    private final FileTransfers transfers;
    private final Duration commitDeadline;

    public CookbookUploader(ChefHttp http) {
        this(http, COMMIT_DEADLINE);
    }

    CookbookUploader(ChefHttp http, Duration commitDeadline) {
        this.http = http;
        this.transfers = new FileTransfers(http);
        this.commitDeadline = commitDeadline;
    }

    /** A file the sandbox asked for, and where to send it. */
    private record Pending(LocalCookbook.LocalFile file, URI url) {
    }

    public CookbookUpload upload(Path directory, Cookbooks.UploadOptions options) {
        LocalCookbook cookbook = LocalCookbook.read(directory);
        String label = cookbook.name() + " " + cookbook.version();
        Map<String, List<LocalCookbook.LocalFile>> byChecksum = new LinkedHashMap<>();
        cookbook.files().forEach(f -> byChecksum.computeIfAbsent(f.checksum(), c -> new ArrayList<>()).add(f));

        Map<String, Object> checksums = new LinkedHashMap<>();
        byChecksum.keySet().forEach(c -> checksums.put(c, null));
        JsonNode sandbox = http.post("/sandboxes", Map.of("checksums", checksums));
        String sandboxId = sandbox.path("sandbox_id").asText("");
        if (sandboxId.isEmpty()) {
            throw incomplete(label, "has no sandbox_id");
        }

        List<Pending> pending = new ArrayList<>();
        List<String> uploaded = new ArrayList<>();
        List<String> present = new ArrayList<>();
        byChecksum.forEach((checksum, files) -> {
            JsonNode answer = sandbox.path("checksums").path(checksum);
            if (answer.isMissingNode()) {
                throw incomplete(label, "does not mention checksum " + checksum + " of " + files.get(0).path());
            }
            List<String> paths = files.stream().map(LocalCookbook.LocalFile::path).toList();
            if (answer.path("needs_upload").asBoolean(false)) {
                String url = answer.path("url").asText("");
                if (url.isEmpty()) {
                    throw incomplete(label, "gives no upload URL for " + files.get(0).path());
                }
                pending.add(new Pending(files.get(0), URI.create(url)));
                uploaded.addAll(paths);
            } else {
                present.addAll(paths);
            }
        });
        log.debug("{}: {} of {} files to upload into sandbox {}", label, uploaded.size(), cookbook.files().size(),
                sandboxId);
        BoundedParallel.forEach(pending, options.concurrency(),
                "uploading " + pending.size() + " files of " + label, p -> send(p, label));
        commit(sandboxId, label);
        saveManifest(cookbook, options, label);
        return new CookbookUpload(cookbook.name(), cookbook.version(), uploaded.stream().sorted().toList(),
                present.stream().sorted().toList(), options.freeze());
    }

    private void send(Pending p, String label) {
        byte[] content;
        try {
            content = Files.readAllBytes(p.file().source());
        } catch (IOException e) {
            throw LocalCookbook.unreadable(p.file().source(), e);
        }
        // The sandbox was created for the checksum taken when the directory was read.
        if (!Checksums.md5Hex(content).equals(p.file().checksum())) {
            throw new ChefConfigException(p.file().source(), 0, "changed while " + label + " was being uploaded: "
                    + "upload again once nothing is writing to the cookbook");
        }
        transfers.upload(p.url(), content, p.file().checksum(), p.file().path() + " of " + label);
    }

    /**
     * Marks the sandbox complete, waiting until the server sees every uploaded file. Chef's uploader retries only
     * a 400 (erchef's answer while S3 is eventually consistent); goiardi answers 503 until it has indexed the
     * files, so both are retried here, with backoff, until a deadline.
     */
    private void commit(String sandboxId, String label) {
        String path = Paths.of("sandboxes", sandboxId);
        Deadline deadline = Deadline.after(commitDeadline);
        Duration wait = Duration.ofMillis(250);
        for (int attempt = 1; ; attempt++) {
            try {
                http.put(path, Map.of("is_completed", true));
                return;
            } catch (ChefApiException e) {
                boolean notYet = e.status() == 400 || e.status() == 503;
                if (!notYet) {
                    throw e;
                }
                if (deadline.expired()) {
                    throw new ChefApiException(e.method(), e.url(), e.status(), e.serverMessages(), e.bodyExcerpt(),
                            "the server did not accept the uploaded files of " + label + " within "
                                    + describe(commitDeadline) + " (" + attempt + " commits of sandbox "
                                    + sandboxId + ", last: " + e.getMessage() + "): upload again, and if it keeps "
                                    + "failing check the server's file store");
                }
                log.debug("commit of sandbox {} answered {}, retrying", sandboxId, e.status());
                pause(min(wait, deadline.remaining()), label);
                wait = min(wait.multipliedBy(2), MAX_COMMIT_WAIT);
            }
        }
    }

    private void saveManifest(LocalCookbook cookbook, Cookbooks.UploadOptions options, String label) {
        // Pin the version the manifest form was chosen for, so header and body cannot disagree.
        int apiVersion = http.versions().current();
        ObjectNode manifest = CookbookManifest.build(cookbook, options.freeze(), apiVersion >= 2);
        String path = Paths.of("cookbooks", cookbook.name(), cookbook.version())
                + (options.force() ? "?" + Paths.query("force", "true") : "");
        try {
            http.execute(http.call("PUT", ChefHttp.Scope.ORGANIZATION, path, manifest).withApiVersion(apiVersion));
        } catch (ChefConflictException e) {
            throw new ChefConflictException(e.method(), e.url(), e.serverMessages(), e.bodyExcerpt(), "cookbook "
                    + label + " is frozen on the server and cannot be overwritten (" + e.getMessage() + "): bump "
                    + "the version in its metadata, or upload with --force");
        }
    }

    private static ChefException incomplete(String label, String what) {
        return new ChefException(Fault.UNAVAILABLE, "the sandbox the server created for " + label + " " + what
                + ": the server's answer is incomplete; try the upload again");
    }

    private static String describe(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration wait, String label) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChefException(Fault.UNAVAILABLE, "the upload of " + label + " was interrupted while waiting "
                    + "for the server to see its files");
        }
    }
}
