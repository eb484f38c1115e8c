package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.internal.ruby.Token.Kind;
import dev.galley.chef.internal.ruby.Token.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Ruby source into tokens: comments, strings with escapes and {@code #{}} interpolation, heredocs,
 * {@code %w[]} word arrays, symbols, numbers, names and operators. It never decides what a name means; the parser
 * does.
 */
final class RubyLexer {
    private static final String[] OPERATORS = {"**=", "||=", "&&=", "<=>", "===", "...", "**", "==", "!=", "=~", "!~",
        "=>", "<=", ">=", "||", "&&", "::", "&.", "+=", "-=", "*=", "/=", "<<", ">>", "..", "->"};

    private final RubySource source;
    private final String src;
    private final RubyStringLiterals strings;
    private boolean space;
    private Token last;
    // A heredoc's body follows the line that opens it; lexing skips it when it reaches that line's end.
    private int heredocLineEnd = -1;
    private int heredocResume = -1;

    private RubyLexer(RubySource source) {
        this.source = source;
        this.src = source.text;
        this.strings = new RubyStringLiterals(source, this::interpolation);
    }

    /** The tokens of a whole file, ending with EOF. */
    static List<Token> tokenize(Path file, String source) {
        return new RubyLexer(new RubySource(file, source, 0)).lex(false);
    }

    private int lineOf(int position) {
        return source.lineOf(position);
    }

    private ChefConfigException error(int line, String message) {
        return source.error(line, message);
    }

    private char peek(int ahead) {
        return source.peek(ahead);
    }

    private List<Token> interpolation() {
        boolean savedSpace = space;
        Token savedLast = last;
        List<Token> tokens = lex(true);
        space = savedSpace; // the interpolation's tokens must not change how the string itself was spaced
        last = savedLast;
        return tokens;
    }

    private boolean atLineStart() {
        return source.pos == 0 || src.charAt(source.pos - 1) == '\n';
    }

    private void emit(List<Token> out, Kind kind, String text, int line, List<Part> parts) {
        Token t = new Token(kind, text, line, space, parts);
        out.add(t);
        last = t;
        space = false;
    }

    private List<Token> lex(boolean untilClosingBrace) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int startLine = lineOf(source.pos);
        while (true) {
            if (source.pos >= src.length() || atLineStart() && isEndMarker()) {
                if (untilClosingBrace) {
                    throw error(startLine, "the #{ opened here is never closed: add the closing }");
                }
                emit(out, Kind.EOF, "end of file", lineOf(Math.min(source.pos, src.length())), null);
                return out;
            }
            char c = src.charAt(source.pos);
            int line = lineOf(source.pos);
            if (atLineStart() && src.startsWith("=begin", source.pos)) {
                skipBlockComment(line);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                source.pos++;
                space = true;
            } else if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r' && peek(2) == '\n')) {
                source.pos += peek(1) == '\n' ? 2 : 3; // a backslash at the end of a line continues the statement
                space = true;
            } else if (c == '\n') {
                emit(out, Kind.NEWLINE, "end of line", line, null);
                space = true;
                if (source.pos == heredocLineEnd) {
                    source.pos = heredocResume;
                    heredocLineEnd = -1;
                    heredocResume = -1;
                } else {
                    source.pos++;
                }
            } else if (c == '#') {
                while (source.pos < src.length() && src.charAt(source.pos) != '\n') {
                    source.pos++;
                }
            } else if (c == '"') {
                source.pos++;
                emit(out, Kind.STRING, "string", line, strings.readInterpolated('"', '"', false));
            } else if (c == '\'') {
                source.pos++;
                emit(out, Kind.STRING, "string", line, List.of(new Part.Text(strings.readRaw('\'', '\''))));
            } else if (c == '`') {
                source.pos++;
                emit(out, Kind.BACKTICK, "`", line, null);
            } else if (c == ':') {
                lexColon(out, line);
            } else if (c == '%' && percentLiteralAhead()) {
                lexPercent(out, line);
            } else if (c == '$') {
                source.pos++;
                int start = source.pos;
                if (isIdentChar(peek(0))) {
                    skipIdentChars();
                } else if (source.pos < src.length()) {
                    source.pos++;
                }
                emit(out, Kind.GVAR, "$" + src.substring(start, source.pos), line, null);
            } else if (c == '@') {
                int start = source.pos;
                while (peek(0) == '@') {
                    source.pos++;
                }
                skipIdentChars();
                emit(out, Kind.IVAR, src.substring(start, source.pos), line, null);
            } else if (Character.isDigit(c) || c == '-' && Character.isDigit(peek(1)) && negativeNumberAllowed()) {
                lexNumber(out, line);
            } else if (isIdentStart(c)) {
                lexName(out, line);
            } else if (c == '<' && heredocAhead()) {
                lexHeredoc(out, line);
            } else if (c == '{') {
                source.pos++;
                depth++;
                emit(out, Kind.OP, "{", line, null);
            } else if (c == '}') {
                source.pos++;
                if (untilClosingBrace && depth == 0) {
                    emit(out, Kind.EOF, "end of interpolation", line, null);
                    return out;
                }
                depth--;
                emit(out, Kind.OP, "}", line, null);
            } else {
                lexOperator(out, line);
            }
        }
    }

    private boolean isEndMarker() {
        int end = src.indexOf('\n', source.pos);
        String lineText = src.substring(source.pos, end < 0 ? src.length() : end).stripTrailing();
        return lineText.equals("__END__");
    }

    private void skipBlockComment(int line) {
        int p = source.pos;
        while (true) {
            int next = src.indexOf('\n', p);
            if (next < 0) {
                throw error(line, "the =begin comment opened here is never closed: add a line with =end");
            }
            p = next + 1;
            if (src.startsWith("=end", p)) {
                int end = src.indexOf('\n', p);
                source.pos = end < 0 ? src.length() : end;
                return;
            }
        }
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }

    private void skipIdentChars() {
        while (source.pos < src.length() && isIdentChar(src.charAt(source.pos))) {
            source.pos++;
        }
    }

    private boolean lastIsValue() {
        if (last == null) {
            return false;
        }
        return switch (last.kind()) {
            case IDENT, CONST, GVAR, IVAR, SYMBOL, STRING, WORDS, SYMBOLS, INTEGER, FLOAT -> true;
            case OP -> last.isOp(")") || last.isOp("]") || last.isOp("}");
            default -> false;
        };
    }

    private boolean negativeNumberAllowed() {
        // "x - 1" subtracts; "depends 'x', -1" and "f -1" pass a negative number, as Ruby reads them.
        return !lastIsValue() || space && last.kind() == Kind.IDENT && peek(1) != ' ';
    }

    private void lexNumber(List<Token> out, int line) {
        int start = source.pos;
        if (src.charAt(source.pos) == '-') {
            source.pos++;
        }
        skipDigits();
        boolean isFloat = false;
        if (peek(0) == '.' && Character.isDigit(peek(1))) {
            isFloat = true;
            source.pos++;
            skipDigits();
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (Character.isDigit(peek(1)) || (peek(1) == '-' || peek(1) == '+') && Character.isDigit(peek(2)))) {
            isFloat = true;
            source.pos += 2;
            skipDigits();
        }
        String text = src.substring(start, source.pos).replace("_", "");
        emit(out, isFloat ? Kind.FLOAT : Kind.INTEGER, text, line, null);
    }

    private void skipDigits() {
        while (Character.isDigit(peek(0)) || peek(0) == '_') {
            source.pos++;
        }
    }

    private void lexName(List<Token> out, int line) {
        int start = source.pos;
        skipIdentChars();
        if ((peek(0) == '?' || peek(0) == '!') && peek(1) != '=') {
            source.pos++;
        }
        String name = src.substring(start, source.pos);
        if (peek(0) == ':' && peek(1) != ':' && name.indexOf('?') < 0) {
            source.pos++;
            emit(out, Kind.LABEL, name, line, null);
            return;
        }
        boolean constant = Character.isUpperCase(name.charAt(0));
        emit(out, constant ? Kind.CONST : Kind.IDENT, name, line, null);
    }

    private void lexColon(List<Token> out, int line) {
        char next = peek(1);
        if (next == ':') {
            source.pos += 2;
            emit(out, Kind.OP, "::", line, null);
        } else if (isIdentStart(next)) {
            source.pos++;
            int start = source.pos;
            skipIdentChars();
            if (peek(0) == '?' || peek(0) == '!' || peek(0) == '=' && peek(1) != '>' && peek(1) != '=') {
                source.pos++;
            }
            emit(out, Kind.SYMBOL, src.substring(start, source.pos), line, null);
        } else if (next == '"' || next == '\'') {
            source.pos += 2;
            String name;
            if (next == '\'') {
                name = strings.readRaw('\'', '\'');
            } else {
                List<Part> parts = strings.readInterpolated('"', '"', false);
                if (parts.stream().anyMatch(p -> p instanceof Part.Code)) {
                    throw error(line, "a symbol with #{} interpolation is not supported: write it as a string");
                }
                name = parts.stream().map(p -> ((Part.Text) p).text()).reduce("", String::concat);
            }
            emit(out, Kind.SYMBOL, name, line, null);
        } else {
            source.pos++;
            emit(out, Kind.OP, ":", line, null);
        }
    }

    private boolean percentLiteralAhead() {
        char type = peek(1);
        char delimiter = "wWiIqQrsx".indexOf(type) >= 0 ? peek(2) : type;
        boolean delimiterOk = delimiter != '\0' && !Character.isLetterOrDigit(delimiter)
                && !Character.isWhitespace(delimiter) && delimiter != '=';
        // "a % b" is arithmetic; "name %w[a b]" and "[%w(a b)]" are literals, as Ruby reads them.
        return delimiterOk && (!lastIsValue() || space && last.kind() == Kind.IDENT);
    }

    private void lexPercent(List<Token> out, int line) {
        char type = peek(1);
        if ("wWiIqQrsx".indexOf(type) >= 0) {
            source.pos += 2;
        } else {
            type = 'Q';
            source.pos++;
        }
        char open = src.charAt(source.pos++);
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        switch (type) {
            case 'w', 'W', 'i', 'I' -> {
                String raw = strings.readRaw(open, close);
                if (Character.isUpperCase(type) && raw.contains("#{")) {
                    throw error(line, "%" + type + " with #{} interpolation is not supported: list the words as "
                            + "strings in [ ]");
                }
                List<Part> words = new ArrayList<>();
                for (String w : raw.strip().split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(new Part.Text(w));
                    }
                }
                emit(out, type == 'w' || type == 'W' ? Kind.WORDS : Kind.SYMBOLS, "%" + type, line, words);
            }
            case 'q' -> emit(out, Kind.STRING, "string", line, List.of(new Part.Text(strings.readRaw(open, close))));
            case 'Q' -> emit(out, Kind.STRING, "string", line, strings.readInterpolated(open, close, false));
            case 'x' -> {
                strings.readRaw(open, close);
                emit(out, Kind.BACKTICK, "%x", line, null);
            }
            default -> {
                strings.readRaw(open, close);
                emit(out, Kind.OP, "%" + type, line, null);
            }
        }
    }

    private boolean heredocAhead() {
        if (peek(1) != '<') {
            return false;
        }
        char flag = peek(2);
        if (flag == '~' || flag == '-') {
            char n = peek(3);
            return isIdentStart(n) || n == '\'' || n == '"';
        }
        // Plain <<ID only with an upper-case ID after a space, so "list << item" stays an operator.
        return (flag == '\'' || flag == '"' || Character.isUpperCase(flag) || flag == '_')
                && (!lastIsValue() || space);
    }

    private void lexHeredoc(List<Token> out, int line) {
        source.pos += 2;
        char flag = peek(0);
        boolean squiggly = flag == '~';
        boolean indentedEnd = squiggly || flag == '-';
        if (indentedEnd) {
            source.pos++;
        }
        boolean raw = false;
        String id;
        if (peek(0) == '\'' || peek(0) == '"') {
            char q = src.charAt(source.pos++);
            raw = q == '\'';
            int end = src.indexOf(q, source.pos);
            if (end < 0) {
                throw error(line, "the heredoc delimiter opened here is never closed");
            }
            id = src.substring(source.pos, end);
            source.pos = end + 1;
        } else {
            int start = source.pos;
            skipIdentChars();
            id = src.substring(start, source.pos);
        }
        int lineEnd = heredocLineEnd >= 0 ? heredocLineEnd : src.indexOf('\n', source.pos);
        int bodyStart = heredocLineEnd >= 0 ? heredocResume : lineEnd + 1;
        if (lineEnd < 0 || bodyStart > src.length()) {
            throw error(line, "the heredoc <<" + (indentedEnd ? flag : "") + id + " has no body: add its lines and a "
                    + "line with " + id);
        }
        int p = bodyStart;
        int bodyEnd = -1;
        int resume = -1;
        while (p < src.length()) {
            int nl = src.indexOf('\n', p);
            int e = nl < 0 ? src.length() : nl;
            String text = src.substring(p, e).replace("\r", "");
            if (indentedEnd ? text.strip().equals(id) : text.equals(id)) {
                bodyEnd = p;
                resume = nl < 0 ? src.length() : nl + 1;
                break;
            }
            p = e + 1;
        }
        if (bodyEnd < 0) {
            throw error(line, "the heredoc <<" + (indentedEnd ? flag : "") + id + " opened here is never closed: add "
                    + "a line with " + id);
        }
        heredocLineEnd = lineEnd;
        heredocResume = resume;
        String body = src.substring(bodyStart, bodyEnd);
        if (squiggly) {
            body = RubyStringLiterals.dedent(body);
        }
        int bodyLine = lineOf(bodyStart);
        List<Part> parts = raw ? List.of(new Part.Text(body))
                : new RubyLexer(new RubySource(source.file, body, bodyLine - 1)).strings.readInterpolated('\0', '\0',
                        true);
        emit(out, Kind.STRING, "heredoc", line, parts);
    }

    private void lexOperator(List<Token> out, int line) {
        for (String op : OPERATORS) {
            if (src.startsWith(op, source.pos)) {
                source.pos += op.length();
                emit(out, Kind.OP, op, line, null);
                return;
            }
        }
        emit(out, Kind.OP, String.valueOf(src.charAt(source.pos++)), line, null);
    }
}
