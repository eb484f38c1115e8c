package dev.galley.knife.internal.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Operations on chef-fs paths: absolute, "/" separated, "/" for the repository's root. */
final class RepoPaths {
    private RepoPaths() {
    }

    static List<String> parts(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    static int depth(String path) {
        return parts(path).size();
    }

    /** The object name of "web.json" ("web"); names without .json are returned as they are. */
    static String objectName(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    /** Whether {@code path} is {@code ancestor} or lies below it. */
    static boolean isWithin(String path, String ancestor) {
        return ancestor.equals("/") || path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    /** The type of the object file at {@code path}: "/roles/web.json" is a role, "/data_bags/b/i.json" an item. */
    static Optional<ObjectType> objectType(String path) {
        List<String> p = parts(path);
        if (p.size() == 2) {
            return ObjectType.ofDirectory(p.get(0));
        }
        if (p.size() == 3 && p.get(0).equals("data_bags")) {
            return Optional.of(ObjectType.DATA_BAG_ITEM);
        }
        return Optional.empty();
    }
}
