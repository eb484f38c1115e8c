package dev.galley.chef;

import dev.galley.core.GalleyException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a run list: {@code recipe[nginx::default@1.2.0]} or {@code role[web]}.
 *
 * @param type    recipe or role
 * @param name    the recipe ("nginx", "nginx::server") or role name
 * @param version a pinned cookbook version (recipes only)
 */
public record RunListItem(Type type, String name, Optional<String> version) {
    private static final Pattern QUALIFIED = Pattern.compile("^(recipe|role)\\[([^\\]@\\s]+)(?:@([0-9][0-9.]*))?]$");
    private static final Pattern BARE = Pattern.compile("^([A-Za-z0-9_\\-.:]+)(?:@([0-9][0-9.]*))?$");

    /** What a run-list entry names. */
    public enum Type { RECIPE, ROLE }

    public RunListItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        version = version == null ? Optional.empty() : version;
        if (type == Type.ROLE && version.isPresent()) {
            throw new IllegalArgumentException("a role cannot have a version: " + name);
        }
    }

    public static RunListItem recipe(String name) {
        return new RunListItem(Type.RECIPE, name, Optional.empty());
    }

    public static RunListItem role(String name) {
        return new RunListItem(Type.ROLE, name, Optional.empty());
    }

    /**
     * Parses an entry as knife does: {@code recipe[x]}, {@code role[x]}, or a bare name meaning {@code recipe[x]}.
     *
     * @throws GalleyException (bad input) for anything else
     */
    public static RunListItem parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher q = QUALIFIED.matcher(t);
        if (q.matches()) {
            Type type = q.group(1).equals("role") ? Type.ROLE : Type.RECIPE;
            if (type == Type.ROLE && q.group(3) != null) {
                throw GalleyException.badInput("run list entry '" + t + "': a role cannot have a version");
            }
            return new RunListItem(type, q.group(2), Optional.ofNullable(q.group(3)));
        }
        Matcher b = BARE.matcher(t);
        if (b.matches()) {
            return new RunListItem(Type.RECIPE, b.group(1), Optional.ofNullable(b.group(2)));
        }
        throw GalleyException.badInput("'" + t + "' is not a run list entry: write recipe[NAME], recipe[NAME@VERSION] "
                + "or role[NAME]");
    }

    /** The cookbook a recipe entry belongs to ("nginx" for nginx::server); empty for roles. */
    public Optional<String> cookbook() {
        if (type == Type.ROLE) {
            return Optional.empty();
        }
        int sep = name.indexOf("::");
        return Optional.of(sep >= 0 ? name.substring(0, sep) : name);
    }

    @Override
    public String toString() {
        return (type == Type.ROLE ? "role[" : "recipe[") + name + version.map(v -> "@" + v).orElse("") + "]";
    }
}
