package dev.galley.chef.internal.ruby;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ruby semantics for evaluated values: truthiness, {@code to_s}, {@code inspect}, type names for messages, and the
 * plain Java form settings are stored in (symbols as ":name" strings, hash keys as strings).
 */
public final class RubyValues {
    private RubyValues() {
    }

    /** Ruby truthiness: everything but nil and false. */
    public static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }

    /** The Ruby class name of a value, for messages ("String", "Symbol", "nil"). */
    public static String typeName(Object v) {
        return switch (v) {
            case null -> "nil";
            case String s -> "String";
            case RubySymbol s -> "Symbol";
            case Long l -> "Integer";
            case Double d -> "Float";
            case Boolean b -> b ? "true" : "false";
            case List<?> l -> "Array";
            case Map<?, ?> m -> "Hash";
            case RubyIo io -> "IO";
            default -> v.getClass().getSimpleName();
        };
    }

    /** Ruby's {@code to_s}, which string interpolation uses: nil is "", a symbol its name. */
    public static String toS(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case RubySymbol s -> s.name();
            case Double d -> formatFloat(d);
            case List<?> l -> inspect(l);
            case Map<?, ?> m -> inspect(m);
            case RubyIo io -> "#<IO:<" + io.name() + ">>";
            default -> v.toString();
        };
    }

    /** Ruby's {@code inspect}: strings quoted, symbols with a colon, nil as "nil". */
    public static String inspect(Object v) {
        return switch (v) {
            case null -> "nil";
            case String s -> quote(s);
            case RubySymbol s -> ":" + s.name();
            case List<?> l -> l.stream().map(RubyValues::inspect).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> m -> m.entrySet().stream()
                    .map(e -> inspect(e.getKey()) + " => " + inspect(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> toS(v);
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '#' -> b.append('#');
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String formatFloat(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        return Double.toString(d);
    }

    /**
     * The plain form a setting is stored in: String, Long, Double, Boolean, null, List and Map with String keys.
     * A symbol becomes ":name" (as TOML credentials write it), an IO its name ("STDOUT"); a hash key that is a
     * symbol becomes its bare name, as knife keys do.
     */
    public static Object plain(Object v) {
        return switch (v) {
            case RubySymbol s -> ":" + s.name();
            case RubyIo io -> io.name();
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(plain(x)));
                yield out;
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(toS(k), plain(x)));
                yield out;
            }
            case null -> null;
            default -> v;
        };
    }
}
