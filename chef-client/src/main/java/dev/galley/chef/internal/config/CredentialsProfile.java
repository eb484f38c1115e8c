package dev.galley.chef.internal.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One profile of a credentials file, read and checked but not yet applied to the settings.
 *
 * @param file     the credentials file
 * @param name     the profile's name
 * @param settings its keys in file order, as Ruby values (a TOML ":name" string becomes a symbol); an inline
 *                 {@code client_key} or validation key is a {@link dev.galley.chef.KeySource.Inline}
 * @param knife    its {@code knife} sub-table, as plain values
 */
public record CredentialsProfile(Path file, String name, Map<String, Object> settings, Map<String, Object> knife) {
    public CredentialsProfile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        knife = Collections.unmodifiableMap(new LinkedHashMap<>(knife));
    }

    /** How origins name a value from this profile: "credentials /home/me/.chef/credentials profile 'prod'". */
    public String label() {
        return label(file, name);
    }

    static String label(Path file, String name) {
        return "credentials " + file + " profile '" + name + "'";
    }

    /** Where its values come from; a relative path in it is relative to {@code ~/.chef}, as knife has it. */
    public SettingOrigin origin(Path homeChef) {
        return new SettingOrigin(file, 0, label(), messagePrefix(name), homeChef);
    }

    static String messagePrefix(String name) {
        return "profile '" + name + "': ";
    }

    @Override
    public String toString() {
        // Values may be inline keys or tokens: name only what is set.
        return "CredentialsProfile[" + label() + ", keys " + settings.keySet() + ", knife " + knife.keySet() + "]";
    }
}
