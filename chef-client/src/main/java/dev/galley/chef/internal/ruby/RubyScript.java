package dev.galley.chef.internal.ruby;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating one Ruby DSL file: what it sets, in order.
 *
 * @param file     the file evaluated
 * @param settings its setting calls and knife assignments, in file order
 */
public record RubyScript(Path file, List<RubySetting> settings) {
    public RubyScript {
        Objects.requireNonNull(file, "file");
        settings = List.copyOf(settings);
    }

    /** The last single-argument call of {@code name}, if any. */
    public Optional<RubySetting.Call> last(String name) {
        RubySetting.Call found = null;
        for (RubySetting s : settings) {
            if (s instanceof RubySetting.Call c && c.name().equals(name) && c.args().size() == 1) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }
}
