package dev.galley.knife.internal.repo;

import dev.galley.core.GalleyException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A knife chef-fs path pattern ({@code /roles}, {@code /cookbooks/nginx}, {@code /data_bags/*}{@code /x.json},
 * {@code /**}{@code /web*}): absolute, "/" separated, each part a glob ({@code *}, {@code ?}, {@code [a-z]},
 * backslash escapes) or {@code **} for any number of parts. As a convenience a last part without an extension also
 * matches the object file of that name ({@code /roles/web} matches {@code /roles/web.json}).
 */
public final class RepoPattern {
    private static final String ANY_DEPTH = "**";

    private final String text;
    private final List<String> parts;
    private final List<Pattern> regexes;

    private RepoPattern(String text, List<String> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
        List<Pattern> r = new ArrayList<>();
        for (String p : parts) {
            try {
                r.add(p.equals(ANY_DEPTH) ? null : Pattern.compile(globToRegex(p)));
            } catch (PatternSyntaxException e) {
                throw GalleyException.badInput("pattern '" + text + "' is not a valid glob: " + e.getDescription());
            }
        }
        this.regexes = r;
    }

    /** A pattern from an absolute path ("/roles/*.json"); "." and ".." parts are resolved. */
    public static RepoPattern of(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("not absolute: " + absolute);
        }
        List<String> parts = new ArrayList<>();
        for (String p : absolute.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return new RepoPattern("/" + String.join("/", parts), parts);
    }

    /** The pattern as an absolute path ("/roles/web.json"). */
    public String text() {
        return text;
    }

    /** The pattern's parts, "/" separated. */
    public List<String> parts() {
        return parts;
    }

    /** Whether the pattern has no wildcard, so it names one path. */
    public boolean isExact() {
        return parts.stream().noneMatch(RepoPattern::hasWildcard);
    }

    /** Whether {@code path} ("/roles/web.json") matches the whole pattern. */
    public boolean matches(String path) {
        List<String> p = RepoPaths.parts(path);
        if (matchFrom(0, p, 0)) {
            return true;
        }
        // "/roles/web" also names "/roles/web.json".
        if (!p.isEmpty() && !parts.isEmpty() && p.get(p.size() - 1).endsWith(".json")) {
            String last = parts.get(parts.size() - 1);
            if (!last.contains(".") && !hasWildcard(last)) {
                List<String> stripped = new ArrayList<>(p);
                String name = stripped.remove(stripped.size() - 1);
                stripped.add(name.substring(0, name.length() - ".json".length()));
                return matchFrom(0, stripped, 0);
            }
        }
        return false;
    }

    /** Whether {@code path} or one of its ancestors matches: the copy of a matched directory takes all it holds. */
    public boolean covers(String path) {
        String p = path;
        while (true) {
            if (matches(p)) {
                return true;
            }
            if (p.equals("/")) {
                return false;
            }
            p = RepoPaths.parent(p);
        }
    }

    /** Whether something below directory {@code path} could match (so the directory is worth listing). */
    public boolean couldMatchBelow(String path) {
        return prefixFrom(0, RepoPaths.parts(path), 0);
    }

    private boolean matchFrom(int pi, List<String> path, int ci) {
        if (pi == parts.size()) {
            return ci == path.size();
        }
        if (regexes.get(pi) == null) {
            for (int skip = ci; skip <= path.size(); skip++) {
                if (matchFrom(pi + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return ci < path.size() && regexes.get(pi).matcher(path.get(ci)).matches() && matchFrom(pi + 1, path, ci + 1);
    }

    private boolean prefixFrom(int pi, List<String> path, int ci) {
        if (ci == path.size()) {
            return pi < parts.size();
        }
        if (pi == parts.size()) {
            return false;
        }
        if (regexes.get(pi) == null) {
            return true;
        }
        return regexes.get(pi).matcher(path.get(ci)).matches() && prefixFrom(pi + 1, path, ci + 1);
    }

    private static boolean hasWildcard(String part) {
        return part.contains("*") || part.contains("?") || part.contains("[") || part.contains("\\");
    }

    private static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> r.append("[^/]*");
                case '?' -> r.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        r.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end);
                        if (cls.startsWith("!")) {
                            cls = "^" + cls.substring(1);
                        }
                        r.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    } else {
                        r.append("\\\\");
                    }
                }
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
