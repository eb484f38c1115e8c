package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.internal.ruby.Token.Kind;
import dev.galley.chef.internal.ruby.Token.Part;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Ruby subset into statements. Like Ruby, it decides at parse time whether a name is a local variable
 * (assigned earlier) or a method call; everything outside the subset is an error naming the construct and line.
 */
final class RubyParser extends TokenStream {
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Map<String, Integer> settingNamedAssignments = new LinkedHashMap<>();
    private final Set<String> localsRead = new HashSet<>();

    private RubyParser(Path file, RubyDialect dialect, List<Token> tokens) {
        super(file, dialect, tokens);
        scopes.push(new HashSet<>());
    }

    /** Parses a whole file. @throws ChefConfigException naming the file, line and construct */
    static List<Stmt> parse(Path file, String source, RubyDialect dialect) {
        RubyParser p = new RubyParser(file, dialect, RubyLexer.tokenize(file, source));
        List<Stmt> program = p.statements(null, 0);
        p.checkSettingNamedLocals();
        return program;
    }

    private void checkSettingNamedLocals() {
        // Ruby reads "chef_server_url = '...'" as a local variable, and knife silently ignores it (chef/chef#5552).
        // A variable that is read later is a real variable; one that never is, is that mistake.
        for (Map.Entry<String, Integer> e : settingNamedAssignments.entrySet()) {
            if (!localsRead.contains(e.getKey())) {
                String n = e.getKey();
                throw new ChefConfigException(file, e.getValue(), "'" + n + " = ...' sets a Ruby local variable, not "
                        + "the " + n + " setting, so knife would silently ignore it (chef/chef#5552): remove the '=' "
                        + "and write " + n + " VALUE");
            }
        }
    }

    private boolean isLocal(String name) {
        for (Set<String> s : scopes) {
            if (s.contains(name)) {
                return true;
            }
        }
        return false;
    }

    // ---- statements

    /** Statements up to EOF ({@code ender} null), or up to "end" / "}" closing a block opened on {@code line}. */
    private List<Stmt> statements(String ender, int line) {
        List<Stmt> out = new ArrayList<>();
        while (true) {
            while (peek().kind() == Kind.NEWLINE || atOp(";")) {
                i++;
            }
            Token t = peek();
            if (t.kind() == Kind.EOF) {
                if (ender != null) {
                    throw error(line, "the block opened here is never closed: add '" + ender + "'");
                }
                return out;
            }
            if (isEnder(t, ender)) {
                return out;
            }
            out.add(statement());
            Token after = peek();
            if (after.kind() == Kind.NEWLINE || after.isOp(";") || after.kind() == Kind.EOF || isEnder(after, ender)) {
                continue;
            }
            throw unexpected(after);
        }
    }

    private static boolean isEnder(Token t, String ender) {
        return ender != null && (ender.equals("end") ? t.isIdent("end") : t.isOp(ender));
    }

    private Stmt statement() {
        Token t = peek();
        if (t.kind() == Kind.IDENT && UNSUPPORTED_KEYWORDS.containsKey(t.text())) {
            throw unsupported(t.line(), UNSUPPORTED_KEYWORDS.get(t.text()));
        }
        Token op = peekAt(1);
        if (t.kind() == Kind.IDENT && !t.text().equals("knife") && (op.isOp("=") || op.isOp("||=") || op.isOp("+="))) {
            i += 2;
            skipNewlines();
            Expr value = expression(true);
            if (op.isOp("=") && dialect.settingNames().contains(t.text())) {
                settingNamedAssignments.putIfAbsent(t.text(), t.line());
            }
            scopes.peek().add(t.text());
            return new Stmt.Assign(t.text(), op.text(), value, t.line());
        }
        Expr target = expression(true);
        if (atOp("=") || atOp("||=")) {
            boolean orAssign = next().text().equals("||=");
            skipNewlines();
            Expr value = expression(true);
            if (target instanceof Expr.Index ix && ix.receiver() instanceof Expr.Call c && c.isBare("knife")) {
                return new Stmt.KnifeAssign(ix.key(), value, orAssign, t.line());
            }
            if (!orAssign && target instanceof Expr.Index ix && isChefConfig(ix.receiver())) {
                return new Stmt.ConfigAssign(ix.key(), value, t.line());
            }
            if (!orAssign && target instanceof Expr.Call c && c.args().isEmpty() && !c.parens()
                    && c.block() == null && isChefConfig(c.receiver())) {
                return new Stmt.ConfigAssign(new Expr.Literal(new RubySymbol(c.name()), c.line()), value, t.line());
            }
            throw unsupported(t.line(), "this assignment (only local variables, knife[:key] and Chef::Config[:key] "
                    + "can be assigned)");
        }
        return new Stmt.ExprStmt(target, t.line());
    }

