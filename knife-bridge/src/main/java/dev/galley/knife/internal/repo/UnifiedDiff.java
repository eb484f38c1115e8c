package dev.galley.knife.internal.repo;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in unified format ({@code diff -u}: "---"/"+++" headers, "@@ -a,b +c,d @@" hunks with
 * three lines of context), as knife diff prints it, without the temporary files' timestamps.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Beyond this many cells the changed middle is shown as removed and added whole, not aligned line by line. */
    private static final long MAX_CELLS = 16_000_000L;

    private enum Op { SAME, DELETE, INSERT }

    private record Edit(Op op, String line, int oldLine, int newLine) {
    }

    private UnifiedDiff() {
    }

    /** The unified diff, ending in a newline; empty when the texts have the same lines. */
    public static String of(String oldName, String newName, String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.op == Op.SAME)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within twice the context.
            while (true) {
                while (end < edits.size() && edits.get(end).op != Op.SAME) {
                    end++;
                }
                int next = end;
                while (next < edits.size() && edits.get(next).op == Op.SAME) {
                    next++;
                }
                if (next < edits.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
            }
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldCount = 0;
        int newCount = 0;
        int oldStart = -1;
        int newStart = -1;
        for (Edit e : hunk) {
            if (e.op != Op.INSERT) {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = e.oldLine;
                }
            }
            if (e.op != Op.DELETE) {
                newCount++;
                if (newStart < 0) {
                    newStart = e.newLine;
                }
            }
        }
        // An empty side starts at the line before the hunk, as diff -u writes it (0 at the top of the file).
        if (oldStart < 0) {
            oldStart = hunk.get(0).oldLine - 1;
        }
        if (newStart < 0) {
            newStart = hunk.get(0).newLine - 1;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(switch (e.op) {
                case SAME -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            }).append(e.line).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The edit script; line numbers are 1-based, and for an insert oldLine is the old line it goes before. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> ma = a.subList(prefix, a.size() - suffix);
        List<String> mb = b.subList(prefix, b.size() - suffix);
        List<Op> middle = (long) ma.size() * mb.size() > MAX_CELLS ? replaceAll(ma.size(), mb.size())
                : lcs(ma, mb);
        List<Edit> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (int k = 0; k < prefix; k++) {
            out.add(new Edit(Op.SAME, a.get(i), ++i, ++j));
        }
        for (Op op : middle) {
            switch (op) {
                case SAME -> out.add(new Edit(Op.SAME, a.get(i), ++i, ++j));
                case DELETE -> out.add(new Edit(Op.DELETE, a.get(i), ++i, j + 1));
                case INSERT -> out.add(new Edit(Op.INSERT, b.get(j), i + 1, ++j));
            }
        }
        for (int k = 0; k < suffix; k++) {
            out.add(new Edit(Op.SAME, a.get(i), ++i, ++j));
        }
        return out;
    }

    private static List<Op> replaceAll(int deletes, int inserts) {
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < deletes; k++) {
            ops.add(Op.DELETE);
        }
        for (int k = 0; k < inserts; k++) {
            ops.add(Op.INSERT);
        }
        return ops;
    }

    private static List<Op> lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(Op.SAME);
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                ops.add(Op.DELETE);
                i++;
            } else {
                ops.add(Op.INSERT);
                j++;
            }
        }
        while (i++ < n) {
            ops.add(Op.DELETE);
        }
        while (j++ < m) {
            ops.add(Op.INSERT);
        }
        return ops;
    }
}
