package dev.galley.knife.internal.repo;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chef server as a chef-fs tree: "/roles/web.json" is {@code /roles/web}, "/data_bags/b/i.json" is
 * {@code /data/b/i}, "/cookbooks/nginx" the newest version of cookbook nginx. Listings are read once and kept.
 */
public final class ServerRepo implements RepoSide {
    private static final byte[] NO_BODY = new byte[0];

    private final ChefClient chef;
    private final Map<String, List<String>> listings = new ConcurrentHashMap<>();
    private final Map<String, CookbookVersion> cookbooks = new ConcurrentHashMap<>();
    private final Map<String, Path> downloadedCookbooks = new ConcurrentHashMap<>();

    public ServerRepo(ChefClient chef) {
        this.chef = chef;
    }

    @Override
    public String describe() {
        return "the Chef server";
    }

    @Override
    public boolean isServer() {
        return true;
    }

    @Override
    public EntryType type(String path) {
        if (path.equals("/")) {
            return EntryType.DIRECTORY;
        }
        List<String> p = RepoPaths.parts(path);
        if (p.size() == 1) {
            return TOP_LEVEL.contains(p.get(0)) ? EntryType.DIRECTORY : EntryType.ABSENT;
        }
        if (!TOP_LEVEL.contains(p.get(0)) || !children(RepoPaths.parent(path)).contains(path)) {
            return EntryType.ABSENT;
        }
        return switch (p.get(0)) {
            case "cookbooks" -> EntryType.COOKBOOK;
            case "data_bags" -> p.size() == 2 ? EntryType.DIRECTORY : EntryType.OBJECT;
            default -> EntryType.OBJECT;
        };
    }

    @Override
    public List<String> children(String directory) {
        // Not computeIfAbsent: listing a data bag looks up its parent's listing, which a mapping function may not.
        List<String> known = listings.get(directory);
        if (known != null) {
            return known;
        }
        List<String> listed = list(directory);
        List<String> raced = listings.putIfAbsent(directory, listed);
        return raced == null ? listed : raced;
    }

    private List<String> list(String directory) {
        List<String> p = RepoPaths.parts(directory);
        TreeSet<String> names = new TreeSet<>();
        if (p.isEmpty()) {
            names.addAll(TOP_LEVEL);
        } else if (p.size() == 1) {
            switch (p.get(0)) {
                case "roles" -> chef.roles().list().forEach(n -> names.add(n + ".json"));
                case "environments" -> chef.environments().list().forEach(n -> names.add(n + ".json"));
                case "nodes" -> chef.nodes().list().forEach(n -> names.add(n + ".json"));
                case "clients" -> chef.clients().list().forEach(n -> names.add(n + ".json"));
                case "data_bags" -> names.addAll(chef.dataBags().list());
                case "cookbooks" -> names.addAll(chef.cookbooks().list(1).keySet());
                default -> {
                }
            }
        } else if (p.size() == 2 && p.get(0).equals("data_bags") && type(directory) == EntryType.DIRECTORY) {
            chef.dataBags().items(p.get(1)).forEach(n -> names.add(n + ".json"));
        }
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(RepoPaths.child(directory, n)));
        return List.copyOf(out);
    }

    @Override
    public JsonNode readObject(String path) {
        return chef.raw().request("GET", apiPath(path), NO_BODY).json();
    }

    @Override
    public CookbookVersion cookbook(String path) {
        return cookbooks.computeIfAbsent(path, p -> chef.cookbooks().get(RepoPaths.name(p), "_latest"));
    }

    @Override
    public byte[] cookbookFile(String cookbookPath, String file) {
        // Fetched whole, once, checksums checked by the download; diffs need only a few files of a few cookbooks.
        Path dir = downloadedCookbooks.computeIfAbsent(cookbookPath, p -> {
            try {
                Path tmp = Files.createTempDirectory("galley-diff-");
                CookbookVersion cb = cookbook(p);
                return chef.cookbooks().download(cb.cookbookName(), cb.version(), tmp, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary copies {@link #cookbookFile} made. */
    public void cleanUp() {
        downloadedCookbooks.values().forEach(LocalRepo::deleteTree);
        downloadedCookbooks.clear();
    }

    @Override
    public void createDirectory(String path) {
        List<String> p = RepoPaths.parts(path);
        if (p.size() != 2 || !p.get(0).equals("data_bags")) {
            throw new IllegalStateException("the server has no directory " + path + " to create");
        }
        chef.dataBags().create(p.get(1));
        listings.remove(RepoPaths.parent(path));
    }

    @Override
    public void writeObject(String path, ObjectType type, ObjectNode normalized, boolean exists) {
        byte[] body = normalized.toString().getBytes(StandardCharsets.UTF_8);
        if (exists) {
            chef.raw().request("PUT", apiPath(path), body);
        } else {
            chef.raw().request("POST", apiPath(RepoPaths.parent(path)), body);
        }
    }

    @Override
    public void writeCookbook(String path, RepoSide source, CopyOptions options, boolean exists) {
        Path dir = ((LocalRepo) source).file(path);
        chef.cookbooks().upload(dir, new Cookbooks.UploadOptions(options.freeze(), options.force(),
                Math.max(1, options.concurrency())));
        cookbooks.remove(path);
    }

    @Override
    public void delete(String path) {
        List<String> p = RepoPaths.parts(path);
        if (p.size() == 2 && p.get(0).equals("cookbooks")) {
            for (String version : chef.cookbooks().versions(p.get(1))) {
                chef.cookbooks().delete(p.get(1), version, false);
            }
        } else if (p.size() >= 2) {
            chef.raw().request("DELETE", apiPath(path), NO_BODY);
        } else {
            throw GalleyException.badInput(path + " cannot be deleted from the Chef server");
        }
    }

    static String apiPath(String path) {
        List<String> p = RepoPaths.parts(path);
        String last = p.isEmpty() ? "" : RepoPaths.objectName(p.get(p.size() - 1));
        if (!p.isEmpty() && p.get(0).equals("data_bags")) {
            return switch (p.size()) {
                case 1 -> "/data";
                case 2 -> "/data/" + p.get(1);
                default -> "/data/" + p.get(1) + "/" + last;
            };
        }
        return p.size() == 1 ? "/" + p.get(0) : "/" + p.get(0) + "/" + last;
    }

    /** The files of a cookbook by path, with their checksums. */
    static Map<String, String> checksums(CookbookVersion cookbook) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (CookbookFile f : cookbook.files()) {
            out.put(f.path(), f.checksum().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }
}
