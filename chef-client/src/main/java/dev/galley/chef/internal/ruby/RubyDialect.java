package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Which kind of file is evaluated (knife configuration, cookbook metadata): how errors name it, what they tell
 * the user to do instead, and which names are settings (so {@code chef_server_url = "..."} is caught).
 *
 * @param what         the kind of file, for messages ("knife configuration")
 * @param remedy       what to do about an unsupported construct ("set the value literally or ...")
 * @param settingNames the DSL's setting names; assigning one as a local variable is a mistake worth an error
 */
public record RubyDialect(String what, String remedy, Set<String> settingNames) {
    static final String SUBSET = "strings, symbols, numbers, arrays, hashes, ENV, File.join/dirname/expand_path, "
            + "local variables";

    public RubyDialect {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(remedy, "remedy");
        settingNames = Set.copyOf(settingNames);
    }

    /** The error for a construct outside the subset, e.g. {@code "'if' (a conditional)"}. */
    public ChefConfigException unsupported(Path file, int line, String construct) {
        return new ChefConfigException(file, line, construct + " is not supported: Galley reads the common subset of "
                + "Ruby in " + what + " (" + SUBSET + "); " + remedy);
    }
}
