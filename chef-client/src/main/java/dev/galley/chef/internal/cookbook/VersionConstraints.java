package dev.galley.chef.internal.cookbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version constraints as Chef's metadata DSL accepts and writes them: cookbook and platform constraints
 * ({@code Chef::VersionConstraint}, one operator and version, a lone version meaning "=") and the RubyGems-style
 * requirements of {@code chef_version} / {@code ohai_version}.
 */
final class VersionConstraints {
    /** What {@code depends 'x'} and {@code supports 'y'} mean without a constraint. */
    static final String ANY = ">= 0.0.0";

    private static final Pattern CHEF = Pattern.compile("^(<|>|=|<=|>=|~>) *([0-9].*)$");
    private static final Pattern COOKBOOK_VERSION = Pattern.compile("^\\d+\\.\\d+(\\.\\d+)?$");
    private static final Pattern PLATFORM_VERSION = Pattern.compile("^\\d+(\\.\\d+)?(\\.\\d+)?$");
    private static final Pattern GEM = Pattern.compile("^\\s*(=|!=|>|<|>=|<=|~>)?\\s*([0-9][0-9A-Za-z.\\-]*)\\s*$");

    private VersionConstraints() {
    }

    /**
     * A cookbook ({@code platform} false) or platform constraint written as Chef writes it ("~> 1.2", "= 2.0.0"),
     * or empty when it is not one.
     */
    static Optional<String> chef(String text, boolean platform) {
        String t = text.strip();
        String op;
        String version;
        Matcher m = CHEF.matcher(t);
        if (t.indexOf(' ') < 0 && !t.isEmpty() && Character.isDigit(t.charAt(0))) {
            op = "=";
            version = t;
        } else if (m.matches()) {
            op = m.group(1);
            version = m.group(2);
        } else {
            return Optional.empty();
        }
        Pattern valid = platform ? PLATFORM_VERSION : COOKBOOK_VERSION;
        return valid.matcher(version).matches() ? Optional.of(op + " " + version) : Optional.empty();
    }

    /** A RubyGems requirement as {@code Gem::Requirement} writes it (">= 15", "= 16.1"), or empty. */
    static Optional<String> gem(String text) {
        Matcher m = GEM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of((m.group(1) == null ? "=" : m.group(1)) + " " + m.group(2));
    }

    /** A cookbook version as {@code Chef::Version} writes it ("1.2" becomes "1.2.0"), or empty. */
    static Optional<String> cookbookVersion(String text) {
        String t = text.strip();
        if (!COOKBOOK_VERSION.matcher(t).matches()) {
            return Optional.empty();
        }
        String[] parts = t.split("\\.");
        try {
            return Optional.of(Long.parseLong(parts[0]) + "." + Long.parseLong(parts[1]) + "."
                    + (parts.length > 2 ? Long.parseLong(parts[2]) : 0));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
