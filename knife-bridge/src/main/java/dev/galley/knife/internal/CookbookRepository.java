package dev.galley.knife.internal;

import dev.galley.chef.CookbookMetadata;
import dev.galley.chef.internal.cookbook.CookbookMetadataReader;
import dev.galley.chef.internal.cookbook.VersionOrder;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The cookbooks in knife's cookbook path (several directories, the first holding a cookbook wins), read from their
 * metadata, and the order to upload them in: every cookbook after the cookbooks it depends on.
 */
public final class CookbookRepository {
    /**
     * A cookbook directory as its metadata describes it.
     *
     * @param name         the cookbook name (from the metadata)
     * @param version      the version, x.y.z
     * @param directory    where it is
     * @param dependencies the cookbooks it depends on, with their constraints
     */
    public record LocalCookbook(String name, String version, Path directory,
            Map<String, VersionConstraint> dependencies) {
    }

    private final List<Path> paths;
    private final Map<Path, Optional<LocalCookbook>> read = new LinkedHashMap<>();

    public CookbookRepository(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a cookbook repository needs at least one path");
        }
        this.paths = List.copyOf(paths);
    }

    public List<Path> paths() {
        return paths;
    }

    /** The cookbook of that name, looked up first by directory name, then by every directory's metadata. */
    public Optional<LocalCookbook> find(String name) {
        for (Path p : paths) {
            Optional<LocalCookbook> c = read(p.resolve(name)).filter(cb -> cb.name().equals(name));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.ofNullable(all().get(name));
    }

    /** Every cookbook in the path by name; where two directories hold the same cookbook, the first path wins. */
    public Map<String, LocalCookbook> all() {
        Map<String, LocalCookbook> out = new TreeMap<>();
        for (Path p : paths) {
            for (Path dir : children(p)) {
                read(dir).ifPresent(cb -> out.putIfAbsent(cb.name(), cb));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The cookbooks to upload for these names: with {@code withDependencies}, also every dependency found in the
     * path (recursively); each cookbook after its dependencies, otherwise in the order given.
     *
     * @return the upload set in order, and the dependencies that are not in the path
     * @throws GalleyException (bad input) naming a requested cookbook that is in none of the paths
     */
    public UploadSet uploadSet(List<String> names, boolean withDependencies) {
        Map<String, LocalCookbook> chosen = new LinkedHashMap<>();
        Map<String, List<String>> notLocal = new TreeMap<>();
        List<String> queue = new ArrayList<>(names);
        Set<String> requested = new HashSet<>(names);
        for (int i = 0; i < queue.size(); i++) {
            String name = queue.get(i);
            if (chosen.containsKey(name)) {
                continue;
            }
            Optional<LocalCookbook> found = find(name);
            if (found.isEmpty()) {
                if (requested.contains(name)) {
                    throw GalleyException.badInput("cookbook " + name + " is in none of the cookbook paths ("
                            + describe(paths) + "): check the name, or give its directory's parent with -o");
                }
                continue;
            }
            chosen.put(name, found.get());
            if (withDependencies) {
                for (String dep : found.get().dependencies().keySet()) {
                    if (find(dep).isEmpty()) {
                        notLocal.computeIfAbsent(dep, d -> new ArrayList<>()).add(name);
                    } else {
                        queue.add(dep);
                    }
                }
            }
        }
        return new UploadSet(dependenciesFirst(chosen), notLocal);
    }

    /**
     * The cookbooks to upload, in order, and the dependencies the path lacks (by name, with who needs them).
     *
     * @param cookbooks the cookbooks, each after those it depends on
     * @param notLocal  dependencies found in none of the paths, with the cookbooks that need them
     */
    public record UploadSet(List<LocalCookbook> cookbooks, Map<String, List<String>> notLocal) {
    }

    /** Orders the cookbooks so that each comes after those of its dependencies that are in the set. */
    public static List<LocalCookbook> dependenciesFirst(Map<String, LocalCookbook> set) {
        List<LocalCookbook> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String name : set.keySet()) {
            place(name, set, placed, visiting, out);
        }
        return out;
    }

    private static void place(String name, Map<String, LocalCookbook> set, Set<String> placed, Set<String> visiting,
            List<LocalCookbook> out) {
        if (placed.contains(name) || !set.containsKey(name) || !visiting.add(name)) {
            return; // a dependency cycle is broken where it closes, as Chef tolerates them
        }
        for (String dep : new TreeMap<>(set.get(name).dependencies()).keySet()) {
            place(dep, set, placed, visiting, out);
        }
        visiting.remove(name);
        placed.add(name);
        out.add(set.get(name));
    }

    private Optional<LocalCookbook> read(Path dir) {
        return read.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            if (!Files.isDirectory(d) || !(Files.isRegularFile(d.resolve("metadata.rb"))
                    || Files.isRegularFile(d.resolve("metadata.json")))) {
                return Optional.empty();
            }
            CookbookMetadata m = CookbookMetadataReader.read(d);
            if (!VersionOrder.isChefVersion(m.version())) {
                throw GalleyException.badInput("cookbook " + d + " has version '" + m.version() + "', which is not a "
                        + "Chef cookbook version: use x.y.z in its metadata");
            }
            Map<String, VersionConstraint> deps = new LinkedHashMap<>();
            m.dependencies().forEach((dep, constraint) -> deps.put(dep, constraint == null || constraint.isBlank()
                    ? VersionConstraint.ANY : VersionConstraint.parse(constraint)));
            return Optional.of(new LocalCookbook(m.name(), VersionOrder.normalize(m.version()), d,
                    Collections.unmodifiableMap(deps)));
        });
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw GalleyException.badInput("cannot list cookbook path " + dir + ": " + e.getMessage());
        }
    }

    /** The paths joined as knife's -o takes them. */
    public static String describe(List<Path> paths) {
        return String.join(":", paths.stream().map(Path::toString).toList());
    }
}
