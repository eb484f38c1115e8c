package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.internal.ruby.Token.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parser's view of the tokens: where it is, what comes next, and how to say what went wrong (which keywords
 * and operators are outside the subset, and how a token reads in a message).
 */
abstract class TokenStream {
    static final Map<String, String> UNSUPPORTED_KEYWORDS = Map.ofEntries(
            Map.entry("if", "'if' (a conditional)"), Map.entry("unless", "'unless' (a conditional)"),
            Map.entry("case", "'case' (a conditional)"), Map.entry("while", "'while' (a loop)"),
            Map.entry("until", "'until' (a loop)"), Map.entry("for", "'for' (a loop)"),
            Map.entry("begin", "'begin' (exception handling)"), Map.entry("rescue", "'rescue' (exception handling)"),
            Map.entry("ensure", "'ensure' (exception handling)"), Map.entry("def", "'def' (a method definition)"),
            Map.entry("class", "'class' (a class definition)"), Map.entry("module", "'module' (a module definition)"),
            Map.entry("return", "'return'"), Map.entry("yield", "'yield'"), Map.entry("break", "'break'"),
            Map.entry("next", "'next'"), Map.entry("redo", "'redo'"), Map.entry("retry", "'retry'"),
            Map.entry("super", "'super'"), Map.entry("self", "'self'"), Map.entry("alias", "'alias'"),
            Map.entry("undef", "'undef'"), Map.entry("defined?", "'defined?'"), Map.entry("not", "'not'"),
            Map.entry("and", "'and'"), Map.entry("or", "'or'"), Map.entry("BEGIN", "'BEGIN'"),
            Map.entry("END", "'END'"), Map.entry("then", "'then'"), Map.entry("else", "'else'"),
            Map.entry("elsif", "'elsif'"), Map.entry("when", "'when'"));
    static final Set<String> UNSUPPORTED_OPERATORS = Set.of("&&", "-", "*", "/", "%", "==", "!=", "<", ">",
            "<=", ">=", "<=>", "===", "=~", "!~", "?", "**", "<<", ">>", "..", "...", "&", "^", "+=", "-=", "*=", "/=",
            "&&=", "**=");
    static final Set<String> NOT_AN_ARGUMENT = Set.of("do", "end", "if", "unless", "while", "until", "and",
            "or", "then", "rescue", "else", "elsif", "when", "in", "ensure");

    final Path file;
    final RubyDialect dialect;
    private final List<Token> tokens;
    int i;

    TokenStream(Path file, RubyDialect dialect, List<Token> tokens) {
        this.file = file;
        this.dialect = dialect;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(i);
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(i);
        if (t.kind() != Kind.EOF) {
            i++;
        }
        return t;
    }

    boolean atOp(String op) {
        return peek().isOp(op);
    }

    void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            i++;
        }
    }

    Token expectOp(String op, String where) {
        Token t = peek();
        if (!t.isOp(op)) {
            throw error(t.line(), "expected '" + op + "' " + where + ", found " + describe(t));
        }
        return next();
    }

    ChefConfigException error(int line, String message) {
        return new ChefConfigException(file, line, message);
    }

    ChefConfigException unsupported(int line, String construct) {
        return dialect.unsupported(file, line, construct);
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case NEWLINE -> "the end of the line";
            case EOF -> "the end of the file";
            case STRING -> "a string";
            case INTEGER, FLOAT -> "the number " + t.text();
            case SYMBOL -> "the symbol :" + t.text();
            case LABEL -> "'" + t.text() + ":'";
            default -> "'" + t.text() + "'";
        };
    }

    Token nextAfterNewlines() {
        int k = i;
        while (tokens.get(k).kind() == Kind.NEWLINE) {
            k++;
        }
        return tokens.get(k);
    }

    ChefConfigException unexpected(Token t) {
        if (t.kind() == Kind.IDENT && UNSUPPORTED_KEYWORDS.containsKey(t.text())) {
            return unsupported(t.line(), UNSUPPORTED_KEYWORDS.get(t.text()));
        }
        if (t.kind() == Kind.OP && UNSUPPORTED_OPERATORS.contains(t.text())) {
            return unsupported(t.line(), "the operator '" + t.text() + "'");
        }
        if (t.kind() == Kind.OP && t.text().startsWith("%")) {
            return unsupported(t.line(), "'" + t.text() + "' literals");
        }
        if (t.kind() == Kind.BACKTICK) {
            return unsupported(t.line(), "backticks (running a command)");
        }
        return error(t.line(), "did not expect " + describe(t) + " here: Galley reads one statement per line, such "
                + "as name \"value\" or knife[:key] = \"value\"");
    }
}
