package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.CookbookMetadata;
import dev.galley.chef.internal.Json;
import dev.galley.chef.internal.ruby.RubyEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a cookbook directory's metadata as Chef's cookbook loader does: metadata.json when present, otherwise
 * metadata.rb evaluated safely (never by running Ruby).
 */
public final class CookbookMetadataReader {
    private CookbookMetadataReader() {
    }

    /**
     * Reads with this process's environment and working directory (which relative {@code IO.read} paths in
     * metadata.rb resolve against, as in Ruby).
     *
     * @throws ChefConfigException naming the file (and line, for metadata.rb) when the metadata cannot be read
     */
    public static CookbookMetadata read(Path cookbookDirectory) {
        return read(cookbookDirectory, RubyEnvironment.ofProcess());
    }

    /**
     * Reads with the given environment for metadata.rb's {@code ENV}, {@code Dir.home} and relative paths.
     *
     * @throws ChefConfigException naming the file (and line, for metadata.rb) when the metadata cannot be read
     */
    public static CookbookMetadata read(Path cookbookDirectory, RubyEnvironment env) {
        Path json = cookbookDirectory.resolve("metadata.json");
        Path rb = cookbookDirectory.resolve("metadata.rb");
        if (Files.isRegularFile(json)) {
            try {
                return Json.MAPPER.readValue(json.toFile(), CookbookMetadata.class);
            } catch (IOException e) {
                throw new ChefConfigException(json, 0, "is not valid cookbook metadata JSON: " + e.getMessage());
            }
        }
        if (Files.isRegularFile(rb)) {
            return MetadataRbReader.read(rb, env);
        }
        throw new ChefConfigException(cookbookDirectory, 0, "is not a cookbook: it has neither metadata.rb nor "
                + "metadata.json");
    }
}