    private static boolean isChefConfig(Expr e) {
        return e instanceof Expr.Const c && (c.path().equals("Chef::Config") || c.path().equals("ChefConfig::Config"));
    }

    // ---- expressions

    private Expr expression(boolean allowCommand) {
        Expr left = additive(allowCommand);
        while (atOp("||")) {
            int line = next().line();
            skipNewlines();
            left = new Expr.Or(left, additive(false), line);
        }
        Token t = peek();
        if (t.kind() == Kind.OP && UNSUPPORTED_OPERATORS.contains(t.text())
                || t.kind() == Kind.IDENT && (t.text().equals("and") || t.text().equals("or"))) {
            throw unexpected(t);
        }
        return left;
    }

    private Expr additive(boolean allowCommand) {
        Expr left = postfix(allowCommand);
        while (atOp("+")) {
            int line = next().line();
            skipNewlines();
            left = new Expr.Plus(left, postfix(false), line);
        }
        return left;
    }

    private Expr postfix(boolean allowCommand) {
        Expr e = primary(allowCommand);
        while (true) {
            if (peek().kind() == Kind.NEWLINE && nextAfterNewlines().isOp(".")) {
                skipNewlines(); // a line starting with ".method" continues the previous one
            }
            Token t = peek();
            if (t.isOp("&.")) {
                throw unsupported(t.line(), "safe navigation '&.'");
            }
            if (t.isOp(".")) {
                next();
                skipNewlines();
                Token name = next();
                if (name.kind() != Kind.IDENT && name.kind() != Kind.CONST) {
                    throw error(name.line(), "expected a method name after '.', found " + describe(name));
                }
                e = callRest(e, name, allowCommand);
            } else if (t.isOp("[") && !t.spaceBefore()) {
                next();
                skipNewlines();
                Expr key = expression(false);
                skipNewlines();
                expectOp("]", "to close the [ opened on line " + t.line());
                e = new Expr.Index(e, key, t.line());
            } else if (t.isOp("::") && !t.spaceBefore() && e instanceof Expr.Const c) {
                next();
                Token name = next();
                if (name.kind() != Kind.CONST) {
                    throw unsupported(name.line(), "'::" + name.text() + "' (a method call with ::)");
                }
                e = new Expr.Const(c.path() + "::" + name.text(), c.line());
            } else {
                return e;
            }
        }
    }

    private Expr primary(boolean allowCommand) {
        Token t = next();
        return switch (t.kind()) {
            case STRING -> adjacentStrings(string(t));
            case WORDS -> new Expr.Arr(t.parts().stream()
                    .<Expr>map(p -> new Expr.Literal(((Part.Text) p).text(), t.line())).toList(), t.line());
            case SYMBOLS -> new Expr.Arr(t.parts().stream()
                    .<Expr>map(p -> new Expr.Literal(new RubySymbol(((Part.Text) p).text()), t.line())).toList(),
                    t.line());
            case SYMBOL -> new Expr.Literal(new RubySymbol(t.text()), t.line());
            case INTEGER -> integer(t);
            case FLOAT -> new Expr.Literal(Double.parseDouble(t.text()), t.line());
            case IDENT -> identifier(t, allowCommand);
            case CONST -> new Expr.Const(t.text(), t.line());
            case GVAR -> new Expr.Global(t.text(), t.line());
            case IVAR -> throw unsupported(t.line(), "the instance variable " + t.text());
            case BACKTICK -> throw unsupported(t.line(), "backticks (running a command)");
            case OP -> operatorPrimary(t);
            case LABEL -> throw error(t.line(), "did not expect '" + t.text() + ":' here: to pass a hash, write "
                    + "name({ " + t.text() + ": value }) or name " + t.text() + ": value");
            case NEWLINE, EOF -> throw error(t.line(), "expected a value, found " + describe(t));
        };
    }

