package dev.galley.chef.internal.ruby;

import java.util.List;

/** An expression of the Ruby subset, as parsed; evaluated by {@link RubyEvaluator}. */
sealed interface Expr {

    /** The line the expression starts on. */
    int line();

    /** A constant value: String, {@link RubySymbol}, Long, Double, Boolean or null (nil). */
    record Literal(Object value, int line) implements Expr {
    }

    /** A string with interpolation; parts are String (literal text) or Expr ({@code #{...}}). */
    record Str(List<Object> parts, int line) implements Expr {
        public Str {
            parts = List.copyOf(parts);
        }
    }

    record Arr(List<Expr> items, int line) implements Expr {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A hash literal, or the trailing {@code k: v} arguments of a call. */
    record Hash(List<Expr> keys, List<Expr> values, int line) implements Expr {
        public Hash {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    record LocalVar(String name, int line) implements Expr {
    }

    /** A constant path: "File", "ENV", "Chef::Config", "STDOUT". */
    record Const(String path, int line) implements Expr {
    }

    /** A global variable such as {@code $stdout}. */
    record Global(String name, int line) implements Expr {
    }

    record Or(Expr left, Expr right, int line) implements Expr {
    }

    record Plus(Expr left, Expr right, int line) implements Expr {
    }

    record Index(Expr receiver, Expr key, int line) implements Expr {
    }

    /**
     * A method call: {@code name args}, {@code name(args)}, {@code recv.name(args)}, with an optional block.
     *
     * @param receiver the receiver, or null for a bare call (a DSL setting, {@code __dir__})
     * @param parens   whether the arguments were in parentheses ({@code name()} is a call, {@code name} may be a read)
     * @param block    the {@code do |x| ... end} or {@code { |x| ... }} block, or null
     */
    record Call(Expr receiver, String name, List<Expr> args, boolean parens, Block block, int line) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        boolean isBare(String n) {
            return receiver == null && name.equals(n) && args.isEmpty() && !parens && block == null;
        }
    }

    /** A block's parameters and body statements. */
    record Block(List<String> params, List<Stmt> body, int line) {
        public Block {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }
}
