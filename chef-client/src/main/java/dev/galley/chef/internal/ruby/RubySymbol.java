package dev.galley.chef.internal.ruby;

import java.util.Objects;

/**
 * A Ruby symbol ({@code :verify_none}) as a value, kept apart from strings because Chef compares settings with
 * symbols ({@code ssl_verify_mode == :verify_none}).
 *
 * @param name the symbol's name, without the colon
 */
public record RubySymbol(String name) {
    public RubySymbol {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