    private Expr integer(Token t) {
        try {
            return new Expr.Literal(Long.parseLong(t.text()), t.line());
        } catch (NumberFormatException e) {
            throw error(t.line(), "the number " + t.text() + " is too large");
        }
    }

    private Expr string(Token t) {
        List<Object> parts = new ArrayList<>();
        for (Part p : t.parts()) {
            if (p instanceof Part.Text text) {
                parts.add(text.text());
            } else if (p instanceof Part.Code code) {
                parts.add(interpolation(code));
            }
        }
        if (parts.size() == 1 && parts.get(0) instanceof String s) {
            return new Expr.Literal(s, t.line());
        }
        return new Expr.Str(parts, t.line());
    }

    /** Ruby joins string literals written side by side: {@code "a" 'b'} is "ab". */
    private Expr adjacentStrings(Expr first) {
        Expr e = first;
        while (peek().kind() == Kind.STRING && peek().spaceBefore()) {
            Token t = next();
            List<Object> parts = new ArrayList<>();
            for (Expr x : List.of(e, string(t))) {
                if (x instanceof Expr.Str str) {
                    parts.addAll(str.parts());
                } else {
                    parts.add(((Expr.Literal) x).value());
                }
            }
            e = new Expr.Str(parts, first.line());
        }
        return e;
    }

    private Expr interpolation(Part.Code code) {
        RubyParser sub = new RubyParser(file, dialect, code.tokens());
        sub.scopes.clear();
        sub.scopes.addAll(scopes);
        sub.skipNewlines();
        if (sub.peek().kind() == Kind.EOF) {
            return new Expr.Literal("", code.line());
        }
        Expr e = sub.expression(true);
        sub.skipNewlines();
        if (sub.peek().kind() != Kind.EOF) {
            throw sub.unexpected(sub.peek());
        }
        localsRead.addAll(sub.localsRead);
        return e;
    }

    private Expr identifier(Token t, boolean allowCommand) {
        String name = t.text();
        switch (name) {
            case "true" -> {
                return new Expr.Literal(Boolean.TRUE, t.line());
            }
            case "false" -> {
                return new Expr.Literal(Boolean.FALSE, t.line());
            }
            case "nil" -> {
                return new Expr.Literal(null, t.line());
            }
            default -> {
            }
        }
        if (UNSUPPORTED_KEYWORDS.containsKey(name)) {
            throw unsupported(t.line(), UNSUPPORTED_KEYWORDS.get(name));
        }
        if (NOT_AN_ARGUMENT.contains(name)) {
            throw error(t.line(), "did not expect '" + name + "' here");
        }
        if (isLocal(name) && !(atOp("(") && !peek().spaceBefore())) {
            localsRead.add(name);
            return new Expr.LocalVar(name, t.line());
        }
        return callRest(null, t, allowCommand);
    }

    private Expr operatorPrimary(Token t) {
        switch (t.text()) {
            case "(" -> {
                skipNewlines();
                Expr e = expression(true);
                skipNewlines();
                expectOp(")", "to close the ( opened on line " + t.line());
                return e;
            }
            case "[" -> {
                return array(t);
            }
            case "{" -> {
                return hash(t);
            }
            case "::" -> {
                Token name = next();
                if (name.kind() != Kind.CONST) {
                    throw error(name.line(), "expected a constant after '::', found " + describe(name));
                }
                return new Expr.Const(name.text(), t.line());
            }
            case "->" -> throw unsupported(t.line(), "lambdas (->)");
            case "!" -> throw unsupported(t.line(), "'!' (negation)");
            case "*", "**", "&" -> throw unsupported(t.line(), "'" + t.text() + "' (splat or block arguments)");
            default -> throw unexpected(t);
        }
    }

    private Expr array(Token open) {
        List<Expr> items = new ArrayList<>();
        skipNewlines();
        while (!atOp("]")) {
            items.add(expression(false));
            if (atOp("=>")) {
                throw unsupported(peek().line(), "a hash inside [ ] without { }");
            }
            skipNewlines();
            if (atOp(",")) {
                next();
                skipNewlines();
            } else if (!atOp("]")) {
                throw error(peek().line(), "expected ',' or ']' in the array opened on line " + open.line()
                        + ", found " + describe(peek()));
            }
        }
        next();
        return new Expr.Arr(items, open.line());
    }

