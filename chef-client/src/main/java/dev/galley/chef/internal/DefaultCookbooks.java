package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.CookbookSummary;
import dev.galley.chef.CookbookUpload;
import dev.galley.chef.CookbookVersion;
import dev.galley.chef.Cookbooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Placeholder until the cookbooks endpoints land. */
final class DefaultCookbooks extends Endpoint implements Cookbooks {
    DefaultCookbooks(ChefHttp http) {
        super(http);
    }

    @Override
    public Map<String, CookbookSummary> list(int numVersions) {
        throw notYet();
    }

    @Override
    public List<String> versions(String name) {
        throw notYet();
    }

    @Override
    public CookbookVersion get(String name, String version) {
        throw notYet();
    }

    @Override
    public Optional<CookbookVersion> find(String name, String version) {
        throw notYet();
    }

    @Override
    public void delete(String name, String version, boolean purge) {
        throw notYet();
    }

    @Override
    public List<String> recipes() {
        throw notYet();
    }

    @Override
    public JsonNode universe() {
        throw notYet();
    }

    @Override
    public Path download(String name, String version, Path target, boolean flat) {
        throw notYet();
    }

    @Override
    public CookbookUpload upload(Path cookbookDirectory, Cookbooks.UploadOptions options) {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not implemented yet");
    }
}
