package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates knife.rb / config.rb / client.rb and metadata.rb files safely: it parses the common subset of Ruby
 * those files use and computes each setting's value, without running Ruby or any other program. Anything outside
 * the subset is a {@link ChefConfigException} naming the file, the line and the construct, never a guess.
 */
public final class RubyEvaluator {
    private static final Logger log = LoggerFactory.getLogger(RubyEvaluator.class);
    private static final Set<String> CODE_RUNNERS = Set.of("eval", "instance_eval", "class_eval", "module_eval",
            "instance_exec", "system", "exec", "spawn", "fork", "open", "load", "autoload", "send", "public_send",
            "__send__", "method", "define_method", "binding", "lambda", "proc", "loop", "at_exit", "trap", "syscall");
    private static final Set<String> NOT_SETTINGS = Set.of("puts", "print", "p", "pp", "printf", "warn", "raise",
            "fail", "exit", "exit!", "abort", "sleep", "gets", "catch", "throw", "format", "sprintf", "rand", "srand",
            "caller", "attr_accessor", "include", "extend", "private", "public", "protected");

    private final Path file;
    private final RubyDialect dialect;
    private final RubyBuiltins builtins;
    private final List<RubySetting> out = new ArrayList<>();
    // What the file itself has set so far, so "cookbook_path ["#{chef_repo_path}/cookbooks"]" can read it back.
    private final Map<String, Object> settingsSoFar = new HashMap<>();
    private final Map<String, Object> knifeSoFar = new HashMap<>();

    private RubyEvaluator(Path file, RubyEnvironment env, RubyDialect dialect) {
        this.file = file;
        this.dialect = dialect;
        this.builtins = new RubyBuiltins(file, env, dialect);
    }

    /**
     * Reads and evaluates a file.
     *
     * @throws ChefConfigException when the file cannot be read, or uses Ruby outside the subset
     */
    public static RubyScript evaluateFile(Path file, RubyEnvironment env, RubyDialect dialect) {
        Path absolute = file.toAbsolutePath().normalize();
        String source;
        try {
            source = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChefConfigException(absolute, 0, "does not exist");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ChefConfigException(absolute, 0, "cannot be read: " + e.getMessage());
        }
        return evaluate(absolute, source, env, dialect);
    }

