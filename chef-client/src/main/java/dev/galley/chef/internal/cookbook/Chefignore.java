package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The glob patterns of a {@code chefignore} file and the test Chef applies with them: a cookbook file whose path
 * relative to the cookbook matches any pattern is left out of the upload.
 *
 * <p>Matching is Ruby's {@code File.fnmatch?} without flags, which Chef's {@code Chef::Cookbook::Chefignore}
 * uses: {@code *} and {@code ?} match across "/" ("*.swp" ignores "recipes/.x.swp"), but no wildcard matches a
 * "." at the very start of the path; {@code [...]} classes with {@code !} or {@code ^} negation and ranges;
 * a backslash escapes; no braces; case-sensitive.</p>
 */
public final class Chefignore {
    private static final Pattern COMMENT_OR_BLANK = Pattern.compile("^\\s*(?:#.*)?$");

    private final Optional<Path> file;
    private final List<String> globs;

    Chefignore(Optional<Path> file, List<String> globs) {
        this.file = file;
        this.globs = List.copyOf(globs);
    }

    /**
     * The chefignore of a cookbook: the one in the cookbook directory, else the one in its parent (the chef-repo's
     * cookbooks directory), else none.
     */
    public static Chefignore of(Path cookbookDirectory) {
        Path own = cookbookDirectory.resolve("chefignore");
        Path parent = cookbookDirectory.toAbsolutePath().getParent();
        Optional<Path> found = Files.exists(own) ? Optional.of(own)
                : Optional.ofNullable(parent).map(p -> p.resolve("chefignore")).filter(Files::exists);
        return found.map(Chefignore::read).orElseGet(() -> new Chefignore(Optional.empty(), List.of()));
    }

    private static Chefignore read(Path path) {
        try {
            List<String> globs = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!COMMENT_OR_BLANK.matcher(line).matches()) {
                    globs.add(line.strip());
                }
            }
            return new Chefignore(Optional.of(path), globs);
        } catch (IOException e) {
            throw new ChefConfigException(path, 0, "cannot read this chefignore file (" + e + "): fix its "
                    + "permissions or remove it");
        }
    }

    /** Patterns given directly, for tests. */
    static Chefignore of(List<String> globs) {
        return new Chefignore(Optional.empty(), globs);
    }

    /** The chefignore file the patterns came from, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** Whether a cookbook file ("recipes/default.rb", "/" separated) is ignored. */
    public boolean ignores(String relativePath) {
        for (String glob : globs) {
            if (fnmatch(glob, relativePath)) {
                return true;
            }
        }
        return false;
    }

    /** Ruby's {@code File.fnmatch?(pattern, name)} with no flags. */
    static boolean fnmatch(String pattern, String name) {
        int[] p = pattern.codePoints().toArray();
        int[] s = name.codePoints().toArray();
        // Without FNM_DOTMATCH a leading "." is matched only by a literal "." (escaped or not).
        int first = unescape(p, 0);
        if (s.length > 0 && s[0] == '.' && (first >= p.length || p[first] != '.')) {
            return false;
        }
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = -1;
        while (true) {
            if (pi < p.length && p[pi] == '*') {
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                }
                if (unescape(p, pi) >= p.length) {
                    return true;
                }
                if (si >= s.length) {
                    return false;
                }
                starP = pi;
                starS = si;
                continue;
            }
            boolean matched;
            if (pi < p.length && p[pi] == '?') {
                if (si >= s.length) {
                    return false;
                }
                matched = true;
                pi++;
                si++;
            } else if (pi < p.length && p[pi] == '[') {
                if (si >= s.length) {
                    return false;
                }
                int next = bracket(p, pi + 1, s[si]);
                matched = next >= 0;
                if (matched) {
                    pi = next;
                    si++;
                }
            } else {
                int lit = unescape(p, pi);
                if (si >= s.length) {
                    return lit >= p.length;
                }
                matched = lit < p.length && p[lit] == s[si];
                if (matched) {
                    pi = lit + 1;
                    si++;
                }
            }
            if (!matched) {
                // Let the last "*" swallow one more character and try again from there.
                if (starP < 0) {
                    return false;
                }
                pi = starP;
                starS++;
                si = starS;
                if (si > s.length) {
                    return false;
                }
            }
        }
    }

    private static int unescape(int[] p, int i) {
        return i < p.length && p[i] == '\\' ? i + 1 : i;
    }

    /** Matches {@code c} against the class starting after "["; the index after "]" on a match, else -1. */
    private static int bracket(int[] p, int i, int c) {
        boolean negate = false;
        boolean ok = false;
        if (i < p.length && (p[i] == '!' || p[i] == '^')) {
            negate = true;
            i++;
        }
        while (true) {
            if (i >= p.length) {
                return -1; // an unclosed class matches nothing, as in Ruby
            }
            if (p[i] == ']') {
                break;
            }
            int first = unescape(p, i);
            if (first >= p.length) {
                return -1;
            }
            i = first + 1;
            if (i + 1 < p.length && p[i] == '-' && p[i + 1] != ']') {
                int last = unescape(p, i + 1);
                if (last >= p.length) {
                    return -1;
                }
                i = last + 1;
                ok |= c >= p[first] && c <= p[last];
            } else {
                ok |= c == p[first];
            }
        }
        return ok != negate ? i + 1 : -1;
    }

    @Override
    public String toString() {
        return "Chefignore[" + file.map(Path::toString).orElse("none") + ", " + globs.size() + " patterns]";
    }
}
