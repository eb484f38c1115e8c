package dev.galley.chef.internal.cookbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.CookbookFile;
import dev.galley.chef.CookbookVersion;
import dev.galley.chef.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookbookManifestTest {

    /** An erchef answer to GET /cookbooks/apache2/5.0.1 under API v0/v1: files in segments, bookshelf URLs. */
    static final String ERCHEF_V0 = """
            {"definitions": [],
             "name": "apache2-5.0.1",
             "attributes": [{"name": "default.rb", "path": "attributes/default.rb",
               "checksum": "0c4b1fb3d0b4cfd8b01aa1bda0fac1b1", "specificity": "default",
               "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-0c4b1fb3d0b4cfd8b01aa1bda0fac1b1?AWSAccessKeyId=a1&Expires=1700000000&Signature=c2lnbmF0dXJl"}],
             "files": [],
             "json_class": "Chef::CookbookVersion",
             "providers": [],
             "metadata": {"name": "apache2", "description": "Installs and configures apache2",
               "long_description": "", "maintainer": "Sous Chefs", "maintainer_email": "help@sous-chefs.org",
               "license": "Apache-2.0", "platforms": {"ubuntu": ">= 16.04", "debian": ">= 9.0"},
               "dependencies": {"build-essential": ">= 0.0.0"}, "providing": {}, "recipes": {},
               "version": "5.0.1", "source_url": "https://github.com/sous-chefs/apache2",
               "issues_url": "", "privacy": false, "chef_versions": [[">= 13.9"]], "ohai_versions": [], "gems": []},
             "libraries": [{"name": "helpers.rb", "path": "libraries/helpers.rb",
               "checksum": "2b1e1ee7a0f4c6a0e1b0e8f8a6c86a11", "specificity": "default",
               "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-2b1e1ee7a0f4c6a0e1b0e8f8a6c86a11?AWSAccessKeyId=a1&Expires=1700000000&Signature=c2ln"}],
             "templates": [{"name": "apache2.conf.erb", "path": "templates/default/apache2.conf.erb",
               "checksum": "9d3e5b5f0d4a0f0f7b4f5d1c2b3a4f5e", "specificity": "default",
               "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-9d3e5b5f0d4a0f0f7b4f5d1c2b3a4f5e?AWSAccessKeyId=a1&Expires=1700000000&Signature=c2ln"},
               {"name": "apache2.conf.erb", "path": "templates/ubuntu/apache2.conf.erb",
               "checksum": "aa3e5b5f0d4a0f0f7b4f5d1c2b3a4f5e", "specificity": "ubuntu",
               "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-aa3e5b5f0d4a0f0f7b4f5d1c2b3a4f5e?AWSAccessKeyId=a1&Expires=1700000000&Signature=c2ln"}],
             "resources": [],
             "cookbook_name": "apache2",
             "version": "5.0.1",
             "recipes": [{"name": "default.rb", "path": "recipes/default.rb",
               "checksum": "c6d3c8e2f0a0b1a3f0e1d2c3b4a59687", "specificity": "default",
               "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-c6d3c8e2f0a0b1a3f0e1d2c3b4a59687?AWSAccessKeyId=a1&Expires=1700000000&Signature=c2ln"}],
             "root_files": [{"name": "metadata.json", "path": "metadata.json",
               "checksum": "f1e2d3c4b5a697887766554433221100", "specificity": "default",
               "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-f1e2d3c4b5a697887766554433221100?AWSAccessKeyId=a1&Expires=1700000000&Signature=c2ln"}],
             "frozen?": true,
             "chef_type": "cookbook_version"}
            """;

    /** The same kind of answer under API v2: one all_files list whose names carry the segment. */
    static final String ERCHEF_V2 = """
            {"version": "1.2.0", "name": "demo-1.2.0", "cookbook_name": "demo",
             "json_class": "Chef::CookbookVersion", "chef_type": "cookbook_version", "frozen?": false,
             "metadata": {"name": "demo", "version": "1.2.0", "dependencies": {"apt": ">= 7.0.0"},
               "recipes": {"demo::default": ""}, "future_key": {"kept": true}},
             "all_files": [
               {"name": "recipes/default.rb", "path": "recipes/default.rb",
                "checksum": "c6d3c8e2f0a0b1a3f0e1d2c3b4a59687", "specificity": "default",
                "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-c6d3c8e2f0a0b1a3f0e1d2c3b4a59687?Signature=x"},
               {"name": "templates/app.conf.erb", "path": "templates/default/app.conf.erb",
                "checksum": "9d3e5b5f0d4a0f0f7b4f5d1c2b3a4f5e", "specificity": "default",
                "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-9d3e5b5f0d4a0f0f7b4f5d1c2b3a4f5e?Signature=x"},
               {"name": "files/motd", "path": "files/motd",
                "checksum": "0c4b1fb3d0b4cfd8b01aa1bda0fac1b1", "specificity": "root_default",
                "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-0c4b1fb3d0b4cfd8b01aa1bda0fac1b1?Signature=x"},
               {"name": "root_files/README.md", "path": "README.md",
                "checksum": "f1e2d3c4b5a697887766554433221100", "specificity": "default",
                "url": "https://chef.example.com/bookshelf/organization-4f0d/checksum-f1e2d3c4b5a697887766554433221100?Signature=x"}]}
            """;

    @Test
    void parse_v0_readsEverySegmentFrozenAndMetadata() throws IOException {
        CookbookVersion v = CookbookManifest.parse(Json.MAPPER.readTree(ERCHEF_V0), "apache2");

        assertThat(v.cookbookName()).isEqualTo("apache2");
        assertThat(v.version()).isEqualTo("5.0.1");
        assertThat(v.frozen()).isTrue();
        assertThat(v.metadata().dependencies()).containsEntry("build-essential", ">= 0.0.0");
        assertThat(v.metadata().platforms()).containsKeys("ubuntu", "debian");
        assertThat(v.metadata().extra()).containsEntry("source_url", "https://github.com/sous-chefs/apache2");
        assertThat(v.files()).extracting(CookbookFile::path, CookbookFile::name, CookbookFile::segment,
                CookbookFile::specificity).containsExactlyInAnyOrder(
                tuple("attributes/default.rb", "default.rb", "attributes", "default"),
                tuple("libraries/helpers.rb", "helpers.rb", "libraries", "default"),
                tuple("templates/default/apache2.conf.erb", "apache2.conf.erb", "templates", "default"),
                tuple("templates/ubuntu/apache2.conf.erb", "apache2.conf.erb", "templates", "ubuntu"),
                tuple("recipes/default.rb", "default.rb", "recipes", "default"),
                tuple("metadata.json", "metadata.json", "root_files", "default"));
        assertThat(v.files()).filteredOn(f -> f.path().equals("recipes/default.rb")).singleElement()
                .satisfies(f -> {
                    assertThat(f.checksum()).isEqualTo("c6d3c8e2f0a0b1a3f0e1d2c3b4a59687");
                    assertThat(f.url()).startsWith("https://chef.example.com/bookshelf/");
                });
    }

    @Test
    void parse_v2_derivesSegmentsFromPaths_andKeepsUnknownMetadata() throws IOException {
        CookbookVersion v = CookbookManifest.parse(Json.MAPPER.readTree(ERCHEF_V2), "demo");

        assertThat(v.frozen()).isFalse();
        assertThat(v.metadata().dependencies()).containsEntry("apt", ">= 7.0.0");
        assertThat(v.metadata().extra()).containsKey("future_key");
        assertThat(v.files()).extracting(CookbookFile::path, CookbookFile::name, CookbookFile::segment,
                CookbookFile::specificity).containsExactly(
                tuple("recipes/default.rb", "recipes/default.rb", "recipes", "default"),
                tuple("templates/default/app.conf.erb", "templates/app.conf.erb", "templates", "default"),
                tuple("files/motd", "files/motd", "files", "root_default"),
                tuple("README.md", "root_files/README.md", "root_files", "default"));
    }

    @Test
    void parse_entryWithoutChecksum_saysWhichFile() throws IOException {
        JsonNode doc = Json.MAPPER.readTree("""
                {"cookbook_name": "x", "version": "1.0.0", "recipes": [{"name": "default.rb", "path": "recipes/default.rb"}]}
                """);

        assertThatThrownBy(() -> CookbookManifest.parse(doc, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the manifest entry for 'recipes/default.rb' has no checksum");
    }

    @Test
    void build_v0_listsEveryFileInItsSegment_withChefsTopLevelKeys(@TempDir Path dir) throws IOException {
        LocalCookbook cookbook = sample(dir);

        ObjectNode doc = CookbookManifest.build(cookbook, false, false);

        assertThat(doc.path("name").asText()).isEqualTo("demo-1.2.0");
        assertThat(doc.path("cookbook_name").asText()).isEqualTo("demo");
        assertThat(doc.path("version").asText()).isEqualTo("1.2.0");
        assertThat(doc.path("json_class").asText()).isEqualTo("Chef::CookbookVersion");
        assertThat(doc.path("chef_type").asText()).isEqualTo("cookbook_version");
        assertThat(doc.path("frozen?").isBoolean()).isTrue();
        assertThat(doc.path("frozen?").asBoolean()).isFalse();
        assertThat(doc.has("all_files")).isFalse();
        for (String segment : Segments.ALL) {
            assertThat(doc.path(segment).isArray()).as(segment).isTrue();
        }
        assertThat(doc.path("recipes").get(0)).isEqualTo(Json.MAPPER.readTree("""
                {"name": "default.rb", "path": "recipes/default.rb", "checksum": "%s", "specificity": "default"}
                """.formatted(Checksums.md5Hex("log 'hi'".getBytes()))));
        assertThat(names(doc.path("templates"))).containsExactly("app.conf.erb");
        assertThat(doc.path("templates").get(0).path("specificity").asText()).isEqualTo("ubuntu");
        assertThat(doc.path("files").get(0).path("specificity").asText()).isEqualTo("default");
        assertThat(names(doc.path("root_files"))).containsExactly("README.md", "metadata.json");
        assertThat(doc.path("definitions")).isEmpty();
    }

    @Test
    void build_v2_putsEveryFileInAllFiles_withSegmentPrefixedNames(@TempDir Path dir) throws IOException {
        ObjectNode doc = CookbookManifest.build(sample(dir), true, true);

        assertThat(doc.path("frozen?").asBoolean()).isTrue();
        assertThat(doc.has("recipes")).isFalse();
        assertThat(doc.has("root_files")).isFalse();
        assertThat(names(doc.path("all_files"))).containsExactly("root_files/README.md", "files/motd.txt",
                "root_files/metadata.json", "recipes/default.rb", "templates/app.conf.erb");
    }

    @Test
    void build_carriesFullMetadataAsChefSendsIt(@TempDir Path dir) throws IOException {
        JsonNode metadata = CookbookManifest.build(sample(dir), false, false).path("metadata");

        assertThat(metadata.path("name").asText()).isEqualTo("demo");
        assertThat(metadata.path("version").asText()).isEqualTo("1.2.0");
        assertThat(metadata.path("dependencies").path("apt").asText()).isEqualTo(">= 7.0.0");
        assertThat(metadata.path("platforms").path("ubuntu").asText()).isEqualTo(">= 20.04");
        assertThat(metadata.path("recipes").path("demo::default").asText()).isEqualTo("Installs demo");
        assertThat(metadata.path("license").asText()).isEqualTo("Apache-2.0");
        assertThat(metadata.path("long_description").isTextual()).isTrue();
        assertThat(metadata.path("maintainer_email").isTextual()).isTrue();
        assertThat(metadata.path("issues_url").asText()).isEqualTo("https://example.com/issues");
        assertThat(metadata.path("providing").isObject()).isTrue();
        assertThat(metadata.path("chef_versions").isArray()).isTrue();
        assertThat(metadata.path("privacy").isBoolean()).isTrue();
        assertThat(metadata.has("extra")).isFalse();
    }

    @Test
    void buildThenParse_giveTheSameFiles_inBothForms(@TempDir Path dir) throws IOException {
        LocalCookbook cookbook = sample(dir);

        CookbookVersion fromV0 = CookbookManifest.parse(CookbookManifest.build(cookbook, false, false), "demo");
        CookbookVersion fromV2 = CookbookManifest.parse(CookbookManifest.build(cookbook, false, true), "demo");

        assertThat(fromV0.files()).extracting(CookbookFile::path, CookbookFile::segment, CookbookFile::specificity,
                CookbookFile::checksum).containsExactlyInAnyOrderElementsOf(fromV2.files().stream()
                .map(f -> tuple(f.path(), f.segment(), f.specificity(), f.checksum())).toList());
        assertThat(fromV0.files()).hasSize(cookbook.files().size());
    }

    private static LocalCookbook sample(Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), """
                {"name": "demo", "version": "1.2", "license": "Apache-2.0",
                 "dependencies": {"apt": ">= 7.0.0"}, "platforms": {"ubuntu": ">= 20.04"},
                 "recipes": {"demo::default": "Installs demo"}, "issues_url": "https://example.com/issues"}
                """);
        write(dir, "recipes/default.rb", "log 'hi'");
        write(dir, "templates/ubuntu/app.conf.erb", "port=<%= @port %>");
        write(dir, "files/default/motd.txt", "hello");
        write(dir, "README.md", "# demo");
        return LocalCookbook.read(dir);
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