    private Expr hash(Token open) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        skipNewlines();
        while (!atOp("}")) {
            keys.add(hashKey());
            skipNewlines();
            values.add(expression(false));
            skipNewlines();
            if (atOp(",")) {
                next();
                skipNewlines();
            } else if (!atOp("}")) {
                throw error(peek().line(), "expected ',' or '}' in the hash opened on line " + open.line()
                        + ", found " + describe(peek()));
            }
        }
        next();
        return new Expr.Hash(keys, values, open.line());
    }

    private Expr hashKey() {
        Token t = peek();
        if (t.kind() == Kind.LABEL) {
            next();
            return new Expr.Literal(new RubySymbol(t.text()), t.line());
        }
        Expr key = expression(false);
        expectOp("=>", "after a hash key");
        return key;
    }

    // ---- calls

    private Expr callRest(Expr receiver, Token name, boolean allowCommand) {
        List<Expr> args = List.of();
        boolean parens = false;
        if (atOp("(") && !peek().spaceBefore()) {
            parens = true;
            Token open = next();
            args = arguments(open);
        } else if (allowCommand && startsCommandArgument(peek())) {
            args = arguments(null);
        }
        Expr.Block block = null;
        if (atOp("{") && (parens || args.isEmpty())) {
            Token open = next();
            block = block("}", open.line());
            next();
        } else if (peek().isIdent("do")) {
            Token open = next();
            block = block("end", open.line());
            next();
        }
        return new Expr.Call(receiver, name.text(), args, parens, block, name.line());
    }

    private static boolean startsCommandArgument(Token t) {
        if (!t.spaceBefore()) {
            return false;
        }
        return switch (t.kind()) {
            case STRING, WORDS, SYMBOLS, SYMBOL, INTEGER, FLOAT, LABEL, GVAR, IVAR, CONST, BACKTICK -> true;
            case IDENT -> !NOT_AN_ARGUMENT.contains(t.text());
            case OP -> t.isOp("[") || t.isOp("(") || t.isOp("::") || t.isOp("->") || t.isOp("!");
            default -> false;
        };
    }

    /** Arguments in parentheses ({@code open} given) or after a command name (up to the end of the statement). */
    private List<Expr> arguments(Token open) {
        List<Expr> args = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        int hashLine = 0;
        while (true) {
            if (open != null) {
                skipNewlines();
                if (atOp(")")) {
                    break;
                }
            }
            Token t = peek();
            if (t.isOp("*") || t.isOp("**") || t.isOp("&")) {
                throw unsupported(t.line(), "'" + t.text() + "' (splat or block arguments)");
            }
            Expr key = null;
            Expr value;
            if (t.kind() == Kind.LABEL) {
                next();
                key = new Expr.Literal(new RubySymbol(t.text()), t.line());
                skipNewlines();
                value = expression(open == null);
            } else {
                value = expression(open == null);
                if (atOp("=>")) {
                    next();
                    skipNewlines();
                    key = value;
                    value = expression(open == null);
                }
            }
            if (key != null) {
                hashLine = hashLine == 0 ? t.line() : hashLine;
                keys.add(key);
                values.add(value);
            } else if (!keys.isEmpty()) {
                throw error(t.line(), "a plain argument follows key: value arguments: put the key: value arguments "
                        + "last");
            } else {
                args.add(value);
            }
            if (open != null) {
                skipNewlines();
            }
            if (atOp(",")) {
                next();
                skipNewlines();
                continue;
            }
            break;
        }
        if (open != null) {
            expectOp(")", "to close the ( opened on line " + open.line());
        }
        if (!keys.isEmpty()) {
            args.add(new Expr.Hash(keys, values, hashLine));
        }
        return args;
    }

    private Expr.Block block(String ender, int line) {
        List<String> params = new ArrayList<>();
        if (atOp("||")) {
            next();
        } else if (atOp("|")) {
            next();
            while (!atOp("|")) {
                Token p = next();
                if (p.kind() != Kind.IDENT) {
                    throw unsupported(p.line(), "this block parameter list (use |name| or |key, value|)");
                }
                params.add(p.text());
                if (atOp(",")) {
                    next();
                } else if (!atOp("|")) {
                    throw unsupported(peek().line(), "this block parameter list (use |name| or |key, value|)");
                }
            }
            next();
        }
        scopes.push(new HashSet<>(params));
        try {
            List<Stmt> body = statements(ender, line);
            return new Expr.Block(params, body, line);
        } finally {
            scopes.pop();
        }
    }
}
