package dev.galley.chef.internal.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the credentials file gave the loader.
 *
 * @param file    the credentials file, if it exists
 * @param profile the chosen profile, if the file has it
 */
public record LoadedCredentials(Optional<Path> file, Optional<CredentialsProfile> profile) {
    public LoadedCredentials {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(profile, "profile");
    }

    /** No credentials file. */
    public static LoadedCredentials none() {
        return new LoadedCredentials(Optional.empty(), Optional.empty());
    }
}
