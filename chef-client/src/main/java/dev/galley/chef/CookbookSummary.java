package dev.galley.chef;

import java.util.List;

/**
 * A cookbook in a listing: its URL and the versions shown (newest first).
 *
 * @param url      the cookbook's URL on the server
 * @param versions the versions, newest first
 */
public record CookbookSummary(String url, List<Version> versions) {

    public CookbookSummary {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /**
     * One version in a listing.
     *
     * @param version the version ("1.2.0")
     * @param url     its URL
     */
    public record Version(String version, String url) {
    }

    /** The version strings, newest first. */
    public List<String> versionNumbers() {
        return versions.stream().map(Version::version).toList();
    }
}
