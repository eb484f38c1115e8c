package dev.galley.knife.internal.repo;

import dev.galley.knife.internal.repo.RepoSide.EntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which paths of two sides a pattern selects (chef-fs's list_pairs): listing only what the pattern can reach. */
final class RepoSelection {
    private RepoSelection() {
    }

    /** The paths on either side that match, outermost first; what lies below a match is not listed. */
    static List<String> select(RepoPattern pattern, RepoSide a, RepoSide b) {
        List<String> out = new ArrayList<>();
        if (pattern.matches("/")) {
            out.add("/");
            return out;
        }
        visit("/", pattern, a, b, out);
        return out;
    }

    private static void visit(String dir, RepoPattern pattern, RepoSide a, RepoSide b, List<String> out) {
        Set<String> children = new TreeSet<>(a.children(dir));
        children.addAll(b.children(dir));
        for (String child : children) {
            if (pattern.matches(child)) {
                out.add(child);
            } else if ((a.type(child) == EntryType.DIRECTORY || b.type(child) == EntryType.DIRECTORY)
                    && pattern.couldMatchBelow(child)) {
                visit(child, pattern, a, b, out);
            }
        }
    }
}
