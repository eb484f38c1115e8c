package dev.galley.chef;

import java.util.Objects;

/**
 * One file of a cookbook version, from the server's manifest.
 *
 * @param path        the path inside the cookbook ("recipes/default.rb", "templates/default/x.erb")
 * @param name        the manifest name (v0: the file name; v2 all_files: "recipes/default.rb")
 * @param segment     the v0 segment ("recipes", "templates", "root_files", ...); derived from the path under API v2
 * @param checksum    the MD5 hex of the content (Chef's checksum)
 * @param specificity "default" or a platform/host specificity (v0)
 * @param url         where to download it (absent for files being uploaded)
 */
public record CookbookFile(String path, String name, String segment, String checksum, String specificity, String url) {
    public CookbookFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(checksum, "checksum");
        name = name == null ? path : name;
        specificity = specificity == null ? "default" : specificity;
    }

    /** Leaves out the download URL's query: bookshelf and S3 put a pre-signature there. */
    @Override
    public String toString() {
        String shown = url == null ? "none" : url.replaceFirst("\\?.*$", "?...");
        return "CookbookFile[" + path + ", " + segment + ", md5 " + checksum + ", url " + shown + "]";
    }
}
