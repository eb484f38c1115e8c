package dev.galley.chef;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles of a knife credentials file and which one is active, for {@code galley config list-profiles}.
 *
 * @param credentialsFile the credentials file, if it exists
 * @param activeProfile   the profile {@link KnifeConfigLoader#load(KnifeConfigLoader.Options)} would use; the file
 *                        may lack it ("default" when nothing chose one)
 * @param chosenBy        what chose the active profile
 * @param profiles        the file's profiles, in file order
 */
public record CredentialsProfiles(Optional<Path> credentialsFile, String activeProfile, ChosenBy chosenBy,
        List<Profile> profiles) {

    public CredentialsProfiles {
        credentialsFile = credentialsFile == null ? Optional.empty() : credentialsFile;
        Objects.requireNonNull(activeProfile, "activeProfile");
        Objects.requireNonNull(chosenBy, "chosenBy");
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** What chooses the credentials profile, strongest first. */
    public enum ChosenBy {
        PROFILE_OPTION("--profile"),
        CHEF_PROFILE_VARIABLE("$CHEF_PROFILE"),
        CONTEXT_FILE("~/.chef/context"),
        DEFAULT("default");

        private final String text;

        ChosenBy(String text) {
            this.text = text;
        }

        /** As a user would name it: "--profile", "$CHEF_PROFILE", "~/.chef/context", "default". */
        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One profile as {@code list-profiles} shows it; never the key itself.
     *
     * @param name                 the profile's name (its TOML table)
     * @param clientName           {@code client_name}, else {@code node_name}
     * @param chefServerUrl        {@code chef_server_url}
     * @param clientKeyDescription {@code client_key} as an absolute path (relative ones are in ~/.chef), or
     *                             "inline key"
     */
    public record Profile(String name, Optional<String> clientName, Optional<String> chefServerUrl,
            Optional<String> clientKeyDescription) {
        public Profile {
            Objects.requireNonNull(name, "name");
            clientName = clientName == null ? Optional.empty() : clientName;
            chefServerUrl = chefServerUrl == null ? Optional.empty() : chefServerUrl;
            clientKeyDescription = clientKeyDescription == null ? Optional.empty() : clientKeyDescription;
        }
    }

    /** Whether {@code profile} is the active one. */
    public boolean isActive(Profile profile) {
        return profile.name().equals(activeProfile);
    }

    /** The active profile, unless the file lacks it. */
    public Optional<Profile> active() {
        return profiles.stream().filter(this::isActive).findFirst();
    }
}
