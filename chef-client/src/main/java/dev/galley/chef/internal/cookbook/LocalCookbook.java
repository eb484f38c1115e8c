package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.CookbookMetadata;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cookbook directory as it will be uploaded: its metadata, and every file that is not ignored with its MD5.
 *
 * @param directory the cookbook directory
 * @param metadata  the metadata, as {@link CookbookMetadataReader} read it
 * @param name      the cookbook name (from the metadata)
 * @param version   the version, normalised to x.y.z as Chef does
 * @param files     the files to upload, sorted by path
 */
public record LocalCookbook(Path directory, CookbookMetadata metadata, String name, String version,
        List<LocalFile> files) {
    private static final Pattern COOKBOOK_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    /** Version control metadata: never part of a cookbook, whatever chefignore says. */
    private static final Set<String> VCS_DIRECTORIES = Set.of(".git", ".svn", ".hg", ".bzr", "CVS", "_darcs");

    public LocalCookbook {
        files = List.copyOf(files);
    }

    /**
     * One file of the cookbook.
     *
     * @param path     the path inside the cookbook, "/" separated ("templates/default/x.erb")
     * @param source   where it is on disk
     * @param checksum its MD5, lower-case hex
     * @param size     its size in bytes when it was checksummed
     */
    public record LocalFile(String path, Path source, String checksum, long size) {
        public String segment() {
            return Segments.of(path);
        }

        public String specificity() {
            return Segments.specificity(path);
        }
    }

    /**
     * Reads a cookbook directory.
     *
     * @throws ChefConfigException naming the directory or file when it is not a usable cookbook
     */
    public static LocalCookbook read(Path directory) {
        if (!Files.exists(directory)) {
            throw new ChefConfigException(directory, 0, "does not exist: give the path of a cookbook directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new ChefConfigException(directory, 0, "is not a directory: give the path of a cookbook directory "
                    + "(the one holding metadata.json or metadata.rb)");
        }
        CookbookMetadata metadata = CookbookMetadataReader.read(directory);
        if (!COOKBOOK_NAME.matcher(metadata.name()).matches()) {
            throw new ChefConfigException(directory, 0, "the metadata names the cookbook '" + metadata.name()
                    + "', which is not a valid cookbook name: use only letters, digits, '_', '-' and '.'");
        }
        if (!VersionOrder.isChefVersion(metadata.version())) {
            throw new ChefConfigException(directory, 0, "the metadata gives version '" + metadata.version()
                    + "', which is not a Chef cookbook version: use x.y.z (three whole numbers)");
        }
        List<LocalFile> files = scan(directory, Chefignore.of(directory));
        return new LocalCookbook(directory, metadata, metadata.name(), VersionOrder.normalize(metadata.version()),
                files);
    }

    private static List<LocalFile> scan(Path root, Chefignore chefignore) {
        List<LocalFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            boolean vcs = !dir.equals(root) && VCS_DIRECTORIES.contains(dir.getFileName().toString());
                            return vcs ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String path = relative(root, file);
                            if (attrs.isRegularFile() && !isEditorOrOsJunk(file.getFileName().toString())
                                    && !chefignore.ignores(path)) {
                                files.add(new LocalFile(path, file, checksum(file), attrs.size()));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (chefignore.ignores(relative(root, file))) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (e instanceof FileSystemLoopException) {
                                throw new ChefConfigException(file, 0, "is a symbolic link to a directory that "
                                        + "contains it: remove the link or add it to chefignore");
                            }
                            throw unreadable(file, e);
                        }
                    });
        } catch (IOException e) {
            throw unreadable(root, e);
        }
        files.sort(Comparator.comparing(LocalFile::path));
        return files;
    }

    private static String checksum(Path file) {
        try {
            return Checksums.md5Hex(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static ChefConfigException unreadable(Path file, IOException e) {
        return new ChefConfigException(file, 0, "cannot read this cookbook file (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): fix its permissions, or add it to "
                + "chefignore to leave it out");
    }

    /** Editor backups and swap files and OS droppings, left out as Chef's default chefignore leaves them out. */
    static boolean isEditorOrOsJunk(String fileName) {
        return fileName.endsWith("~") || fileName.endsWith(".swp") || fileName.endsWith(".swo")
                || fileName.startsWith(".#") || fileName.equals(".DS_Store") || fileName.equals("Thumbs.db")
                || fileName.equals(".git"); // a worktree's or submodule's pointer file
    }

    private static String relative(Path root, Path file) {
        StringBuilder b = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }
}
