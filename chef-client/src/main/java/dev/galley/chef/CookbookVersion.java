package dev.galley.chef;

import java.util.List;
import java.util.Objects;

/**
 * One version of a cookbook on the server: its metadata, its files, and whether it is frozen.
 *
 * @param cookbookName the cookbook name
 * @param version      the version
 * @param metadata     the metadata
 * @param files        every file, whatever manifest form the server used (v0 segments or v2 all_files)
 * @param frozen       whether the version is frozen (uploads of the same version then need --force)
 */
public record CookbookVersion(String cookbookName, String version, CookbookMetadata metadata, List<CookbookFile> files,
        boolean frozen) {
    public CookbookVersion {
        Objects.requireNonNull(cookbookName, "cookbookName");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
    }
}
