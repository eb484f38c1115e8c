package dev.galley.chef.internal.ruby;

import dev.galley.chef.ChefConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The library calls the subset allows: {@code ENV}, {@code File.join/dirname/basename/expand_path/read},
 * {@code IO.read}, {@code Dir.home/pwd}, the standard streams, {@code +}, and a few value methods ({@code to_s},
 * {@code strip}, {@code to_sym}, {@code to_i}). Reading a file is the only contact with the outside; nothing runs.
 */
final class RubyBuiltins {
    private static final long MAX_READ_BYTES = 16L * 1024 * 1024;

    private final Path file;
    private final RubyEnvironment env;
    private final RubyDialect dialect;

    RubyBuiltins(Path file, RubyEnvironment env, RubyDialect dialect) {
        this.file = file;
        this.env = env;
        this.dialect = dialect;
    }

    private ChefConfigException error(int line, String message) {
        return new ChefConfigException(file, line, message);
    }

    /** A constant used as a value: STDOUT, STDERR, File::SEPARATOR. */
    Object constant(String path, int line) {
        return switch (stripTopLevel(path)) {
            case "STDOUT" -> new RubyIo("STDOUT");
            case "STDERR" -> new RubyIo("STDERR");
            case "File::SEPARATOR" -> "/";
            default -> throw dialect.unsupported(file, line, "the constant " + path + " used as a value");
        };
    }

    /** A global variable used as a value: $stdout, $stderr. */
    Object global(String name, int line) {
        return switch (name) {
            case "$stdout" -> new RubyIo("STDOUT");
            case "$stderr" -> new RubyIo("STDERR");
            default -> throw dialect.unsupported(file, line, "the global variable " + name);
        };
    }

    static String stripTopLevel(String path) {
        return path.startsWith("::") ? path.substring(2) : path;
    }

    /** {@code ENV[name]}: nil when unset, as in Ruby. */
    Object env(Object key, int line) {
        return env.env().get(stringArg(key, "ENV[]", line));
    }

    /** {@code Const.method(args)} for the constants the subset knows. */
    Object constantCall(String path, String method, List<Object> args, int line) {
        String receiver = stripTopLevel(path);
        String call = receiver + "." + method;
        return switch (call) {
            case "ENV.fetch" -> envFetch(args, line);
            case "ENV.key?", "ENV.has_key?", "ENV.include?" -> {
                arity(call, args, 1, 1, line);
                yield env.env().containsKey(stringArg(args.get(0), call, line));
            }
            case "File.dirname" -> {
                arity(call, args, 1, 1, line);
                yield RubyPaths.dirname(stringArg(args.get(0), call, line));
            }
            case "File.basename" -> {
                arity(call, args, 1, 2, line);
                yield RubyPaths.basename(stringArg(args.get(0), call, line),
                        args.size() > 1 ? stringArg(args.get(1), call, line) : null);
            }
            case "File.join" -> {
                List<String> parts = new ArrayList<>();
                flattenStrings(args, parts, call, line);
                yield RubyPaths.join(parts);
            }
            case "File.expand_path", "File.absolute_path" -> expandPath(call, args, line);
            case "File.read", "IO.read" -> read(call, args, line);
            case "Dir.home" -> {
                if (!args.isEmpty()) {
                    throw dialect.unsupported(file, line, "Dir.home with a user name");
                }
                yield env.home().toString();
            }
            case "Dir.pwd", "Dir.getwd" -> {
                arity(call, args, 0, 0, line);
                yield env.workingDirectory().toString();
            }
            default -> throw dialect.unsupported(file, line, call + " (a method call Galley does not evaluate)");
        };
    }

    private Object envFetch(List<Object> args, int line) {
        arity("ENV.fetch", args, 1, 2, line);
        String name = stringArg(args.get(0), "ENV.fetch", line);
        String value = env.env().get(name);
        if (value != null) {
            return value;
        }
        if (args.size() == 2) {
            return args.get(1);
        }
        throw error(line, "ENV.fetch('" + name + "') fails because " + name + " is not set: set the environment "
                + "variable, or give a default: ENV.fetch('" + name + "', 'default')");
    }

    private Object expandPath(String call, List<Object> args, int line) {
        arity(call, args, 1, 2, line);
        String p = stringArg(args.get(0), call, line);
        String base = args.size() > 1 && args.get(1) != null ? stringArg(args.get(1), call, line) : null;
        String result = RubyPaths.expand(p, base, env.home().toString(), env.workingDirectory().toString(),
                call.equals("File.expand_path"));
        if (result == null) {
            throw dialect.unsupported(file, line, "'~user' paths (another user's home directory)");
        }
        return result;
    }

