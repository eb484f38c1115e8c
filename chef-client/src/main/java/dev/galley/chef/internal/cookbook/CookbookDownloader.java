package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefException;
import dev.galley.chef.CookbookFile;
import dev.galley.chef.CookbookVersion;
import dev.galley.chef.internal.ChefHttp;
import dev.galley.core.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes every file of a cookbook version under a target directory, fetched in parallel (bounded), each checked
 * against its manifest checksum, and never outside the target whatever the server's manifest says.
 */
public final class CookbookDownloader {
    /** How many files are fetched at once. */
    static final int PARALLEL_DOWNLOADS = 8;
    private static final Pattern SAFE_COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final FileTransfers transfers;

    public CookbookDownloader(ChefHttp http) {
        this.transfers = new FileTransfers(http);
    }

    /** The files that share one checksum: fetched once, written to each place. */
    private record Fetch(String checksum, URI url, String firstPath, List<String> paths) {
    }

    /**
     * @return the directory written: {@code target}/NAME-VERSION, or {@code target} when {@code flat}
     */
    public Path download(CookbookVersion cookbook, Path target, boolean flat) {
        String label = cookbook.cookbookName() + " " + cookbook.version();
        String dirName = cookbook.cookbookName() + "-" + cookbook.version();
        if (!flat && (!SAFE_COMPONENT.matcher(dirName).matches() || dirName.startsWith("."))) {
            throw unsafe(label, dirName, "not a plain directory name");
        }
        Path root = (flat ? target : target.resolve(dirName)).toAbsolutePath().normalize();
        // Every path is checked before anything is written, so a bad manifest leaves the disk untouched.
        Map<String, Fetch> fetches = new LinkedHashMap<>();
        Map<String, String> checksumByPath = new LinkedHashMap<>();
        for (CookbookFile f : cookbook.files()) {
            resolveInside(root, f.path(), label);
            String previous = checksumByPath.putIfAbsent(f.path(), f.checksum());
            if (previous != null) {
                if (!previous.equalsIgnoreCase(f.checksum())) {
                    throw unsafe(label, f.path(), "listed twice with different checksums");
                }
                continue;
            }
            if (f.url() == null) {
                throw new ChefException(Fault.UNAVAILABLE, "the manifest of " + label + " gives no download URL for "
                        + f.path() + ": the server's answer is incomplete; try again");
            }
            fetches.computeIfAbsent(f.checksum().toLowerCase(Locale.ROOT),
                    c -> new Fetch(c, url(f, label), f.path(), new ArrayList<>())).paths().add(f.path());
        }
        Path realRoot = createRoot(root);
        List<Fetch> work = List.copyOf(fetches.values());
        BoundedParallel.forEach(work, PARALLEL_DOWNLOADS, "downloading " + work.size() + " files of " + label,
                fetch -> fetch(fetch, realRoot, label));
        return root;
    }

    private void fetch(Fetch fetch, Path realRoot, String label) {
        byte[] content = transfers.download(fetch.url(), fetch.firstPath() + " of " + label);
        String actual = Checksums.md5Hex(content);
        if (!actual.equals(fetch.checksum())) {
            throw new ChefException(Fault.UNAVAILABLE, "downloaded " + fetch.firstPath() + " of " + label
                    + " has MD5 " + actual + " but its manifest says " + fetch.checksum() + ": the server's file "
                    + "store holds a damaged copy or the download was altered on the way; try again, or re-upload "
                    + "the cookbook");
        }
        for (String path : fetch.paths()) {
            write(realRoot, path, content);
        }
    }

    /**
     * The file's place under {@code root}, if the manifest path is a plain relative path: no absolute path, drive
     * letter, backslash, empty, "." or ".." element.
     *
     * @throws ChefException when the path would leave the target
     */
    static Path resolveInside(Path root, String path, String label) {
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw unsafe(label, path, "an empty or binary path");
        }
        if (path.startsWith("/") || DRIVE.matcher(path).matches()) {
            throw unsafe(label, path, "an absolute path");
        }
        if (path.indexOf('\\') >= 0) {
            throw unsafe(label, path, "a backslash in the path");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw unsafe(label, path, "a '" + part + "' path element");
            }
        }
        Path dest = root.resolve(path).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
            throw unsafe(label, path, "a path outside the cookbook");
        }
        return dest;
    }

    private static Path createRoot(Path root) {
        try {
            Files.createDirectories(root);
            return root.toRealPath();
        } catch (IOException e) {
            throw new ChefException(Fault.BAD_INPUT, "cannot create the download directory " + root + " (" + e
                    + "): check that you may write there");
        }
    }

    /**
     * Creates the parent directories one by one, refusing to pass through a symbolic link (which could lead out of
     * the target), then replaces the file atomically; a link in the file's place is replaced, not followed.
     */
    private static void write(Path realRoot, String path, byte[] content) {
        Path dest = realRoot.resolve(path);
        Path dir = realRoot;
        String[] parts = path.split("/");
        try {
            for (int i = 0; i < parts.length - 1; i++) {
                dir = dir.resolve(parts[i]);
                if (Files.isSymbolicLink(dir)) {
                    throw new ChefException(Fault.BAD_INPUT, "refusing to write " + dest + ": " + dir + " is a "
                            + "symbolic link, which could lead outside " + realRoot + "; remove it or download "
                            + "elsewhere");
                }
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException exists) {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        throw new ChefException(Fault.BAD_INPUT, "cannot write " + dest + ": " + dir + " exists "
                                + "and is not a directory; remove it or download elsewhere");
                    }
                }
            }
            // Created with the default permissions (a temp file would be private), as a plain write would be.
            Path part = Files.createFile(dir.resolve(".galley-" + UUID.randomUUID() + ".part"));
            try {
                Files.write(part, content);
                Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new ChefException(Fault.BAD_INPUT, "cannot write " + dest + " (" + e + "): check that you may "
                    + "write there and that it is not a directory");
        }
    }

    private static URI url(CookbookFile f, String label) {
        try {
            return new URI(f.url());
        } catch (URISyntaxException e) {
            // The text is not shown: it may carry a pre-signature.
            throw new ChefException(Fault.UNAVAILABLE, "the manifest of " + label + " gives a download URL for "
                    + f.path() + " that does not parse (" + e.getReason() + "): the server's answer is corrupt; "
                    + "try again");
        }
    }

    private static ChefException unsafe(String label, String path, String why) {
        return new ChefException(Fault.UNAVAILABLE, "the manifest of " + label + " names the file '" + path
                + "' (" + why + "): refusing to download, since it could write outside the target directory; the "
                + "server's copy of this cookbook is corrupt or malicious");
    }
}
