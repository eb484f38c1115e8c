package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.internal.cookbook.LocalCookbook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookbook endpoints ({@code /cookbooks}, {@code /universe}) and the whole upload (checksums, sandbox,
 * bounded parallel file upload, commit, version PUT) and download.
 */
public interface Cookbooks {

    /** Upload settings: {@code knife cookbook upload --freeze / --force}, and how many files go up at once. */
    record UploadOptions(boolean freeze, boolean force, int concurrency) {
        public UploadOptions {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
            }
        }

        public static UploadOptions defaults() {
            return new UploadOptions(false, false, 8);
        }
    }

    /** Cookbooks and their versions; {@code numVersions} 0 means all versions. */
    Map<String, CookbookSummary> list(int numVersions);

    /** The versions of one cookbook, newest first. @throws ChefNotFoundException if there is no such cookbook */
    List<String> versions(String name);

    /** One version ("1.2.0" or "_latest"). @throws ChefNotFoundException if absent */
    CookbookVersion get(String name, String version);

    Optional<CookbookVersion> find(String name, String version);

    /** Deletes one version; with {@code purge}, also its files from the server's store. */
    void delete(String name, String version, boolean purge);

    /** The latest recipes of every cookbook ({@code /cookbooks/_recipes}). */
    List<String> recipes();

    /** {@code GET /universe}: every cookbook version with its dependencies, as Berkshelf reads it. */
    JsonNode universe();

    /**
     * Downloads every file of a version into {@code target}/NAME-VERSION (or {@code target} itself when
     * {@code flat}), checking each file's checksum.
     *
     * @return the directory written
     */
    Path download(String name, String version, Path target, boolean flat);

    /**
     * Reads a cookbook directory (metadata.rb evaluated safely, or metadata.json; chefignore honoured) and uploads
     * it: only the files the server lacks are sent, in parallel up to the configured bound.
     *
     * @throws ChefConflictException if the version is frozen and {@code force} is off
     */
    CookbookUpload upload(Path cookbookDirectory, UploadOptions options);

    /**
     * Reads a cookbook directory as {@link #upload} would send it, without a server: its metadata and every file
     * that is not ignored (chefignore, version control), each with its MD5; no download URLs, not frozen.
     *
     * @throws ChefConfigException naming the directory or file when it is not a usable cookbook
     */
    static CookbookVersion readDirectory(Path cookbookDirectory) {
        LocalCookbook local = LocalCookbook.read(cookbookDirectory);
        List<CookbookFile> files = local.files().stream()
                .map(f -> new CookbookFile(f.path(), f.path(), f.segment(), f.checksum(), f.specificity(), null))
                .toList();
        return new CookbookVersion(local.name(), local.version(), local.metadata(), files, false);
    }
}
