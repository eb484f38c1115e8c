package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Ruby source text with a read position and line numbers, shared by the lexer and the string-literal reader. */
final class RubySource {
    final Path file;
    final String text;
    int pos;
    private final int lineOffset;
    private final int[] lineStarts;

    /**
     * @param lineOffset lines before this text in its file (a heredoc body is lexed on its own, at its own line)
     */
    RubySource(Path file, String text, int lineOffset) {
        this.file = file;
        this.text = text;
        this.lineOffset = lineOffset;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of a position. */
    int lineOf(int position) {
        int i = Arrays.binarySearch(lineStarts, position);
        return lineOffset + (i >= 0 ? i + 1 : -i - 1);
    }

    /** The character {@code ahead} of the position, or NUL past the end. */
    char peek(int ahead) {
        int p = pos + ahead;
        return p < text.length() ? text.charAt(p) : '\0';
    }

    ChefConfigException error(int line, String message) {
        return new ChefConfigException(file, line, message);
    }
}
