package dev.galley.knife.internal.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefClient;
import dev.galley.chef.CookbookFile;
import dev.galley.chef.CookbookVersion;
import dev.galley.chef.Cookbooks;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A chef repository on disk as a chef-fs tree: roles/, environments/, nodes/, clients/ hold NAME.json files,
 * data_bags/BAG/ITEM.json, cookbooks/NAME/ a cookbook (a directory with metadata.json or metadata.rb). A Ruby file
 * in place of a JSON one ("roles/web.rb") is seen, so it can be refused, never read.
 */
public final class LocalRepo implements RepoSide {
    private static final Set<String> RUBY_CAPABLE = Set.of("roles", "environments", "nodes", "clients");

    private final Path root;
    private final Supplier<ChefClient> chef;
    private final Map<String, CookbookVersion> cookbooks = new ConcurrentHashMap<>();

    /**
     * @param root the repository's directory
     * @param chef the Chef client, used only to download cookbooks into the repository
     */
    public LocalRepo(Path root, Supplier<ChefClient> chef) {
        this.root = root.toAbsolutePath().normalize();
        this.chef = chef;
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "the chef repository " + root;
    }

    @Override
    public boolean isServer() {
        return false;
    }

    /** Where a chef-fs path lives on disk; a Ruby object file when there is one. */
    public Path file(String path) {
        Path f = root;
        for (String part : RepoPaths.parts(path)) {
            f = f.resolve(part);
        }
        if (RepoPaths.objectType(path).isPresent() && path.endsWith(".json")) {
            Path rb = f.resolveSibling(RepoPaths.objectName(f.getFileName().toString()) + ".rb");
            if (RUBY_CAPABLE.contains(RepoPaths.parts(path).get(0)) && Files.isRegularFile(rb)) {
                return rb;
            }
        }
        return f;
    }

    @Override
    public EntryType type(String path) {
        List<String> p = RepoPaths.parts(path);
        Path f = file(path);
        if (p.isEmpty()) {
            return Files.isDirectory(f) ? EntryType.DIRECTORY : EntryType.ABSENT;
        }
        if (!TOP_LEVEL.contains(p.get(0))) {
            return EntryType.ABSENT;
        }
        if (p.size() == 1 || (p.size() == 2 && p.get(0).equals("data_bags"))) {
            return Files.isDirectory(f) ? EntryType.DIRECTORY : EntryType.ABSENT;
        }
        if (p.get(0).equals("cookbooks")) {
            return p.size() == 2 && isCookbook(f) ? EntryType.COOKBOOK : EntryType.ABSENT;
        }
        boolean objectPlace = p.size() == 2 || (p.size() == 3 && p.get(0).equals("data_bags"));
        if (!objectPlace || !path.endsWith(".json")) {
            return EntryType.ABSENT;
        }
        if (f.getFileName().toString().endsWith(".rb")) {
            return EntryType.RUBY;
        }
        return Files.isRegularFile(f) ? EntryType.OBJECT : Files.exists(f) ? EntryType.DIRECTORY : EntryType.ABSENT;
    }

    private static boolean isCookbook(Path dir) {
        return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve("metadata.json"))
                || Files.isRegularFile(dir.resolve("metadata.rb")));
    }

    @Override
    public List<String> children(String directory) {
        if (type(directory) != EntryType.DIRECTORY) {
            return List.of();
        }
        List<String> p = RepoPaths.parts(directory);
        Set<String> names = new java.util.TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file(directory))) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (p.isEmpty()) {
                    if (TOP_LEVEL.contains(name) && Files.isDirectory(e)) {
                        names.add(name);
                    }
                } else if (p.size() == 1 && p.get(0).equals("cookbooks")) {
                    if (isCookbook(e)) {
                        names.add(name);
                    }
                } else if (p.size() == 1 && p.get(0).equals("data_bags")) {
                    if (Files.isDirectory(e)) {
                        names.add(name);
                    }
                } else if (name.endsWith(".json")) {
                    names.add(name);
                } else if (name.endsWith(".rb") && RUBY_CAPABLE.contains(p.get(0))) {
                    names.add(RepoPaths.objectName(name.substring(0, name.length() - 3)) + ".json");
                }
            }
        } catch (IOException e) {
            throw GalleyException.badInput("cannot list " + file(directory) + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(RepoPaths.child(directory, n)));
        return out;
    }

    @Override
    public JsonNode readObject(String path) {
        Path f = file(path);
        JsonNode json;
        try {
            json = ChefJson.parse(Files.readAllBytes(f));
        } catch (NoSuchFileException e) {
            throw GalleyException.badInput(f + " does not exist");
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().replaceFirst("\\s*\\(start marker at .*", "").lines().findFirst()
                    .orElse("malformed");
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw GalleyException.badInput(f + " is not valid JSON" + where + " (" + reason + "); fix the file "
                    + "(nothing was changed)");
        } catch (IOException e) {
            throw GalleyException.badInput("cannot read " + f + ": " + e.getMessage());
        }
        if (!json.isObject()) {
            throw GalleyException.badInput(f + " holds a JSON " + json.getNodeType().toString().toLowerCase(
                    java.util.Locale.ROOT) + ", not an object; fix the file (nothing was changed)");
        }
        return json;
    }

    @Override
    public CookbookVersion cookbook(String path) {
        return cookbooks.computeIfAbsent(path, p -> Cookbooks.readDirectory(file(p)));
    }

    @Override
    public byte[] cookbookFile(String cookbookPath, String file) {
        try {
            return Files.readAllBytes(file(cookbookPath).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void createDirectory(String path) {
        try {
            Files.createDirectories(file(path));
        } catch (IOException e) {
            throw GalleyException.badInput("cannot create " + file(path) + ": " + e.getMessage());
        }
    }

    @Override
    public void writeObject(String path, ObjectType type, ObjectNode normalized, boolean exists) {
        String name = RepoPaths.objectName(RepoPaths.name(path));
        write(file(path), ChefJson.pretty(type.minimize(normalized, name)));
    }

    /** Writes through a temporary file in the same directory, so a reader never sees half a file. */
    static void write(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw GalleyException.badInput("cannot write " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void writeCookbook(String path, RepoSide source, CopyOptions options, boolean exists) {
        CookbookVersion remote = source.cookbook(path);
        Path dir = file(path);
        chef.get().cookbooks().download(remote.cookbookName(), remote.version(), dir, true);
        if (options.purge() && exists) {
            // Files the server's version lacks go, but only those an upload would send (never chefignored ones).
            Set<String> wanted = new HashSet<>(remote.files().stream().map(CookbookFile::path).toList());
            for (CookbookFile f : cookbook(path).files()) {
                if (!wanted.contains(f.path())) {
                    try {
                        Files.deleteIfExists(dir.resolve(f.path()));
                    } catch (IOException e) {
                        throw GalleyException.badInput("cannot delete " + dir.resolve(f.path()) + ": "
                                + e.getMessage());
                    }
                }
            }
        }
        cookbooks.remove(path);
    }

    @Override
    public void delete(String path) {
        Path f = file(path);
        if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(f);
        } else {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw GalleyException.badInput("cannot delete " + f + ": " + e.getMessage());
            }
        }
        cookbooks.remove(path);
    }

    /** Deletes a directory and everything in it, never following links out of it. */
    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already gone
        } catch (IOException e) {
            throw GalleyException.badInput("cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
