package dev.galley.knife.internal.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.CookbookVersion;
import java.util.List;

/**
 * One side of an upload, download or diff, seen as chef-fs sees it: a tree of paths ("/roles/web.json",
 * "/data_bags/users", "/cookbooks/nginx") on the chef repository on disk or on the Chef server.
 */
public interface RepoSide {

    /** What a path holds on one side. */
    enum EntryType {
        /** Nothing there. */
        ABSENT,
        /** The root, a top-level directory ("/roles") or a data bag. */
        DIRECTORY,
        /** A JSON object: a role, environment, node, client or data bag item. */
        OBJECT,
        /** A cookbook, copied and compared as a whole (its files by checksum). */
        COOKBOOK,
        /** A Ruby file in the repository ("roles/web.rb"), which Galley never runs. */
        RUBY
    }

    /** The top-level directories Galley copies, in chef-fs's order. */
    List<String> TOP_LEVEL = List.of("clients", "cookbooks", "data_bags", "environments", "nodes", "roles");

    /** "the Chef server" or "the chef repository /path", for messages. */
    String describe();

    /** Whether this side is the Chef server. */
    boolean isServer();

    EntryType type(String path);

    /** The paths directly below a directory, sorted; empty when it is not a directory here. */
    List<String> children(String directory);

    /** The JSON object at {@code path}, as stored. @throws dev.galley.core.GalleyException when unreadable */
    JsonNode readObject(String path);

    /** The cookbook at {@code path} (on the server, its newest version). */
    CookbookVersion cookbook(String path);

    /** The bytes of one file of the cookbook at {@code cookbookPath}, for diffs. */
    byte[] cookbookFile(String cookbookPath, String file);

    void createDirectory(String path);

    /**
     * Stores an object, normalized for its type, replacing what is there.
     *
     * @param exists whether this side has it already (the server creates with POST and replaces with PUT)
     */
    void writeObject(String path, ObjectType type, ObjectNode normalized, boolean exists);

    /** Makes the cookbook at {@code path} here what it is on {@code source}. */
    void writeCookbook(String path, RepoSide source, CopyOptions options, boolean exists);

    /** Deletes a path and everything below it. */
    void delete(String path);
}
