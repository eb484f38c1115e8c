package dev.galley.chef.internal.cookbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CookbookChefignoreTest {

    /** Pattern, path, and what Ruby 3.1's {@code File.fnmatch?(pattern, path)} answered for them. */
    static Stream<Arguments> rubyFnmatch() {
        Object[][] table = {
            {"*", ".profile", false},
            {"*", "dave/.profile", true},
            {"*.swp", "recipes/.default.rb.swp", true},
            {"*.swp", ".x.swp", false},
            {"?profile", ".profile", false},
            {"[.]profile", ".profile", false},
            {"\\.profile", ".profile", true},
            {".*", ".profile", true},
            {"*", "a/b/c", true},
            {"*~", "recipes/default.rb~", true},
            {"**/foo", "foo", false},
            {"**/foo", "a/.b/foo", true},
            {"recipes/*", "recipes/a/b.rb", true},
            {"{a,b}", "a", false},
            {"{a,b}", "{a,b}", true},
            {"[a-c]x", "bx", true},
            {"[!a-c]x", "bx", false},
            {"[^a-c]x", "dx", true},
            {"\\*", "*", true},
            {"\\*", "a", false},
            {"README*", "README.md", true},
            {"Readme*", "README.md", false},
            {"a?c", "a/c", true},
            {".git", ".git/config", false},
            {".git/*", ".git/config", true},
            {"*.md", "docs/x.md", true},
            {"[", "[", false},
            {"*[", "a[", false},
            {"a[]]b", "a]b", false},
            {"*[/]x", "a/x", true},
            {"test/*", "test", false},
            {"*.bak", "recipes/old.rb.bak", true},
            {"notes/*", "notes/todo.txt", true},
            {"notes/*", "recipes/notes/todo.txt", false},
            {"*/notes/*", "recipes/notes/todo.txt", true},
            {"a*b*c", "aXbYbZc", true},
            {"a*b*c", "aXbYbZ", false},
            {"*.rb", "recipes/default.rb", true},
            {"Gemfile", "Gemfile.lock", false},
            {"Gemfile*", "Gemfile.lock", true},
            {"spec/*", "spec/unit/x_spec.rb", true},
            {"[a-]x", "-x", true},
            {"", "", true},
            {"", "a", false},
            {"*", "", true},
        };
        return Stream.of(table).map(row -> arguments(row));
    }

    @ParameterizedTest(name = "fnmatch({0}, {1}) = {2}")
    @MethodSource("rubyFnmatch")
    void fnmatch_answersAsRubysFileFnmatch(String pattern, String path, boolean expected) {
        assertThat(Chefignore.fnmatch(pattern, path)).isEqualTo(expected);
    }

    @Test
    void of_readsPatternsSkippingCommentsAndBlankLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("chefignore"), "# editor files\n\n   \n*.bak  \n  # indented comment\nspec/*\n");

        Chefignore ignore = Chefignore.of(dir);

        assertThat(ignore.file()).contains(dir.resolve("chefignore"));
        assertThat(ignore.ignores("recipes/x.rb.bak")).isTrue();
        assertThat(ignore.ignores("spec/unit/a_spec.rb")).isTrue();
        assertThat(ignore.ignores("recipes/default.rb")).isFalse();
        assertThat(ignore.ignores("# editor files")).isFalse();
    }

    @Test
    void of_fallsBackToTheParentsChefignore_whenTheCookbookHasNone(@TempDir Path repo) throws IOException {
        Path cookbook = Files.createDirectories(repo.resolve("cookbooks/app"));
        Files.writeString(repo.resolve("cookbooks/chefignore"), "*.md\n");

        Chefignore ignore = Chefignore.of(cookbook);

        assertThat(ignore.file()).contains(repo.resolve("cookbooks/chefignore"));
        assertThat(ignore.ignores("README.md")).isTrue();
    }

    @Test
    void of_prefersTheCookbooksOwnChefignore(@TempDir Path repo) throws IOException {
        Path cookbook = Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("chefignore"), "*.md\n");
        Files.writeString(cookbook.resolve("chefignore"), "*.txt\n");

        Chefignore ignore = Chefignore.of(cookbook);

        assertThat(ignore.ignores("notes.txt")).isTrue();
        assertThat(ignore.ignores("README.md")).isFalse();
    }

    @Test
    void read_leavesOutIgnoredFilesVcsDirectoriesAndEditorJunk(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        Files.writeString(dir.resolve("chefignore"), "*.bak\n");
        write(dir, "recipes/default.rb", "log 'hi'");
        write(dir, "recipes/default.rb~", "backup");
        write(dir, "recipes/.default.rb.swp", "swap");
        write(dir, "recipes/old.rb.bak", "old");
        write(dir, ".git/config", "[core]");
        write(dir, "files/default/.svn/entries", "x");
        write(dir, ".DS_Store", "mac");
        write(dir, ".kitchen.yml", "driver: x");

        LocalCookbook cookbook = LocalCookbook.read(dir);

        assertThat(cookbook.files()).extracting(LocalCookbook.LocalFile::path)
                .containsExactly(".kitchen.yml", "chefignore", "metadata.json", "recipes/default.rb");
    }

    @Test
    void ignores_nothing_withoutAChefignore() {
        assertThat(Chefignore.of(List.of()).ignores("anything.bak")).isFalse();
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