    private Object read(String call, List<Object> args, int line) {
        arity(call, args, 1, 1, line);
        String name = stringArg(args.get(0), call, line);
        // As in Ruby, a relative path is relative to the process's working directory, not to this file.
        Path target = env.workingDirectory().resolve(name).normalize();
        try {
            if (Files.size(target) > MAX_READ_BYTES) {
                throw error(line, call + "('" + name + "'): " + target + " is larger than 16 MB; Galley reads "
                        + "only smaller files");
            }
            return Files.readString(target, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw error(line, call + "('" + name + "') cannot read " + target + ": no such file (a relative path is "
                    + "resolved against the working directory; build it from __dir__ or File.dirname(__FILE__))");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw error(line, call + "('" + name + "') cannot read " + target + ": " + e.getMessage());
        }
    }

    /** {@code value.method(args)} for the value methods the subset knows. */
    Object valueCall(Object value, String method, List<Object> args, int line) {
        String type = RubyValues.typeName(value);
        switch (method) {
            case "freeze", "dup", "itself" -> {
                arity(method, args, 0, 0, line);
                return value;
            }
            case "to_s" -> {
                arity(method, args, 0, 0, line);
                return RubyValues.toS(value);
            }
            default -> {
            }
        }
        if (value instanceof String s) {
            arity(method, args, 0, 0, line);
            return switch (method) {
                case "to_str" -> s;
                case "strip" -> stripRuby(s);
                case "lstrip" -> s.replaceFirst("^[\\s\\x00]+", "");
                case "rstrip" -> s.replaceFirst("[\\s\\x00]+$", "");
                case "chomp" -> s.replaceFirst("(\r\n|\n|\r)$", "");
                case "downcase" -> s.toLowerCase(Locale.ROOT);
                case "upcase" -> s.toUpperCase(Locale.ROOT);
                case "to_sym", "intern" -> new RubySymbol(s);
                case "to_i" -> toI(s);
                case "to_f" -> toF(s);
                case "empty?" -> s.isEmpty();
                default -> throw unknownMethod(method, type, line);
            };
        }
        if (value instanceof RubySymbol sym && (method.equals("to_sym") || method.equals("id2name"))) {
            arity(method, args, 0, 0, line);
            return method.equals("to_sym") ? sym : sym.name();
        }
        if (value instanceof Long || value instanceof Double) {
            arity(method, args, 0, 0, line);
            Number n = (Number) value;
            return switch (method) {
                case "to_i" -> n.longValue();
                case "to_f" -> n.doubleValue();
                default -> throw unknownMethod(method, type, line);
            };
        }
        if (value == null && (method.equals("to_i") || method.equals("to_a"))) {
            return method.equals("to_i") ? (Object) 0L : List.of();
        }
        if (value instanceof List<?> l && method.equals("join")) {
            arity(method, args, 0, 1, line);
            String sep = args.isEmpty() ? "" : stringArg(args.get(0), "join", line);
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(RubyValues.toS(x)));
            return String.join(sep, parts);
        }
        if (value instanceof List<?> l && (method.equals("first") || method.equals("last"))) {
            arity(method, args, 0, 0, line);
            return l.isEmpty() ? null : l.get(method.equals("first") ? 0 : l.size() - 1);
        }
        throw unknownMethod(method, type, line);
    }

    private ChefConfigException unknownMethod(String method, String type, int line) {
        if (method.equals("each")) {
            return dialect.unsupported(file, line, ".each used as a value (write it as a statement of its own)");
        }
        return dialect.unsupported(file, line, "." + method + " on " + ("nil".equals(type) ? "nil" : "a " + type)
                + " (a method call Galley does not evaluate" + ("nil".equals(type) ? "; is an ENV variable unset?)"
                : ")"));
    }

    /** {@code a + b} for strings, numbers and arrays, as Ruby adds them. */
    Object plus(Object left, Object right, int line) {
        if (left instanceof String a && right instanceof String b) {
            return a + b;
        }
        if (left instanceof Long a && right instanceof Long b) {
            return a + b;
        }
        if (left instanceof Number a && right instanceof Number b) {
            return a.doubleValue() + b.doubleValue();
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            List<Object> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
        String hint = left == null || right == null
                ? ": a nil value is often an unset ENV variable; use ENV.fetch('NAME', 'default') or ENV['NAME'] || "
                        + "'default'"
                : left instanceof String ? ": convert it with .to_s or use \"#{...}\" interpolation" : "";
        throw error(line, "cannot add " + RubyValues.typeName(right) + " to " + RubyValues.typeName(left) + hint);
    }

    /** Indexing a hash or an array value. */
    Object index(Object receiver, Object key, int line) {
        if (receiver instanceof Map<?, ?> m) {
            return m.get(key);
        }
        if (receiver instanceof List<?> l && key instanceof Long k) {
            long idx = k < 0 ? l.size() + k : k;
            return idx >= 0 && idx < l.size() ? l.get((int) idx) : null;
        }
        throw dialect.unsupported(file, line, "indexing a " + RubyValues.typeName(receiver) + " with [ ]");
    }

    private String stringArg(Object v, String call, int line) {
        if (v instanceof String s) {
            return s;
        }
        String why = v == null ? " (an unset ENV variable?)" : "";
        throw error(line, call + " needs a String, not " + RubyValues.typeName(v) + why);
    }

    private void flattenStrings(List<?> values, List<String> out, String call, int line) {
        for (Object v : values) {
            if (v instanceof List<?> l) {
                flattenStrings(l, out, call, line);
            } else {
                out.add(stringArg(v, call, line));
            }
        }
    }

    private void arity(String call, List<?> args, int min, int max, int line) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            throw error(line, call + " takes " + expected + " argument" + (max == 1 ? "" : "s") + ", not "
                    + args.size());
        }
    }

    private static String stripRuby(String s) {
        return s.replaceFirst("^[\\s\\x00]+", "").replaceFirst("[\\s\\x00]+$", "");
    }

    private static long toI(String s) {
        String t = s.stripLeading().replace("_", "");
        int end = 0;
        if (end < t.length() && (t.charAt(end) == '-' || t.charAt(end) == '+')) {
            end++;
        }
        int digitsStart = end;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == digitsStart) {
            return 0;
        }
        try {
            return Long.parseLong(t.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double toF(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")
                .matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0.0;
    }
}
