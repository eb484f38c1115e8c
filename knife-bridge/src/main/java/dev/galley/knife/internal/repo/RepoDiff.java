package dev.galley.knife.internal.repo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import dev.galley.knife.internal.repo.RepoSide.EntryType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * knife diff: what differs between the Chef server (old) and the chef repository (new) where the patterns reach.
 * Objects are compared as knife compares them (normalized, defaults dropped), cookbooks file by file by checksum.
 */
public final class RepoDiff {

    /** How an entry differs; the letters of {@code --name-status}. */
    public enum Status {
        ADDED("A"), DELETED("D"), MODIFIED("M"), TYPE_CHANGED("T");

        private final String letter;

        Status(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }
    }

    /**
     * One difference.
     *
     * @param status    added (only in the repository), deleted (only on the server), modified, or type changed
     * @param path      the chef-fs path
     * @param directory whether it is a directory or cookbook (shown as "Only in ...", without content)
     */
    public record Difference(Status status, String path, boolean directory) {
    }

    private final ServerRepo server;
    private final LocalRepo local;
    private final int concurrency;
    private final UnaryOperator<String> display;

    public RepoDiff(ServerRepo server, LocalRepo local, int concurrency, UnaryOperator<String> display) {
        this.server = server;
        this.local = local;
        this.concurrency = concurrency;
        this.display = display;
    }

    /**
     * Every difference, in path order.
     *
     * @throws GalleyException (bad input) for a Ruby file, malformed JSON, or an exact pattern that matches nothing
     */
    public List<Difference> differences(List<RepoPattern> patterns) {
        List<String> problems = new ArrayList<>();
        Set<String> roots = new TreeSet<>();
        for (RepoPattern p : patterns) {
            List<String> found = RepoSelection.select(p, server, local);
            if (found.isEmpty() && p.isExact()) {
                problems.add(display.apply(p.text()) + ": No such file or directory on remote or local");
            }
            roots.addAll(found);
        }
        List<String> objects = new ArrayList<>();
        List<String> cookbooks = new ArrayList<>();
        List<Difference> out = new ArrayList<>();
        for (String root : roots) {
            if (roots.stream().noneMatch(o -> !o.equals(root) && RepoPaths.isWithin(root, o))) {
                walk(root, out, objects, cookbooks, problems);
            }
        }
        for (Optional<Difference> d : Parallel.map(objects, concurrency, path -> guarded(path, problems,
                () -> compareObjects(path)))) {
            d.ifPresent(out::add);
        }
        for (List<Difference> ds : Parallel.map(cookbooks, concurrency, path -> guarded(path, problems,
                () -> Optional.of(compareCookbooks(path))).orElse(List.of()))) {
            out.addAll(ds);
        }
        if (!problems.isEmpty()) {
            throw GalleyException.badInput(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more)" : ""));
        }
        out.sort(Comparator.comparing(Difference::path, RepoCopy::comparePaths));
        return out;
    }

    private <T> Optional<T> guarded(String path, List<String> problems, java.util.function.Supplier<Optional<T>> s) {
        try {
            return s.get();
        } catch (GalleyException e) {
            if (e.fault() != Fault.BAD_INPUT) {
                throw e;
            }
            synchronized (problems) {
                problems.add(e.getMessage().replaceFirst(" \\(nothing was changed\\)$", "")
                        .replaceFirst("; fix the file \\(nothing was changed\\)$", "; fix the file"));
            }
            return Optional.empty();
        }
    }

