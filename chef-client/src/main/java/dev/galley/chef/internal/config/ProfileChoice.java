package dev.galley.chef.internal.config;

import dev.galley.chef.CredentialsProfiles;
import java.util.Objects;

/**
 * Which credentials profile is used and what chose it.
 *
 * @param name     the profile's name
 * @param chosenBy what chose it
 * @param shownAs  what chose it, as error messages name it ("CHEF_PROFILE", the context file's path)
 */
public record ProfileChoice(String name, CredentialsProfiles.ChosenBy chosenBy, String shownAs) {
    public ProfileChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chosenBy, "chosenBy");
        Objects.requireNonNull(shownAs, "shownAs");
    }

    /** True unless nothing chose a profile and "default" is used. */
    public boolean explicit() {
        return chosenBy != CredentialsProfiles.ChosenBy.DEFAULT;
    }
}
