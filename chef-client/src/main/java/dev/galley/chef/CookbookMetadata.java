package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A cookbook's metadata, as metadata.rb declares it and metadata.json / the server's manifest carry it.
 *
 * @param name            the cookbook name
 * @param version         its version ("1.2.0")
 * @param description     a one-line description
 * @param longDescription the long description (often the README)
 * @param maintainer      the maintainer's name
 * @param maintainerEmail the maintainer's e-mail
 * @param license         the license
 * @param platforms       supported platforms and constraints ({@code supports})
 * @param dependencies    cookbook dependencies and constraints ({@code depends})
 * @param recipes         recipe descriptions ({@code recipe})
 * @param extra           every other key (chef_versions, ohai_versions, gems, source_url, issues_url, privacy, ...)
 */
public record CookbookMetadata(String name, String version, String description, String longDescription,
        String maintainer, String maintainerEmail, String license, Map<String, String> platforms,
        Map<String, String> dependencies, Map<String, String> recipes,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public CookbookMetadata {
        Objects.requireNonNull(name, "name");
        version = version == null ? "0.0.0" : version;
        description = description == null ? "" : description;
        longDescription = longDescription == null ? "" : longDescription;
        maintainer = maintainer == null ? "" : maintainer;
        maintainerEmail = maintainerEmail == null ? "" : maintainerEmail;
        license = license == null ? "All rights reserved" : license;
        platforms = ordered(platforms);
        dependencies = ordered(dependencies);
        recipes = ordered(recipes);
        extra = Attributes.copy(extra);
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
