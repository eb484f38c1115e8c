package dev.galley.chef;

import java.util.List;

/**
 * The outcome of uploading one cookbook version.
 *
 * @param name          the cookbook name
 * @param version       the version uploaded
 * @param filesUploaded files the server did not have and received
 * @param filesPresent  files the server already had (same checksum), not sent again
 * @param frozen        whether the version is now frozen
 */
public record CookbookUpload(String name, String version, List<String> filesUploaded, List<String> filesPresent,
        boolean frozen) {
    public CookbookUpload {
        filesUploaded = List.copyOf(filesUploaded);
        filesPresent = List.copyOf(filesPresent);
    }
}
