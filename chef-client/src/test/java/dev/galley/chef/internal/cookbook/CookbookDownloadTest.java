package dev.galley.chef.internal.cookbook;

import static dev.galley.chef.internal.cookbook.ScriptedTransport.API;
import static dev.galley.chef.internal.cookbook.ScriptedTransport.SERVER;
import static dev.galley.chef.internal.cookbook.ScriptedTransport.json;
import static dev.galley.chef.internal.cookbook.ScriptedTransport.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefException;
import dev.galley.chef.ChefNotFoundException;
import dev.galley.chef.internal.Json;
import dev.galley.chef.spi.TransportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Downloads from a scripted server: what is written where, what is checked, and what is refused. */
class CookbookDownloadTest {
    static final String S3 = "https://s3.example.com/bookshelf/";

    @TempDir
    Path target;

    /** A v2 manifest of demo 1.2.0 listing {@code files} (path → content), with pre-signed file-store URLs. */
    static ScriptedTransport server(Map<String, String> files, Map<String, byte[]> served) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("cookbook_name", "demo").put("version", "1.2.0").put("name", "demo-1.2.0");
        doc.putObject("metadata").put("name", "demo").put("version", "1.2.0");
        ArrayNode all = doc.putArray("all_files");
        Map<String, byte[]> store = new LinkedHashMap<>();
        files.forEach((path, content) -> {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            String md5 = Checksums.md5Hex(bytes);
            store.put(md5, served.getOrDefault(path, bytes));
            all.addObject().put("name", path).put("path", path).put("checksum", md5).put("specificity", "default")
                    .put("url", S3 + "checksum-" + md5 + "?AWSAccessKeyId=AKIDEXAMPLE&Signature=SECRETSIG");
        });
        return new ScriptedTransport(r -> {
            if (r.uri().getRawPath().equals(API + "/cookbooks/demo/1.2.0")) {
                return json(200, doc.toString(), 2);
            }
            String md5 = r.uri().getRawPath().substring(r.uri().getRawPath().lastIndexOf('-') + 1);
            byte[] content = store.get(md5);
            return content == null ? raw(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes())
                    : raw(200, "application/octet-stream", content);
        });
    }

    @Test
    void download_writesEveryFileUnderNameVersion_fetchingUnsigned_andOnceperChecksum() throws IOException {
        ScriptedTransport t = server(Map.of("recipes/default.rb", "package 'x'\n", "README.md", "# demo\n",
                "templates/default/a.erb", "same", "templates/ubuntu/a.erb", "same"), Map.of());
        Path dir;
        try (ChefClient chef = t.client()) {
            dir = chef.cookbooks().download("demo", "1.2.0", target, false);
        }

        assertThat(dir).isEqualTo(target.resolve("demo-1.2.0"));
        assertThat(dir.resolve("recipes/default.rb")).hasContent("package 'x'");
        assertThat(dir.resolve("README.md")).hasContent("# demo");
        assertThat(dir.resolve("templates/default/a.erb")).hasContent("same");
        assertThat(dir.resolve("templates/ubuntu/a.erb")).hasContent("same");
        assertThat(t.to("GET", S3)).hasSize(3).noneMatch(ScriptedTransport::hasChefSignature);
        assertThat(t.to("GET", SERVER)).allMatch(ScriptedTransport::hasChefSignature);
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void download_flat_writesIntoTheTarget_overwritingWhatIsThere() throws IOException {
        Files.createDirectories(target.resolve("recipes"));
        Files.writeString(target.resolve("recipes/default.rb"), "stale");
        ScriptedTransport t = server(Map.of("recipes/default.rb", "fresh"), Map.of());
        try (ChefClient chef = t.client()) {
            assertThat(chef.cookbooks().download("demo", "1.2.0", target, true)).isEqualTo(target);
        }

        assertThat(target.resolve("recipes/default.rb")).hasContent("fresh");
    }

    @Test
    void download_contentNotMatchingItsChecksum_isAnErrorNamingTheFile() {
        ScriptedTransport t = server(Map.of("recipes/default.rb", "the real thing"),
                Map.of("recipes/default.rb", "tampered".getBytes(StandardCharsets.UTF_8)));
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().download("demo", "1.2.0", target, false))
                    .isInstanceOf(ChefException.class)
                    .hasMessageStartingWith("downloaded recipes/default.rb of demo 1.2.0 has MD5 "
                            + Checksums.md5Hex("tampered".getBytes(StandardCharsets.UTF_8)) + " but its manifest says "
                            + Checksums.md5Hex("the real thing".getBytes(StandardCharsets.UTF_8)))
                    .hasMessageNotContaining("\n");
        }
        assertThat(target.resolve("demo-1.2.0/recipes/default.rb")).doesNotExist();
    }

    @Test
    void download_missingFileInTheStore_namesTheFile_withoutThePresignature() {
        ScriptedTransport t = new ScriptedTransport(r -> r.uri().toString().startsWith(SERVER)
                ? json(200, """
                        {"cookbook_name": "demo", "version": "1.2.0", "all_files": [{"name": "recipes/default.rb",
                         "path": "recipes/default.rb", "checksum": "0123456789abcdef0123456789abcdef",
                         "url": "https://s3.example.com/bookshelf/x?Signature=SECRETSIG"}]}""", 2)
                : raw(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes()));
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().download("demo", "1.2.0", target, false))
                    .isInstanceOf(ChefNotFoundException.class)
                    .hasMessage("GET https://s3.example.com/bookshelf/x (recipes/default.rb of demo 1.2.0) answered "
                            + "404: <Error><Code>NoSuchKey</Code></Error>; the server's file store may have lost this "
                            + "file: re-upload the cookbook");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.rb", "recipes/../../evil.rb", "/etc/cron.d/evil", "C:/evil.rb", "recipes\\..\\x",
        "", "recipes//x.rb", "./x.rb", "recipes/.", ".."})
    void resolveInside_rejectsPathsThatCouldLeaveTheTarget(String path) {
        assertThatThrownBy(() -> CookbookDownloader.resolveInside(target, path, "demo 1.2.0"))
                .isInstanceOf(ChefException.class)
                .hasMessageStartingWith("the manifest of demo 1.2.0 names the file '" + path + "'")
                .hasMessageContaining("refusing to download");
    }

    @Test
    void resolveInside_acceptsPlainRelativePaths() {
        assertThat(CookbookDownloader.resolveInside(target, "templates/default/.hidden..erb", "demo 1.2.0"))
                .isEqualTo(target.resolve("templates/default/.hidden..erb"));
    }

    @Test
    void download_ofAManifestWithATraversalPath_writesNothing() {
        ScriptedTransport t = server(Map.of("recipes/default.rb", "ok", "../../escaped.rb", "evil"), Map.of());
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().download("demo", "1.2.0", target.resolve("out"), false))
                    .isInstanceOf(ChefException.class)
                    .hasMessageContaining("'../../escaped.rb'");
        }

        assertThat(target.resolve("out")).doesNotExist();
        assertThat(target.resolve("escaped.rb")).doesNotExist();
        assertThat(t.to("GET", S3)).isEmpty();
    }

    @Test
    void download_doesNotFollowASymbolicLinkedDirectoryOutOfTheTarget(@TempDir Path elsewhere) throws IOException {
        Path root = Files.createDirectories(target.resolve("demo-1.2.0"));
        Files.createSymbolicLink(root.resolve("recipes"), elsewhere);
        ScriptedTransport t = server(Map.of("recipes/default.rb", "package 'x'"), Map.of());
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().download("demo", "1.2.0", target, false))
                    .isInstanceOf(ChefException.class)
                    .hasMessageContaining("is a symbolic link");
        }

        assertThat(elsewhere.resolve("default.rb")).doesNotExist();
    }

    @Test
    void download_replacesASymbolicLinkInAFilesPlace_ratherThanWritingThroughIt(@TempDir Path elsewhere)
            throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("precious"), "keep me");
        Path root = Files.createDirectories(target.resolve("demo-1.2.0"));
        Files.createSymbolicLink(root.resolve("README.md"), outside);
        ScriptedTransport t = server(Map.of("README.md", "# demo"), Map.of());
        try (ChefClient chef = t.client()) {
            chef.cookbooks().download("demo", "1.2.0", target, false);
        }

        assertThat(outside).hasContent("keep me");
        assertThat(Files.isSymbolicLink(root.resolve("README.md"))).isFalse();
        assertThat(root.resolve("README.md")).hasContent("# demo");
    }

    @Test
    void download_refusesAFileUrlThatIsNotHttp() {
        ScriptedTransport t = new ScriptedTransport(r -> json(200, """
                {"cookbook_name": "demo", "version": "1.2.0", "all_files": [{"name": "recipes/default.rb",
                 "path": "recipes/default.rb", "checksum": "0123456789abcdef0123456789abcdef",
                 "url": "file:///etc/passwd"}]}""", 2));
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().download("demo", "1.2.0", target, false))
                    .isInstanceOf(ChefException.class)
                    .hasMessageStartingWith("the server gave a file: URL for recipes/default.rb of demo 1.2.0");
        }
        assertThat(t.requests).extracting(TransportRequest::method).containsExactly("GET");
    }
}
