package dev.galley.chef.internal.cookbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.ChefConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookbookSegmentsTest {

    @ParameterizedTest(name = "{0} -> {1} / {2} / v0 {3} / v2 {4}")
    @CsvSource({
        "recipes/default.rb,             recipes,     default,      default.rb,      recipes/default.rb",
        "recipes/sub/x.rb,               recipes,     default,      x.rb,            recipes/x.rb",
        "attributes/default.rb,          attributes,  default,      default.rb,      attributes/default.rb",
        "definitions/d.rb,               definitions, default,      d.rb,            definitions/d.rb",
        "libraries/helpers.rb,           libraries,   default,      helpers.rb,      libraries/helpers.rb",
        "providers/p.rb,                 providers,   default,      p.rb,            providers/p.rb",
        "resources/r.rb,                 resources,   default,      r.rb,            resources/r.rb",
        "templates/default/app.conf.erb, templates,   default,      app.conf.erb,    templates/app.conf.erb",
        "templates/ubuntu-20.04/a.erb,   templates,   ubuntu-20.04, a.erb,           templates/a.erb",
        "templates/app.conf.erb,         templates,   root_default, app.conf.erb,    templates/app.conf.erb",
        "files/default/motd.txt,         files,       default,      motd.txt,        files/motd.txt",
        "files/host-web1/sub/x,          files,       host-web1,    x,               files/x",
        "README.md,                      root_files,  default,      README.md,       root_files/README.md",
        "metadata.json,                  root_files,  default,      metadata.json,   root_files/metadata.json",
        "spec/unit/x_spec.rb,            root_files,  default,      spec/unit/x_spec.rb, root_files/spec/unit/x_spec.rb",
        "root_files/odd.txt,             root_files,  default,      root_files/odd.txt, root_files/root_files/odd.txt",
        "recipes,                        root_files,  default,      recipes,         root_files/recipes",
    })
    void segmentSpecificityAndName_followChefsManifestRules(String path, String segment, String specificity,
            String v0Name, String v2Name) {
        assertThat(Segments.of(path)).isEqualTo(segment);
        assertThat(Segments.specificity(path)).isEqualTo(specificity);
        assertThat(Segments.name(path, false)).isEqualTo(v0Name);
        assertThat(Segments.name(path, true)).isEqualTo(v2Name);
    }

    @Test
    void read_missingDirectory_saysItDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> LocalCookbook.read(missing))
                .isInstanceOf(ChefConfigException.class)
                .hasMessage(missing + ": does not exist: give the path of a cookbook directory");
    }

    @Test
    void read_aFile_saysItIsNotADirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("metadata.json"), "{}");

        assertThatThrownBy(() -> LocalCookbook.read(file))
                .isInstanceOf(ChefConfigException.class)
                .hasMessageStartingWith(file + ": is not a directory");
    }

    @Test
    void read_withoutMetadata_saysItIsNotACookbook(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalCookbook.read(dir))
                .isInstanceOf(ChefConfigException.class)
                .hasMessageContaining("is not a cookbook")
                .hasMessageNotContaining("\n");
    }

    @Test
    void read_badVersion_namesTheVersionAndTheExpectedForm(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"name\":\"app\",\"version\":\"1.0.0-beta\"}");

        assertThatThrownBy(() -> LocalCookbook.read(dir))
                .isInstanceOf(ChefConfigException.class)
                .hasMessageContaining("'1.0.0-beta'")
                .hasMessageContaining("x.y.z");
    }

    @Test
    void read_twoPartVersion_isNormalisedAsChefDoes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"name\":\"app\",\"version\":\"2.1\"}");

        assertThat(LocalCookbook.read(dir).version()).isEqualTo("2.1.0");
    }

    @Test
    void read_symbolicLinkLoop_namesTheLink(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        Files.createDirectories(dir.resolve("files/default"));
        Files.createSymbolicLink(dir.resolve("files/default/self"), dir.resolve("files"));

        assertThatThrownBy(() -> LocalCookbook.read(dir))
                .isInstanceOf(ChefConfigException.class)
                .hasMessage(dir.resolve("files/default/self") + ": is a symbolic link to a directory that contains it: "
                        + "remove the link or add it to chefignore");
    }

    @Test
    void read_symbolicLinkLoop_isFine_whenChefignoreListsIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        Files.writeString(dir.resolve("chefignore"), "files/default/self\n");
        Files.createDirectories(dir.resolve("files/default"));
        Files.createSymbolicLink(dir.resolve("files/default/self"), dir.resolve("files"));

        assertThat(LocalCookbook.read(dir).files()).extracting(LocalCookbook.LocalFile::path)
                .containsExactly("chefignore", "metadata.json");
    }
}
