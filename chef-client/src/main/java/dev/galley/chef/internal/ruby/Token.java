package dev.galley.chef.internal.ruby;

import java.util.List;

/**
 * One lexical token of the Ruby subset.
 *
 * @param kind        what it is
 * @param text        its text (the identifier, operator, number, or a string's raw text for messages)
 * @param line        the 1-based line it starts on
 * @param spaceBefore whether white space precedes it, which Ruby uses to tell {@code f [1]} from {@code f[1]}
 * @param parts       for strings: literal text and interpolated code; for word arrays: one text part per word
 */
record Token(Kind kind, String text, int line, boolean spaceBefore, List<Part> parts) {

    enum Kind { IDENT, CONST, GVAR, IVAR, LABEL, SYMBOL, STRING, WORDS, SYMBOLS, INTEGER, FLOAT, OP, BACKTICK,
        NEWLINE, EOF }

    /** A piece of a string literal. */
    sealed interface Part {
        /** Literal text, escapes already applied. */
        record Text(String text) implements Part {
        }

        /** The tokens of a {@code #{...}} interpolation, ending with EOF. */
        record Code(List<Token> tokens, int line) implements Part {
        }
    }

    Token {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isOp(String t) {
        return is(Kind.OP, t);
    }

    boolean isIdent(String t) {
        return is(Kind.IDENT, t);
    }

    @Override
    public String toString() {
        return kind + "(" + (kind == Kind.STRING ? "string" : text) + ")@" + line;
    }
}