    private void walk(String path, List<Difference> out, List<String> objects, List<String> cookbooks,
            List<String> problems) {
        EntryType old = server.type(path);
        EntryType now = local.type(path);
        if (now == EntryType.RUBY) {
            problems.add(RepoCopy.rubyProblem(path, display));
            return;
        }
        if (old == EntryType.ABSENT && now == EntryType.ABSENT) {
            return;
        }
        if (old == EntryType.ABSENT) {
            out.add(new Difference(Status.ADDED, path, now != EntryType.OBJECT));
            return;
        }
        if (now == EntryType.ABSENT) {
            if (RepoPaths.depth(path) > 1) { // a repository without roles/ does not manage roles
                out.add(new Difference(Status.DELETED, path, old != EntryType.OBJECT));
            }
            return;
        }
        if (old != now) {
            out.add(new Difference(Status.TYPE_CHANGED, path, false));
            return;
        }
        switch (old) {
            case DIRECTORY -> {
                Set<String> children = new TreeSet<>(server.children(path));
                children.addAll(local.children(path));
                for (String child : children) {
                    walk(child, out, objects, cookbooks, problems);
                }
            }
            case OBJECT -> objects.add(path);
            case COOKBOOK -> cookbooks.add(path);
            default -> {
            }
        }
    }

    private Optional<Difference> compareObjects(String path) {
        ObjectType type = RepoCopy.objectType(path);
        String name = RepoPaths.objectName(RepoPaths.name(path));
        ObjectNode now = type.minimal(local.readObject(path), name);
        ObjectNode old = type.minimal(server.readObject(path), name);
        return ChefJson.sameData(old, now) ? Optional.empty()
                : Optional.of(new Difference(Status.MODIFIED, path, false));
    }

    private List<Difference> compareCookbooks(String path) {
        Map<String, String> old = RepoCopy.checksums(server.cookbook(path));
        Map<String, String> now = RepoCopy.checksums(local.cookbook(path));
        Set<String> files = new TreeSet<>(old.keySet());
        files.addAll(now.keySet());
        List<Difference> out = new ArrayList<>();
        for (String f : files) {
            String p = path + "/" + f;
            if (!old.containsKey(f)) {
                out.add(new Difference(Status.ADDED, p, false));
            } else if (!now.containsKey(f)) {
                out.add(new Difference(Status.DELETED, p, false));
            } else if (!old.get(f).equals(now.get(f))) {
                out.add(new Difference(Status.MODIFIED, p, false));
            }
        }
        return out;
    }

    /** The entry as knife diff prints it without --name-only or --name-status: a unified diff or an "Only in". */
    public String render(Difference d) {
        String shown = display.apply(d.path());
        if (d.status() == Status.TYPE_CHANGED) {
            return "File " + shown + " is of a different type on the Chef server and in the repository\n";
        }
        if (d.directory()) {
            String parent = display.apply(RepoPaths.parent(d.path()));
            return "Only in " + parent + ": " + RepoPaths.name(d.path()) + "\n";
        }
        String old = d.status() == Status.ADDED ? "" : content(server, d.path());
        String now = d.status() == Status.DELETED ? "" : content(local, d.path());
        StringBuilder b = new StringBuilder("diff --knife ").append(shown).append(' ').append(shown).append('\n');
        if (d.status() == Status.ADDED) {
            b.append("new file\n");
        } else if (d.status() == Status.DELETED) {
            b.append("deleted file\n");
        }
        String oldName = d.status() == Status.ADDED ? "/dev/null" : shown;
        String newName = d.status() == Status.DELETED ? "/dev/null" : shown;
        if (old == null || now == null) {
            return b.append("Binary files ").append(oldName).append(" and ").append(newName).append(" differ\n")
                    .toString();
        }
        return b.append(UnifiedDiff.of(oldName, newName, old, now)).toString();
    }

    /** The text knife would show: the minimized object, or a cookbook file's text; null for a binary file. */
    private String content(RepoSide side, String path) {
        List<String> parts = RepoPaths.parts(path);
        if (parts.get(0).equals("cookbooks")) {
            String cookbook = "/cookbooks/" + parts.get(1);
            String file = String.join("/", parts.subList(2, parts.size()));
            return text(side.cookbookFile(cookbook, file));
        }
        ObjectType type = RepoCopy.objectType(path);
        String name = RepoPaths.objectName(RepoPaths.name(path));
        return ChefJson.pretty(type.minimal(side.readObject(path), name)) + "\n";
    }

    private static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
