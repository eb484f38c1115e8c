package dev.galley.knife;

import java.util.ArrayList;
import java.util.List;

/**
 * The two column layouts knife takes from HighLine's {@code list}: {@code :columns_down} (bulk delete's list of
 * names) and {@code :uneven_columns_across} (environment compare's matrix). Columns are joined by two spaces;
 * trailing spaces are left out.
 */
final class Columns {
    /** HighLine's line width when it is not told one. */
    static final int LINE_WIDTH = 80;
    private static final String JOIN = "  ";

    /**
     * One cell of a matrix: its text and an ANSI colour (null for none).
     *
     * @param text the text
     * @param ansi the colour's escape sequence, or null
     */
    record Cell(String text, String ansi) {
    }

    private Columns() {
    }

    /** As many equal columns as fit in {@code width}, filled top to bottom. */
    static String down(List<String> items, int width) {
        if (items.isEmpty()) {
            return "";
        }
        int max = items.stream().mapToInt(String::length).max().orElse(0);
        int columns = Math.max(1, (width + JOIN.length()) / (max + JOIN.length()));
        int rows = (items.size() + columns - 1) / columns;
        List<List<String>> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lines.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            lines.get(i % rows).add(items.get(i));
        }
        StringBuilder b = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder l = new StringBuilder();
            for (String item : line) {
                l.append(pad(item, max)).append(JOIN);
            }
            b.append(l.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** Rows of {@code columns} cells, left to right, each column as wide as its widest cell. */
    static String across(List<Cell> cells, int columns, boolean color) {
        int[] widths = new int[columns];
        for (int i = 0; i < cells.size(); i++) {
            widths[i % columns] = Math.max(widths[i % columns], cells.get(i).text().length());
        }
        StringBuilder b = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String text = color && c.ansi() != null ? c.ansi() + c.text() + "\u001b[0m" : c.text();
            line.append(text).append(" ".repeat(widths[i % columns] - c.text().length()));
            if (i % columns == columns - 1 || i == cells.size() - 1) {
                b.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
            } else {
                line.append(JOIN);
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
