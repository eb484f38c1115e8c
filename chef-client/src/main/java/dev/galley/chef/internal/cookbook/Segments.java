package dev.galley.chef.internal.cookbook;

import java.util.List;

/**
 * Where a cookbook file belongs in Chef's manifest: its segment, its specificity and its manifest name, derived
 * from its path inside the cookbook as Chef's {@code CookbookManifest} derives them.
 */
public final class Segments {
    /** The segments of a v0 manifest, in the order Chef writes them. */
    public static final List<String> ALL = List.of("resources", "providers", "recipes", "definitions", "libraries",
            "attributes", "files", "templates", "root_files");
    public static final String ROOT_FILES = "root_files";

    private Segments() {
    }

    /** "recipes" for "recipes/default.rb"; "root_files" for "README.md" and for directories Chef has no segment for. */
    public static String of(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            return ROOT_FILES;
        }
        String top = path.substring(0, slash);
        return !top.equals(ROOT_FILES) && ALL.contains(top) ? top : ROOT_FILES;
    }

    /**
     * The specificity: for files/ and templates/ the second path element ("templates/ubuntu/x.erb" → "ubuntu"), or
     * "root_default" for a file directly inside them, as Chef marks unscoped files; "default" everywhere else.
     */
    public static String specificity(String path) {
        String segment = of(path);
        if (!segment.equals("files") && !segment.equals("templates")) {
            return "default";
        }
        String[] parts = path.split("/");
        return parts.length == 2 ? "root_default" : parts[1];
    }

    /**
     * The manifest name. Under API v0 it is the file name inside its segment ("default.rb"; the whole path for a
     * root file); under v2 it is prefixed with the segment ("recipes/default.rb", "root_files/README.md").
     */
    public static String name(String path, boolean v2) {
        String segment = of(path);
        String local = segment.equals(ROOT_FILES) ? path : path.substring(path.lastIndexOf('/') + 1);
        return v2 ? segment + "/" + local : local;
    }
}
