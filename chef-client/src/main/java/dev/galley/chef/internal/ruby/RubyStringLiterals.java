package dev.galley.chef.internal.ruby;

import dev.galley.chef.internal.ruby.Token.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the bodies of Ruby string literals: single-quoted (only {@code \\} and the delimiter are escapes),
 * double-quoted (escapes and {@code #{}} interpolation, whose code the lexer tokenizes), and heredoc indentation.
 */
final class RubyStringLiterals {
    private final RubySource source;
    private final Supplier<List<Token>> interpolation;

    /**
     * @param interpolation tokenizes the code of a {@code #{...}} starting at the source's position, up to and
     *                      including the closing brace
     */
    RubyStringLiterals(RubySource source, Supplier<List<Token>> interpolation) {
        this.source = source;
        this.interpolation = interpolation;
    }

    /** Reads up to the closing delimiter; only {@code \\} and an escaped delimiter are escapes (single quotes). */
    String readRaw(char open, char close) {
        int startLine = source.lineOf(source.pos);
        StringBuilder b = new StringBuilder();
        int depth = 0;
        while (true) {
            if (source.pos >= source.text.length()) {
                throw source.error(startLine, "the string opened here is never closed: add the closing " + close);
            }
            char c = source.text.charAt(source.pos++);
            char next = source.peek(0);
            if (c == '\\' && (next == '\\' || next == close || next == open)) {
                b.append(source.text.charAt(source.pos++));
                continue;
            }
            if (c == close && depth == 0) {
                return b.toString();
            }
            if (open != close && c == open) {
                depth++;
            } else if (open != close && c == close) {
                depth--;
            }
            b.append(c);
        }
    }

    /** Reads a double-quoted string's body: escapes and {@code #{}} interpolation. */
    List<Part> readInterpolated(char open, char close, boolean toEnd) {
        int startLine = source.lineOf(source.pos);
        List<Part> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int depth = 0;
        while (true) {
            if (source.pos >= source.text.length()) {
                if (toEnd) {
                    break;
                }
                throw source.error(startLine, "the string opened here is never closed: add the closing " + close);
            }
            char c = source.text.charAt(source.pos);
            if (!toEnd && c == close && depth == 0) {
                source.pos++;
                break;
            }
            if (c == '\\') {
                source.pos++;
                escape(b, startLine);
                continue;
            }
            if (c == '#' && source.peek(1) == '{') {
                if (!b.isEmpty()) {
                    parts.add(new Part.Text(b.toString()));
                    b.setLength(0);
                }
                int line = source.lineOf(source.pos);
                source.pos += 2;
                parts.add(new Part.Code(interpolation.get(), line));
                continue;
            }
            if (!toEnd && open != close) {
                depth += c == open ? 1 : c == close ? -1 : 0;
            }
            b.append(c);
            source.pos++;
        }
        if (!b.isEmpty() || parts.isEmpty()) {
            parts.add(new Part.Text(b.toString()));
        }
        return parts;
    }

    private void escape(StringBuilder b, int startLine) {
        if (source.pos >= source.text.length()) {
            throw source.error(startLine, "the string opened here is never closed");
        }
        char c = source.text.charAt(source.pos++);
        switch (c) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 's' -> b.append(' ');
            case 'e' -> b.append('\u001b');
            case 'a' -> b.append('\u0007');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'v' -> b.append('\u000b');
            case '\n' -> { } // an escaped line break joins the lines
            case 'x' -> b.append((char) Integer.parseInt(digits(16, 2, startLine), 16));
            case 'u' -> unicodeEscape(b, startLine);
            default -> {
                if (c >= '0' && c <= '7') {
                    source.pos--;
                    b.append((char) Integer.parseInt(digits(8, 3, startLine), 8));
                } else {
                    b.append(c); // \" \\ \# and any other escaped character stand for themselves
                }
            }
        }
    }

    private String digits(int radix, int max, int line) {
        int start = source.pos;
        while (source.pos - start < max && source.pos < source.text.length()
                && Character.digit(source.text.charAt(source.pos), radix) >= 0) {
            source.pos++;
        }
        if (source.pos == start) {
            throw source.error(line, "invalid escape in a string: expected " + (radix == 16 ? "hex" : "octal")
                    + " digits");
        }
        return source.text.substring(start, source.pos);
    }

    private void unicodeEscape(StringBuilder b, int line) {
        if (source.peek(0) != '{') {
            if (source.pos + 4 > source.text.length()) {
                throw source.error(line, "invalid \\u escape in a string: expected four hex digits");
            }
            String hex = source.text.substring(source.pos, source.pos + 4);
            source.pos += 4;
            try {
                b.appendCodePoint(Integer.parseInt(hex, 16));
            } catch (NumberFormatException e) {
                throw source.error(line, "invalid \\u escape in a string: expected four hex digits");
            }
            return;
        }
        int end = source.text.indexOf('}', source.pos);
        if (end < 0) {
            throw source.error(line, "invalid \\u{...} escape in a string: add the closing }");
        }
        try {
            for (String cp : source.text.substring(source.pos + 1, end).strip().split("\\s+")) {
                b.appendCodePoint(Integer.parseInt(cp, 16));
            }
        } catch (IllegalArgumentException e) {
            throw source.error(line, "invalid \\u{...} escape in a string: expected hex code points");
        }
        source.pos = end + 1;
    }

    /** Removes the indentation of the least indented line, as a squiggly heredoc does. */
    static String dedent(String body) {
        String[] lines = body.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int i = 0;
                while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
                    i++;
                }
                indent = Math.min(indent, i);
            }
        }
        if (indent == Integer.MAX_VALUE) {
            indent = 0;
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k];
            int cut = 0;
            while (cut < indent && cut < l.length() && (l.charAt(cut) == ' ' || l.charAt(cut) == '\t')) {
                cut++;
            }
            b.append(l, cut, l.length());
            if (k < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }
}
