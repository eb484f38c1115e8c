package dev.galley.chef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading Chef attribute trees: dotted paths ("nginx.port"), and the precedence merge Chef applies
 * (default, then normal, then override, then automatic, deeper maps merged key by key).
 */
public final class Attributes {
    private Attributes() {
    }

    /** An unmodifiable shallow copy that keeps null values and order (JSON objects may hold nulls). */
    public static Map<String, Object> copy(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The value at a dotted path ("a.b.c"), if every step exists. */
    public static Optional<Object> at(Map<String, Object> tree, String dottedPath) {
        Object cur = tree;
        for (String step : dottedPath.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(step)) {
                return Optional.empty();
            }
            cur = m.get(step);
        }
        return Optional.ofNullable(cur);
    }

    /** Merges levels from lowest to highest precedence, as Chef merges node attributes. */
    @SafeVarargs
    public static Map<String, Object> merge(Map<String, Object>... lowestFirst) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> level : lowestFirst) {
            deepMerge(out, level);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        if (from == null) {
            return;
        }
        from.forEach((k, v) -> {
            Object existing = into.get(k);
            if (existing instanceof Map<?, ?> em && v instanceof Map<?, ?> vm) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) em);
                deepMerge(merged, (Map<String, Object>) vm);
                into.put(k, merged);
            } else {
                into.put(k, v);
            }
        });
    }

    /** Sets a value at a dotted path in a copy of the tree, creating maps on the way. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> tree, String dottedPath, Object value) {
        List<String> steps = List.of(dottedPath.split("\\."));
        Map<String, Object> root = new LinkedHashMap<>(tree);
        Map<String, Object> cur = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object next = cur.get(steps.get(i));
            Map<String, Object> copy = next instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            cur.put(steps.get(i), copy);
            cur = copy;
        }
        cur.put(steps.get(steps.size() - 1), value);
        return root;
    }
}
