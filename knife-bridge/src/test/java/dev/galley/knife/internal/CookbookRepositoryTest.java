package dev.galley.knife.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookbookRepositoryTest {

    private static void cookbook(Path dir, String name, String version, String... depends) throws IOException {
        StringBuilder rb = new StringBuilder("name '" + name + "'\nversion '" + version + "'\n");
        for (String d : depends) {
            rb.append("depends ").append(d).append('\n');
        }
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("metadata.rb"), rb.toString());
    }

    @Test
    void uploadSet_withDependencies_putsEachCookbookAfterItsDependencies(@TempDir Path dir) throws IOException {
        cookbook(dir, "app", "1.0.0", "'db', '~> 2.0'", "'base'");
        cookbook(dir, "db", "2.1.0", "'base', '>= 1.0'");
        cookbook(dir, "base", "1.2", "'ghost'");

        CookbookRepository.UploadSet set = new CookbookRepository(List.of(dir)).uploadSet(List.of("app"), true);

        assertThat(set.cookbooks()).extracting(CookbookRepository.LocalCookbook::name)
                .containsExactly("base", "db", "app");
        assertThat(set.cookbooks().get(0).version()).isEqualTo("1.2.0");
        assertThat(set.notLocal()).containsOnlyKeys("ghost");
        assertThat(set.cookbooks().get(2).dependencies().get("db").includes("2.9.0")).isTrue();
    }

    @Test
    void uploadSet_withoutDependencies_takesOnlyTheNamedCookbooks(@TempDir Path dir) throws IOException {
        cookbook(dir, "app", "1.0.0", "'db'");
        cookbook(dir, "db", "2.1.0");

        assertThat(new CookbookRepository(List.of(dir)).uploadSet(List.of("app"), false).cookbooks())
                .extracting(CookbookRepository.LocalCookbook::name).containsExactly("app");
    }

    @Test
    void theFirstPathHoldingACookbookWins(@TempDir Path dir) throws IOException {
        cookbook(dir.resolve("a"), "app", "1.0.0");
        cookbook(dir.resolve("b"), "app", "9.0.0");
        cookbook(dir.resolve("b"), "other", "1.0.0");

        CookbookRepository repo = new CookbookRepository(List.of(dir.resolve("a"), dir.resolve("b")));

        assertThat(repo.find("app").orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(repo.all()).containsOnlyKeys("app", "other");
    }

    @Test
    void aCookbookInNoPath_isBadInputNamingThePaths(@TempDir Path dir) {
        assertThatThrownBy(() -> new CookbookRepository(List.of(dir)).uploadSet(List.of("nope"), true))
                .isInstanceOf(GalleyException.class).hasMessageContaining("cookbook nope is in none of the cookbook "
                        + "paths (" + dir + ")");
    }

    @Test
    void aCookbookFoundUnderAnotherDirectoryName_isFoundByItsMetadataName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("checkout"));
        Files.writeString(dir.resolve("checkout/metadata.rb"), "name 'renamed'\nversion '0.1.0'\n");

        assertThat(new CookbookRepository(List.of(dir)).find("renamed")).isPresent();
    }
}
