package dev.galley.validate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.galley.core.GalleyException;
import dev.galley.core.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a plan's secret lives: an environment variable or a file, never the plan itself.
 *
 * <pre>{@code
 * password: {env: OLD_MASTER_PASSWORD}
 * password: {file: /etc/galley/repl.pw}
 * }</pre>
 *
 * @param env  the environment variable holding it
 * @param file the file holding it (stripped of surrounding whitespace, as Chef reads secret files)
 */
public record SecretRef(Optional<String> env, Optional<Path> file) {

    @JsonCreator
    public SecretRef(@JsonProperty("env") String env, @JsonProperty("file") Path file) {
        this(Optional.ofNullable(env), Optional.ofNullable(file));
    }

    public SecretRef {
        env = env == null ? Optional.empty() : env;
        file = file == null ? Optional.empty() : file;
        if (env.isPresent() == file.isPresent()) {
            throw new IllegalArgumentException("a secret is {env: NAME} or {file: PATH}, exactly one of them");
        }
    }

    /** Reads the secret now. @throws GalleyException (bad input) naming the variable or file */
    public Secret resolve(Map<String, String> environment, Path planDirectory) {
        if (env.isPresent()) {
            return Secret.fromEnvironment(env.get(), environment);
        }
        return Secret.fromFile(planDirectory.resolve(file.get()));
    }

    @Override
    public String toString() {
        return env.map(e -> "env " + e).orElseGet(() -> "file " + file.get());
    }
}
