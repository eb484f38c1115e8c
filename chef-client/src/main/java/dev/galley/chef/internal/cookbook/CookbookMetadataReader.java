package dev.galley.chef.internal.cookbook;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.CookbookMetadata;
import dev.galley.chef.internal.Json;
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
     * @throws ChefConfigException naming the file (and line, for metadata.rb) when the metadata cannot be read
     */
    public static CookbookMetadata read(Path cookbookDirectory) {
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
            throw new ChefConfigException(rb, 0, "metadata.rb is not supported yet: provide metadata.json");
        }
        throw new ChefConfigException(cookbookDirectory, 0, "is not a cookbook: it has neither metadata.rb nor "
                + "metadata.json");
    }
}
