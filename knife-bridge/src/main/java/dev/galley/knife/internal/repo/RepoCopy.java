package dev.galley.knife.internal.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.CookbookFile;
import dev.galley.chef.CookbookVersion;
import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import dev.galley.knife.internal.repo.RepoSide.EntryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * knife upload and download (chef-fs's copy_to): makes what the patterns select on the destination look like the
 * source. Everything is read and checked first ({@link #plan}); only a plan without problems is carried out
 * ({@link #execute}), in path order, so bad input changes nothing.
 */
public final class RepoCopy {

    /** What a step does. */
    public enum Kind { CREATE, UPDATE, DELETE }

    /**
     * One step of a plan.
     *
     * @param kind    create, update or delete
     * @param path    the chef-fs path
     * @param type    what the source holds there (what the destination holds, for a delete)
     * @param content the normalized object to store, for objects
     */
    public record Action(Kind kind, String path, EntryType type, Optional<ObjectNode> content) {
    }

    /**
     * The steps that would make the destination look like the source, and what will not be copied.
     *
     * @param actions  in the order they run
     * @param warnings lines for the user about what is left alone
     */
    public record Plan(List<Action> actions, List<String> warnings) {
        public Plan {
            actions = List.copyOf(actions);
            warnings = List.copyOf(warnings);
        }

        public List<Action> deletions() {
            return actions.stream().filter(a -> a.kind() == Kind.DELETE).toList();
        }
    }

    private enum Check { CREATE_OBJECT, UPDATE_OBJECT, CREATE_COOKBOOK, UPDATE_COOKBOOK }

    private record Candidate(Check check, String path) {
    }

    private sealed interface Outcome {
        record Step(Action action) implements Outcome {
        }

        record Problem(String message) implements Outcome {
        }

        record Warning(String message) implements Outcome {
        }

        record Same() implements Outcome {
        }
    }

    private final RepoSide source;
    private final RepoSide destination;
    private final CopyOptions options;
    private final UnaryOperator<String> display;

    /**
     * @param display shows a chef-fs path to the user (relative to the working directory when it is in the
     *                repository, as knife prints paths)
     */
    public RepoCopy(RepoSide source, RepoSide destination, CopyOptions options, UnaryOperator<String> display) {
        this.source = source;
        this.destination = destination;
        this.options = options;
        this.display = display;
    }

    /**
     * Reads both sides where the patterns reach and works out every step.
     *
     * @throws GalleyException (bad input) naming the first problem (a Ruby file, malformed JSON, a name that does
     *                         not match its file, a frozen cookbook, a pattern that matches nothing), with nothing
     *                         changed
     */
    public Plan plan(List<RepoPattern> patterns) {
        List<String> problems = new ArrayList<>();
        Set<String> roots = new TreeSet<>();
        for (RepoPattern p : patterns) {
            List<String> found = RepoSelection.select(p, source, destination);
            if (found.isEmpty() && p.isExact()) {
                problems.add(display.apply(p.text()) + ": No such file or directory on remote or local");
            }
            roots.addAll(found);
        }
        List<String> outermost = roots.stream()
                .filter(r -> roots.stream().noneMatch(o -> !o.equals(r) && RepoPaths.isWithin(r, o))).toList();
        Map<String, Action> steps = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String root : outermost) {
            createParents(root, steps);
            walk(root, steps, candidates, problems, warnings);
        }
        for (Outcome o : Parallel.map(candidates, options.concurrency(), this::check)) {
            switch (o) {
                case Outcome.Step s -> steps.put(s.action().path(), s.action());
                case Outcome.Problem p -> problems.add(p.message());
                case Outcome.Warning w -> warnings.add(w.message());
                case Outcome.Same s -> {
                }
            }
        }
        if (!problems.isEmpty()) {
            throw GalleyException.badInput(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more problem" + (problems.size() > 2 ? "s" : "") + "; nothing was changed)"
                    : " (nothing was changed)"));
        }
        List<Action> ordered = new ArrayList<>(steps.values());
        ordered.sort(Comparator.comparing(Action::path, RepoCopy::comparePaths));
        Collections.sort(warnings);
        return new Plan(ordered, warnings);
    }

    /** Paths sorted part by part, so a directory comes right before what it holds. */
    static int comparePaths(String a, String b) {
        List<String> pa = RepoPaths.parts(a);
        List<String> pb = RepoPaths.parts(b);
        for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
            int c = pa.get(i).compareTo(pb.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.size(), pb.size());
    }

    /**
     * Carries out a plan, or with {@code --dry-run} only says what it would do; one line per step, as knife
     * prints them ("Created /roles/web.json", "Deleted extra entry /roles/old.json (purge is on)").
     */
    public void execute(Plan plan, Consumer<String> out) {
        for (Action a : plan.actions()) {
            String shown = display.apply(a.path());
            if (options.dryRun()) {
                out.accept(switch (a.kind()) {
                    case CREATE -> "Would create " + shown;
                    case UPDATE -> "Would update " + shown;
                    case DELETE -> "Would delete " + shown;
                });
                continue;
            }
            try {
                perform(a);
            } catch (GalleyException e) {
                throw new GalleyException(e.fault(), shown + " failed to " + (a.kind() == Kind.DELETE ? "delete"
                        : "write") + ": " + e.getMessage(), e);
            }
            out.accept(switch (a.kind()) {
                case CREATE -> "Created " + shown;
                case UPDATE -> "Updated " + shown;
                case DELETE -> "Deleted extra entry " + shown + " (purge is on)";
            });
        }
    }

    private void perform(Action a) {
        boolean exists = a.kind() == Kind.UPDATE;
        switch (a.kind()) {
            case DELETE -> destination.delete(a.path());
            case CREATE, UPDATE -> {
                switch (a.type()) {
                    case DIRECTORY -> destination.createDirectory(a.path());
                    case OBJECT -> destination.writeObject(a.path(), objectType(a.path()), a.content().orElseThrow(),
                            exists);
                    case COOKBOOK -> destination.writeCookbook(a.path(), source, options, exists);
                    default -> throw new IllegalStateException("cannot copy " + a);
                }
            }
        }
    }

    private void createParents(String root, Map<String, Action> steps) {
        List<String> parts = RepoPaths.parts(root);
        String path = "/";
        for (int i = 0; i < parts.size(); i++) {
            if (source.type(path) == EntryType.DIRECTORY && destination.type(path) == EntryType.ABSENT) {
                steps.putIfAbsent(path, new Action(Kind.CREATE, path, EntryType.DIRECTORY, Optional.empty()));
            }
            path = RepoPaths.child(path, parts.get(i));
        }
    }

    private void walk(String path, Map<String, Action> steps, List<Candidate> candidates, List<String> problems,
            List<String> warnings) {
        EntryType s = source.type(path);
        EntryType d = destination.type(path);
        if (s == EntryType.RUBY || d == EntryType.RUBY) {
            problems.add(rubyProblem(path));
            return;
        }
        if (s == EntryType.ABSENT) {
            if (d == EntryType.ABSENT || !options.purge() || RepoPaths.depth(path) <= 1) {
                // A repository without roles/ does not manage roles: even --purge leaves the server's alone.
                return;
            }
            if (destination.isServer() && path.equals("/environments/_default.json")) {
                warnings.add(defaultEnvironment(path));
                return;
            }
            steps.put(path, new Action(Kind.DELETE, path, d, Optional.empty()));
            return;
        }
        if (d == EntryType.ABSENT) {
            switch (s) {
                case DIRECTORY -> {
                    steps.put(path, new Action(Kind.CREATE, path, EntryType.DIRECTORY, Optional.empty()));
                    for (String child : source.children(path)) {
                        walk(child, steps, candidates, problems, warnings);
                    }
                }
                case OBJECT -> candidates.add(new Candidate(Check.CREATE_OBJECT, path));
                case COOKBOOK -> candidates.add(new Candidate(Check.CREATE_COOKBOOK, path));
                default -> {
                }
            }
            return;
        }
        if (s != d) {
            problems.add(display.apply(path) + " is " + describe(s) + " on " + source.describe() + " but "
                    + describe(d) + " on " + destination.describe());
            return;
        }
        switch (s) {
            case DIRECTORY -> {
                Set<String> children = new TreeSet<>(source.children(path));
                children.addAll(destination.children(path));
                for (String child : children) {
                    walk(child, steps, candidates, problems, warnings);
                }
            }
            case OBJECT -> {
                if (options.diff() || options.force()) {
                    candidates.add(new Candidate(Check.UPDATE_OBJECT, path));
                }
            }
            case COOKBOOK -> candidates.add(new Candidate(Check.UPDATE_COOKBOOK, path));
            default -> {
            }
        }
    }

    private Outcome check(Candidate c) {
        try {
            return switch (c.check()) {
                case CREATE_OBJECT -> objectStep(c.path(), Kind.CREATE);
                case UPDATE_OBJECT -> objectStep(c.path(), Kind.UPDATE);
                case CREATE_COOKBOOK -> cookbookStep(c.path(), Kind.CREATE);
                case UPDATE_COOKBOOK -> cookbookStep(c.path(), Kind.UPDATE);
            };
        } catch (GalleyException e) {
            if (e.fault() != Fault.BAD_INPUT) {
                throw e;
            }
            return new Outcome.Problem(e.getMessage().replaceFirst(" \\(nothing was changed\\)$", "")
                    .replaceFirst("; fix the file \\(nothing was changed\\)$", "; fix the file"));
        }
    }

    private Outcome objectStep(String path, Kind kind) {
        ObjectType type = objectType(path);
        String name = RepoPaths.objectName(RepoPaths.name(path));
        ObjectNode normalized = type.normalize(source.readObject(path), name);
        if (kind == Kind.UPDATE && !options.force()) {
            JsonNode current = destination.readObject(path);
            if (ChefJson.sameData(type.minimize(normalized, name), type.minimal(current, name))) {
                return new Outcome.Same();
            }
        }
        if (destination.isServer()) {
            if (path.equals("/environments/_default.json")) {
                return new Outcome.Warning(defaultEnvironment(path));
            }
            Optional<String> problem = type.integrityProblem(normalized, name);
            if (problem.isPresent()) {
                return new Outcome.Problem(display.apply(path) + " cannot be uploaded: " + problem.get());
            }
        }
        return new Outcome.Step(new Action(kind, path, EntryType.OBJECT, Optional.of(normalized)));
    }

    private Outcome cookbookStep(String path, Kind kind) {
        CookbookVersion from = source.cookbook(path);
        String dirName = RepoPaths.name(path);
        if (!source.isServer() && !from.cookbookName().equals(dirName)) {
            return new Outcome.Problem(display.apply(path) + ": the metadata names the cookbook '"
                    + from.cookbookName() + "', not '" + dirName + "': rename the directory or fix the name");
        }
        if (kind == Kind.UPDATE) {
            CookbookVersion to = destination.cookbook(path);
            if (!options.force() && checksums(from).equals(checksums(to))) {
                return new Outcome.Same();
            }
            if (destination.isServer() && to.frozen() && to.version().equals(from.version()) && !options.force()) {
                return new Outcome.Problem(display.apply(path) + " is frozen at version " + to.version()
                        + " on the Chef server: raise the version in its metadata, or pass --force");
            }
        }
        return new Outcome.Step(new Action(kind, path, EntryType.COOKBOOK, Optional.empty()));
    }

    /** A cookbook's files by path, with their MD5 checksums. */
    static Map<String, String> checksums(CookbookVersion cookbook) {
        Map<String, String> out = new TreeMap<>();
        for (CookbookFile f : cookbook.files()) {
            out.put(f.path(), f.checksum().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private String defaultEnvironment(String path) {
        return "WARNING: " + display.apply(path) + " cannot be modified (the Chef server keeps its own _default "
                + "environment).";
    }

    String rubyProblem(String path) {
        return rubyProblem(path, display);
    }

    static String rubyProblem(String path, UnaryOperator<String> display) {
        String rb = path.substring(0, path.length() - ".json".length()) + ".rb";
        String name = RepoPaths.objectName(RepoPaths.name(path));
        return display.apply(rb) + " is Ruby, which Galley never runs: write it as " + name
                + ".json instead (knife role/environment show NAME -F json prints it)";
    }

    static ObjectType objectType(String path) {
        return RepoPaths.objectType(path).orElseThrow(() -> new IllegalStateException("not an object: " + path));
    }

    private static String describe(EntryType t) {
        return switch (t) {
            case DIRECTORY -> "a directory";
            case OBJECT -> "a file";
            case COOKBOOK -> "a cookbook";
            case RUBY -> "a Ruby file";
            case ABSENT -> "absent";
        };
    }
}
