package dev.galley.chef.internal.cookbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.ChefConfigException;
import dev.galley.chef.CookbookMetadata;
import dev.galley.chef.internal.Json;
import dev.galley.chef.internal.ruby.RubyEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataRbReaderTest {
    @TempDir
    Path tmp;
    RubyEnvironment env;

    @BeforeEach
    void setUp() {
        env = new RubyEnvironment(Map.of(), tmp.resolve("home"), tmp.resolve("cwd"));
    }

    /** Copies src/test/resources/cookbooks/NAME/* into a temporary cookbook directory. */
    Path cookbook(String name, String... files) throws IOException {
        Path dir = tmp.resolve("cookbooks/" + name);
        Files.createDirectories(dir);
        for (String f : files) {
            try (InputStream in = getClass().getResourceAsStream("/cookbooks/" + name + "/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        return dir;
    }

    Path metadataRb(String source) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cookbooks/inline"));
        return Files.writeString(dir.resolve("metadata.rb"), source);
    }

    @Test
    void generatedMetadataRb_readsEveryFieldWithChefsDefaults() throws Exception {
        CookbookMetadata m = CookbookMetadataReader.read(cookbook("generated", "metadata.rb"), env);

        assertThat(m.name()).isEqualTo("my_cookbook");
        assertThat(m.version()).isEqualTo("0.1.0");
        assertThat(m.maintainer()).isEqualTo("The Authors");
        assertThat(m.maintainerEmail()).isEqualTo("you@example.com");
        assertThat(m.license()).isEqualTo("All Rights Reserved");
        assertThat(m.description()).isEqualTo("Installs/Configures my_cookbook");
        assertThat(m.extra()).containsEntry("chef_versions", List.of(List.of(">= 16.0")))
                .containsEntry("issues_url", "https://github.com/example/my_cookbook/issues")
                .containsEntry("source_url", "https://github.com/example/my_cookbook")
                .containsEntry("privacy", false).containsEntry("ohai_versions", List.of())
                .containsEntry("gems", List.of()).containsEntry("providing", Map.of())
                .containsEntry("eager_load_libraries", true);
    }

    @Test
    void metadataJsonFromMetadataRb_hasTheKeysChefWrites() throws Exception {
        JsonNode json = Json.tree(CookbookMetadataReader.read(cookbook("generated", "metadata.rb"), env));

        assertThat(json.fieldNames()).toIterable().containsExactly("name", "version", "description",
                "long_description", "maintainer", "maintainer_email", "license", "platforms", "dependencies",
                "recipes", "providing", "source_url", "issues_url", "privacy", "chef_versions", "ohai_versions",
                "gems", "eager_load_libraries");
        assertThat(json.path("chef_versions").toString()).isEqualTo("[[\">= 16.0\"]]");
    }

    @Test
    void longDescriptionFromReadme_andEachOverAWordArray() throws Exception {
        CookbookMetadata m = CookbookMetadataReader.read(cookbook("nginx", "metadata.rb", "README.md"), env);

        assertThat(m.longDescription()).isEqualTo("# nginx\n\nInstalls nginx from packages or source.\n");
        assertThat(m.version()).isEqualTo("2.7.0");
        assertThat(m.platforms()).containsExactly(Map.entry("ubuntu", ">= 0.0.0"), Map.entry("debian", ">= 0.0.0"),
                Map.entry("centos", ">= 0.0.0"), Map.entry("redhat", ">= 0.0.0"), Map.entry("amazon", ">= 0.0.0"),
                Map.entry("mac_os_x", ">= 10.6"));
        assertThat(m.dependencies()).containsExactly(Map.entry("build-essential", "~> 2.0"),
                Map.entry("ohai", ">= 1.1.4"), Map.entry("yum-epel", ">= 0.0.0"));
        assertThat(m.recipes()).containsOnlyKeys("nginx", "nginx::source");
        assertThat(m.extra()).containsEntry("chef_versions", List.of(List.of("< 14", ">= 12.1"), List.of(">= 15")))
                .containsEntry("ohai_versions", List.of(List.of(">= 8")))
                .containsEntry("gems", List.of(List.of("chef-vault", ">= 3.0")));
    }

    @Test
    void braceEach_andIoReadRelativeToTheWorkingDirectory() throws Exception {
        Path dir = cookbook("apt-each", "metadata.rb");
        Files.createDirectories(env.workingDirectory());
        Files.writeString(env.workingDirectory().resolve("README.md"), "read from the working directory");

        CookbookMetadata m = CookbookMetadataReader.read(dir, env);

        assertThat(m.platforms()).containsOnlyKeys("ubuntu", "debian");
        assertThat(m.longDescription()).isEqualTo("read from the working directory");
    }

    @Test
    void legacyAttributesAndRecommends_keepTheirOldMetadataJsonKeys() throws Exception {
        CookbookMetadata m = CookbookMetadataReader.read(cookbook("attributes-legacy", "metadata.rb"), env);

        assertThat(m.platforms()).containsOnlyKeys("debian", "ubuntu", "centos", "suse", "fedora", "redhat");
        assertThat(m.extra()).containsEntry("recommendations", Map.of("build-essential", ">= 0.0.0"));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) m.extra().get("attributes");
        assertThat(attributes).containsOnlyKeys("mysql/server_root_password", "mysql/bind_address");
        assertThat(attributes.get("mysql/bind_address")).isEqualTo(Map.of("display_name", "MySQL Bind Address",
                "default", "ipaddress"));
    }

    @Test
    void unsupportedConstruct_isAnErrorWithFileLineAndAdvice() throws Exception {
        Path dir = cookbook("legacy-if", "metadata.rb");

        assertThatThrownBy(() -> CookbookMetadataReader.read(dir, env)).isInstanceOf(ChefConfigException.class)
                .hasMessage(dir.resolve("metadata.rb") + ":4: 'if' (a conditional) is not supported: Galley reads "
                        + "the common subset of Ruby in cookbook metadata (strings, symbols, numbers, arrays, hashes, "
                        + "ENV, File.join/dirname/expand_path, local variables); set the value literally, or generate "
                        + "metadata.json (knife cookbook metadata) and keep it next to metadata.rb");
    }

    @Test
    void metadataRbWithoutName_isAnErrorNamingTheFile() throws Exception {
        Path rb = metadataRb("version '1.0.0'\n");

        assertThatThrownBy(() -> MetadataRbReader.read(rb, env)).isInstanceOf(ChefConfigException.class)
                .hasMessage(rb + ": has no name: add name 'COOKBOOK_NAME' (Chef requires the cookbook name in "
                        + "metadata.rb)");
    }

    @Test
    void constraints_areNormalizedAsChefWritesThem() throws Exception {
        CookbookMetadata m = MetadataRbReader.read(metadataRb("""
                name 'c'
                depends 'a', '1.0'
                depends 'b', '>=2.1.3'
                supports :ubuntu, '>= 20'
                provides 'c::server'
                """), env);

        assertThat(m.dependencies()).containsExactly(Map.entry("a", "= 1.0"), Map.entry("b", ">= 2.1.3"));
        assertThat(m.platforms()).containsExactly(Map.entry("ubuntu", ">= 20"));
        assertThat(m.extra()).containsEntry("providing", Map.of("c::server", ">= 0.0.0"));
    }

    @Test
    void wrongValues_areErrorsAtTheirLine() throws Exception {
        Path twoConstraints = metadataRb("name 'c'\ndepends 'a', '>= 1.0', '< 2.0'\n");
        assertThatThrownBy(() -> MetadataRbReader.read(twoConstraints, env)).hasMessage(twoConstraints
                + ":2: write depends NAME[, CONSTRAINT] (Chef accepts only one constraint; use '~> 1.2' for a range); "
                + "it was given 3 arguments");

        Path badConstraint = metadataRb("name 'c'\n\ndepends 'a', '>> 1.0'\n");
        assertThatThrownBy(() -> MetadataRbReader.read(badConstraint, env)).hasMessage(badConstraint
                + ":3: invalid version constraint \">> 1.0\" for depends 'a': use one operator (<, <=, =, >=, >, ~>) "
                + "and a version, such as '~> 1.2'");

        Path badVersion = metadataRb("name 'c'\nversion '1.0.0.beta'\n");
        assertThatThrownBy(() -> MetadataRbReader.read(badVersion, env)).hasMessage(badVersion
                + ":2: version must look like 1.2.3 or 1.2, not \"1.0.0.beta\"");

        Path selfDependency = metadataRb("name 'c'\ndepends 'c'\n");
        assertThatThrownBy(() -> MetadataRbReader.read(selfDependency, env)).hasMessage(selfDependency
                + ":2: the cookbook depends on itself: remove depends 'c'");

        Path symbolName = metadataRb("name :c\n");
        assertThatThrownBy(() -> MetadataRbReader.read(symbolName, env)).hasMessage(symbolName
                + ":1: name needs a String, not Symbol");
    }

    @Test
    void nameAssignedWithEquals_isTheLocalVariableMistake() throws Exception {
        Path rb = metadataRb("name = 'c'\nversion '1.0.0'\n");

        assertThatThrownBy(() -> MetadataRbReader.read(rb, env)).hasMessage(rb + ":1: 'name = ...' sets a Ruby "
                + "local variable, not the name setting, so knife would silently ignore it (chef/chef#5552): remove "
                + "the '=' and write name VALUE");
    }
}
