package dev.galley.chef.internal.ruby;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What an evaluated file may see of the world: environment variables ({@code ENV}), the home directory
 * ({@code Dir.home}, {@code ~}) and the working directory ({@code Dir.pwd}, relative paths), so tests never read
 * the real ones.
 *
 * @param env              environment variables
 * @param home             the home directory
 * @param workingDirectory the directory relative paths are resolved against, as Ruby's process would
 */
public record RubyEnvironment(Map<String, String> env, Path home, Path workingDirectory) {
    public RubyEnvironment {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath().normalize();
    }

    /** This process's environment, home and working directory. */
    public static RubyEnvironment ofProcess() {
        return new RubyEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                Path.of(System.getProperty("user.dir")));
    }

    @Override
    public String toString() {
        // Environment values can be secrets (tokens, passwords): name only the directories.
        return "RubyEnvironment[home=" + home + ", cwd=" + workingDirectory + ", " + env.size() + " variables]";
    }
}
