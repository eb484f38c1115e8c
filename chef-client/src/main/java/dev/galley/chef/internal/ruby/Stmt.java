package dev.galley.chef.internal.ruby;

/** A statement of the Ruby subset, as parsed; executed by {@link RubyEvaluator}. */
sealed interface Stmt {

    int line();

    /** An expression on its own: a DSL call ({@code node_name "x"}), an {@code .each} loop, or a no-op. */
    record ExprStmt(Expr expr, int line) implements Stmt {
    }

    /**
     * {@code name = value}, {@code name ||= value} or {@code name += value} on a local variable.
     *
     * @param op "=", "||=" or "+="
     */
    record Assign(String name, String op, Expr value, int line) implements Stmt {
    }

    /** {@code knife[:key] = value} or {@code knife[:key] ||= value}. */
    record KnifeAssign(Expr key, Expr value, boolean orAssign, int line) implements Stmt {
    }

    /** {@code Chef::Config[:name] = value} or {@code Chef::Config.name = value}: a setting, written another way. */
    record ConfigAssign(Expr key, Expr value, int line) implements Stmt {
    }
}
