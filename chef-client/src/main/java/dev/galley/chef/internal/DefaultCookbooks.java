package dev.galley.chef.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.CookbookSummary;
import dev.galley.chef.CookbookUpload;
import dev.galley.chef.CookbookVersion;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.internal.cookbook.CookbookDownloader;
import dev.galley.chef.internal.cookbook.CookbookManifest;
import dev.galley.chef.internal.cookbook.CookbookUploader;
import dev.galley.chef.internal.cookbook.VersionOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The cookbook endpoints; upload and download are delegated to their own classes. */
final class DefaultCookbooks extends Endpoint implements Cookbooks {
    private final CookbookUploader uploader;
    private final CookbookDownloader downloader;

    DefaultCookbooks(ChefHttp http) {
        super(http);
        this.uploader = new CookbookUploader(http);
        this.downloader = new CookbookDownloader(http);
    }

    @Override
    public Map<String, CookbookSummary> list(int numVersions) {
        if (numVersions < 0) {
            throw new IllegalArgumentException("numVersions must be 0 (all) or more: " + numVersions);
        }
        String query = Paths.query("num_versions", numVersions == 0 ? "all" : Integer.toString(numVersions));
        return summaries(http.execute(http.call("GET", ChefHttp.Scope.ORGANIZATION, "/cookbooks?" + query, null)));
    }

    @Override
    public List<String> versions(String name) {
        ChefHttp.Exchange exchange = http.execute(http.call("GET", ChefHttp.Scope.ORGANIZATION,
                Paths.of("cookbooks", name), null));
        CookbookSummary summary = summaries(exchange).get(name);
        if (summary == null) {
            throw exchange.unexpected("a listing that does not mention cookbook '" + name + "'");
        }
        return summary.versionNumbers();
    }

    /** A listing by name, each cookbook's versions newest first (servers do not promise an order). */
    private static Map<String, CookbookSummary> summaries(ChefHttp.Exchange exchange) {
        Map<String, CookbookSummary> raw = ChefHttp.read(exchange, new TypeReference<Map<String, CookbookSummary>>() {
        });
        Map<String, CookbookSummary> sorted = new TreeMap<>();
        raw.forEach((name, summary) -> sorted.put(name, new CookbookSummary(summary.url(), summary.versions().stream()
                .sorted((a, b) -> VersionOrder.NEWEST_FIRST.compare(a.version(), b.version())).toList())));
        return Collections.unmodifiableMap(sorted);
    }

    @Override
    public CookbookVersion get(String name, String version) {
        ChefHttp.Exchange exchange = http.execute(http.call("GET", ChefHttp.Scope.ORGANIZATION,
                Paths.of("cookbooks", name, version), null));
        try {
            return CookbookManifest.parse(exchange.tree(), name);
        } catch (IllegalArgumentException e) {
            throw exchange.unexpected("a cookbook version that does not parse (" + e.getMessage() + ")");
        }
    }

    @Override
    public Optional<CookbookVersion> find(String name, String version) {
        return optional(() -> get(name, version));
    }

    @Override
    public void delete(String name, String version, boolean purge) {
        String path = Paths.of("cookbooks", name, version) + (purge ? "?" + Paths.query("purge", "true") : "");
        http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION, path, null));
    }

    @Override
    public List<String> recipes() {
        return strings(http.get("/cookbooks/_recipes"));
    }

    @Override
    public JsonNode universe() {
        return http.get("/universe");
    }

    @Override
    public Path download(String name, String version, Path target, boolean flat) {
        return downloader.download(get(name, version), target, flat);
    }

    @Override
    public CookbookUpload upload(Path cookbookDirectory, Cookbooks.UploadOptions options) {
        return uploader.upload(cookbookDirectory, options);
    }
}