    /**
     * Evaluates source text as if read from {@code file} (which {@code __FILE__} and {@code __dir__} name).
     *
     * @throws ChefConfigException when the source uses Ruby outside the subset
     */
    public static RubyScript evaluate(Path file, String source, RubyEnvironment env, RubyDialect dialect) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Stmt> program = RubyParser.parse(absolute, source.startsWith("\uFEFF") ? source.substring(1) : source,
                dialect);
        RubyEvaluator evaluator = new RubyEvaluator(absolute, env, dialect);
        evaluator.run(program, new Scope(null));
        return new RubyScript(absolute, evaluator.out);
    }

    /** Local variables; a block's scope sees its parent's, and its own assignments stay inside it. */
    private static final class Scope {
        private final Scope parent;
        private final Map<String, Object> vars = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        Scope owner(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) {
                    return s;
                }
            }
            return null;
        }

        Object get(String name) {
            Scope s = owner(name);
            return s == null ? null : s.vars.get(name);
        }

        void set(String name, Object value) {
            Scope s = owner(name);
            (s == null ? this : s).vars.put(name, value);
        }
    }

    private void run(List<Stmt> statements, Scope scope) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Assign a -> assign(a, scope);
                case Stmt.KnifeAssign k -> knifeAssign(k, scope);
                case Stmt.ConfigAssign c -> {
                    String name = keyName(eval(c.key(), scope), "Chef::Config[]", c.line());
                    setting(name, List.of(eval(c.value(), scope)), c.line());
                }
                case Stmt.ExprStmt e -> expressionStatement(e, scope);
            }
        }
    }

    private void assign(Stmt.Assign a, Scope scope) {
        Object value = eval(a.value(), scope);
        switch (a.op()) {
            case "||=" -> {
                if (!RubyValues.truthy(scope.get(a.name()))) {
                    scope.set(a.name(), value);
                }
            }
            case "+=" -> scope.set(a.name(), builtins.plus(scope.get(a.name()), value, a.line()));
            default -> scope.set(a.name(), value);
        }
    }

    private void knifeAssign(Stmt.KnifeAssign k, Scope scope) {
        String key = keyName(eval(k.key(), scope), "knife[]", k.line());
        Object value = eval(k.value(), scope);
        out.add(new RubySetting.KnifeAssignment(key, value, k.orAssign(), k.line()));
        if (!k.orAssign()) {
            knifeSoFar.put(key, value);
        } else if (knifeSoFar.containsKey(key)) {
            if (!RubyValues.truthy(knifeSoFar.get(key))) {
                knifeSoFar.put(key, value);
            }
        }
        // An "||=" on a key this file has not set depends on the credentials file: its value stays unknown here.
    }

    private String keyName(Object key, String what, int line) {
        if (key instanceof RubySymbol s) {
            return s.name();
        }
        if (key instanceof String s) {
            return s;
        }
        throw new ChefConfigException(file, line, what + " needs a symbol or string key such as :editor, not "
                + RubyValues.typeName(key));
    }

    private void expressionStatement(Stmt.ExprStmt statement, Scope scope) {
        if (statement.expr() instanceof Expr.Call c && c.receiver() == null) {
            if (c.name().equals("require") || c.name().equals("require_relative")) {
                log.warn("{}:{}: skipped {} (it loads Ruby code, which Galley does not run; it sets no settings)",
                        file, c.line(), c.name());
                return;
            }
            rejectNonSetting(c);
            if (c.block() != null) {
                throw dialect.unsupported(file, c.line(), "a block passed to " + c.name());
            }
            if (c.name().equals("__FILE__") || c.name().equals("__dir__")) {
                log.warn("{}:{}: this statement sets nothing; ignored", file, c.line());
                return;
            }
            List<Object> args = new ArrayList<>();
            c.args().forEach(a -> args.add(eval(a, scope)));
            setting(c.name(), args, c.line());
            return;
        }
        if (statement.expr() instanceof Expr.Call c && c.block() != null) {
            each(c, scope);
            return;
        }
        eval(statement.expr(), scope);
        log.warn("{}:{}: this statement sets nothing; ignored", file, statement.line());
    }

    private void rejectNonSetting(Expr.Call c) {
        if (CODE_RUNNERS.contains(c.name())) {
            throw dialect.unsupported(file, c.line(), c.name() + " (it runs code)");
        }
        if (NOT_SETTINGS.contains(c.name())) {
            throw dialect.unsupported(file, c.line(), "calling " + c.name() + " (it is not a setting)");
        }
    }

    private void setting(String name, List<Object> args, int line) {
        out.add(new RubySetting.Call(name, args, line));
        if (args.size() == 1) {
            settingsSoFar.put(name, args.get(0));
        }
    }

    private void each(Expr.Call c, Scope scope) {
        if (!c.name().equals("each") || !c.args().isEmpty()) {
            throw dialect.unsupported(file, c.line(), "a block passed to ." + c.name() + " (only .each over a "
                    + "literal array is supported)");
        }
        Object receiver = eval(c.receiver(), scope);
        List<String> params = c.block().params();
        List<?> items;
        if (receiver instanceof List<?> l) {
            items = l;
        } else if (receiver instanceof Map<?, ?> m) {
            items = m.entrySet().stream().map(e -> java.util.Arrays.asList(e.getKey(), e.getValue())).toList();
        } else {
            throw new ChefConfigException(file, c.line(), ".each needs an array, not "
                    + RubyValues.typeName(receiver));
        }
        for (Object item : items) {
            Scope inner = new Scope(scope);
            if (params.size() == 1) {
                inner.vars.put(params.get(0), item);
            } else {
                List<?> values = item instanceof List<?> l ? l : java.util.Collections.singletonList(item);
                for (int k = 0; k < params.size(); k++) {
                    inner.vars.put(params.get(k), k < values.size() ? values.get(k) : null);
                }
            }
            run(c.block().body(), inner);
        }
    }

    private Object eval(Expr e, Scope scope) {
        return switch (e) {
            case Expr.Literal l -> l.value();
            case Expr.Str s -> {
                StringBuilder b = new StringBuilder();
                for (Object part : s.parts()) {
                    b.append(part instanceof Expr x ? RubyValues.toS(eval(x, scope)) : (String) part);
                }
                yield b.toString();
            }
            case Expr.Arr a -> {
                List<Object> items = new ArrayList<>();
                a.items().forEach(x -> items.add(eval(x, scope)));
                yield items;
            }
            case Expr.Hash h -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int k = 0; k < h.keys().size(); k++) {
                    map.put(eval(h.keys().get(k), scope), eval(h.values().get(k), scope));
                }
                yield map;
            }
            case Expr.LocalVar v -> scope.get(v.name());
            case Expr.Const c -> builtins.constant(c.path(), c.line());
            case Expr.Global g -> builtins.global(g.name(), g.line());
            case Expr.Or o -> {
                Object left = eval(o.left(), scope);
                yield RubyValues.truthy(left) ? left : eval(o.right(), scope);
            }
            case Expr.Plus p -> builtins.plus(eval(p.left(), scope), eval(p.right(), scope), p.line());
            case Expr.Index ix -> index(ix, scope);
            case Expr.Call c -> call(c, scope);
        };
    }

    private Object index(Expr.Index ix, Scope scope) {
        Object key = eval(ix.key(), scope);
        if (ix.receiver() instanceof Expr.Const c && RubyBuiltins.stripTopLevel(c.path()).equals("ENV")) {
            return builtins.env(key, ix.line());
        }
        if (ix.receiver() instanceof Expr.Call c && c.isBare("knife")) {
            return readBack(knifeSoFar, keyName(key, "knife[]", ix.line()), "knife[:" + RubyValues.toS(key) + "]",
                    ix.line());
        }
        if (ix.receiver() instanceof Expr.Const c && isChefConfig(c)) {
            String name = keyName(key, "Chef::Config[]", ix.line());
            return readBack(settingsSoFar, name, name, ix.line());
        }
        return builtins.index(eval(ix.receiver(), scope), key, ix.line());
    }

    private static boolean isChefConfig(Expr.Const c) {
        String p = RubyBuiltins.stripTopLevel(c.path());
        return p.equals("Chef::Config") || p.equals("ChefConfig::Config");
    }

    private Object readBack(Map<String, Object> soFar, String key, String shown, int line) {
        if (soFar.containsKey(key)) {
            return soFar.get(key);
        }
        throw new ChefConfigException(file, line, shown + " is neither a local variable nor a setting this file "
                + "set earlier (Galley does not compute defaults or other files' values inside Ruby): define it first "
                + "(name = value) or set the value literally");
    }

    private Object call(Expr.Call c, Scope scope) {
        if (c.block() != null) {
            throw dialect.unsupported(file, c.line(), "a block passed to " + c.name() + " inside an expression");
        }
        List<Object> args = new ArrayList<>();
        c.args().forEach(a -> args.add(eval(a, scope)));
        if (c.receiver() == null) {
            switch (c.name()) {
                case "__FILE__" -> {
                    return file.toString();
                }
                case "__dir__" -> {
                    return file.getParent().toString();
                }
                case "knife" -> throw dialect.unsupported(file, c.line(), "knife used without [:key]");
                default -> {
                }
            }
            rejectNonSetting(c);
            if (args.isEmpty() && !c.parens()) {
                return readBack(settingsSoFar, c.name(), c.name(), c.line());
            }
            throw dialect.unsupported(file, c.line(), c.name() + "(...) inside an expression (a method call Galley "
                    + "does not evaluate)");
        }
        if (c.receiver() instanceof Expr.Const k) {
            if (isChefConfig(k) && args.isEmpty()) {
                return readBack(settingsSoFar, c.name(), c.name(), c.line());
            }
            return builtins.constantCall(k.path(), c.name(), args, c.line());
        }
        return builtins.valueCall(eval(c.receiver(), scope), c.name(), args, c.line());
    }
}
