package dev.galley.chef.internal.ruby;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Ruby's path string functions ({@code File.dirname}, {@code basename}, {@code join}, {@code expand_path}) with
 * Ruby's results, including its corner cases ({@code File.dirname("a") == "."}, {@code File.join("a/", "/b")
 * == "a/b"}). Pure string work: nothing here touches the file system.
 */
final class RubyPaths {
    private RubyPaths() {
    }

    static String dirname(String path) {
        String p = stripTrailingSlashes(path);
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        String dir = stripTrailingSlashes(p.substring(0, slash));
        return dir.isEmpty() ? "/" : dir;
    }

    static String basename(String path, String suffix) {
        String p = stripTrailingSlashes(path);
        if (p.equals("/")) {
            return "/";
        }
        String base = p.substring(p.lastIndexOf('/') + 1);
        if (suffix == null || suffix.isEmpty()) {
            return base;
        }
        if (suffix.equals(".*")) {
            int dot = base.lastIndexOf('.');
            return dot > 0 ? base.substring(0, dot) : base;
        }
        return base.endsWith(suffix) && !base.equals(suffix) ? base.substring(0, base.length() - suffix.length())
                : base;
    }

    /** {@code File.join}: one separator between parts, existing separators kept inside parts. */
    static String join(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            String part = parts.get(k);
            if (k == 0) {
                b.append(part);
                continue;
            }
            boolean endsWithSlash = !b.isEmpty() && b.charAt(b.length() - 1) == '/';
            boolean startsWithSlash = part.startsWith("/");
            if (endsWithSlash && startsWithSlash) {
                b.append(part.replaceFirst("^/+", ""));
            } else if (!endsWithSlash && !startsWithSlash) {
                b.append('/').append(part);
            } else {
                b.append(part);
            }
        }
        return b.toString();
    }

    /**
     * {@code File.expand_path(path, base)}: an absolute, normalized path; {@code ~} is the home directory, a relative
     * path is resolved against {@code base} (itself expanded) or else the working directory.
     *
     * @param expandTilde false for {@code File.absolute_path}, which treats {@code ~} as a plain name
     * @return the expanded path, or null when it names another user's home ({@code ~bob}), which is not supported
     */
    static String expand(String path, String base, String home, String cwd, boolean expandTilde) {
        String p = path;
        if (expandTilde && p.startsWith("~")) {
            if (!p.equals("~") && !p.startsWith("~/")) {
                return null;
            }
            p = home + p.substring(1);
        }
        if (!p.startsWith("/")) {
            String dir = base == null ? cwd : expand(base, null, home, cwd, expandTilde);
            if (dir == null) {
                return null;
            }
            p = dir + "/" + p;
        }
        return normalize(p);
    }

    private static String normalize(String absolute) {
        Deque<String> out = new ArrayDeque<>();
        for (String seg : absolute.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static String stripTrailingSlashes(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }
}
