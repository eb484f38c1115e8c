package dev.galley.chef.internal.ruby;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One thing an evaluated file sets, in file order: a DSL call ({@code node_name "bob"}, {@code depends 'x', '~> 1.0'})
 * or a {@code knife[:key] = value} assignment. Values are Ruby values as Java objects: String, {@link RubySymbol},
 * Long, Double, Boolean, null (nil), List, Map (insertion-ordered) and {@link RubyIo}.
 */
public sealed interface RubySetting {

    /** The 1-based line the statement starts on. */
    int line();

    /**
     * A call of a DSL method with its evaluated arguments; {@code name "x"} and {@code name("x")} alike.
     *
     * @param name the method ("chef_server_url")
     * @param args the evaluated arguments; a trailing {@code k: v} list arrives as one Map
     * @param line the statement's line
     */
    record Call(String name, List<Object> args, int line) implements RubySetting {
        public Call {
            Objects.requireNonNull(name, "name");
            args = Collections.unmodifiableList(new ArrayList<>(args)); // nil arguments are allowed
        }

        @Override
        public String toString() {
            // Arguments can be secrets (knife[:aws_secret_access_key], encrypted_data_bag_secret): never shown.
            return "Call[" + name + "/" + args.size() + " at line " + line + "]";
        }
    }

    /**
     * {@code knife[:key] = value}, or {@code knife[:key] ||= value} ({@code orAssign}: only when not already set).
     *
     * @param key      the key, without the colon
     * @param value    the evaluated value
     * @param orAssign true for {@code ||=}
     * @param line     the statement's line
     */
    record KnifeAssignment(String key, Object value, boolean orAssign, int line) implements RubySetting {
        public KnifeAssignment {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "KnifeAssignment[" + key + (orAssign ? " ||=" : " =") + " at line " + line + "]";
        }
    }
}
