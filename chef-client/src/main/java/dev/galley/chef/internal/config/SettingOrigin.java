package dev.galley.chef.internal.config;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.internal.ruby.RubyValues;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a knife setting's value came from: what {@code KnifeConfig.origins} shows, how an error about it starts, and
 * what a relative path in it is relative to.
 *
 * @param file          the file that set it, or null for a command-line flag or a default
 * @param line          its 1-based line, or 0 when not known
 * @param label         shown in origins ("/home/me/.chef/config.rb:4", "--key", "default (login name)")
 * @param messagePrefix put before an error about it, after the file ("profile 'prod': ", "--key: ")
 * @param baseDir       what a relative path in the value is resolved against
 */
public record SettingOrigin(Path file, int line, String label, String messagePrefix, Path baseDir) {
    public SettingOrigin {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(messagePrefix, "messagePrefix");
        Objects.requireNonNull(baseDir, "baseDir");
    }

    /** A line of a Ruby config file; its relative paths are relative to the file's directory. */
    public static SettingOrigin ofFile(Path file, int line) {
        return new SettingOrigin(file, line, file + ":" + line, "", file.getParent());
    }

    /** A command-line flag ("--key"); its relative paths are relative to the working directory. */
    public static SettingOrigin ofFlag(String flag, Path workingDirectory) {
        return new SettingOrigin(null, 0, flag, flag + ": ", workingDirectory);
    }

    /** A value the loader chose itself, described by {@code label}. */
    public static SettingOrigin ofDefault(String label, Path baseDir) {
        return new SettingOrigin(null, 0, label, "", baseDir);
    }

    /**
     * A path setting's value as an absolute path: {@code ~} is the home directory, anything else relative to
     * {@link #baseDir()}.
     *
     * @throws ChefConfigException when the value is not a non-blank string
     */
    public Path resolvePath(Object value, String name, Path home) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw error(name + " must be a path string, not " + shown(name, value));
        }
        if (s.equals("~") || s.startsWith("~/")) {
            return home.resolve(s.substring(Math.min(2, s.length()))).normalize();
        }
        return baseDir.resolve(s).normalize();
    }

    /** An error about the value from here, naming the file and line when there is one. */
    public ChefConfigException error(String message) {
        return new ChefConfigException(file, line, messagePrefix + message);
    }

    /** A value for an error message; the values of settings that may hold secrets are only named by type. */
    static String shown(String name, Object value) {
        if (name.contains("key") || name.contains("secret") || name.contains("password") || name.contains("token")) {
            String type = RubyValues.typeName(value);
            return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + " (value not shown)";
        }
        String text = RubyValues.inspect(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
