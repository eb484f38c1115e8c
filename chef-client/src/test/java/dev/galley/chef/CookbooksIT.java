package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.internal.Json;
import dev.galley.chef.testing.ChefLabExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Cookbook upload, listing, download and deletion against a real goiardi. */
@ExtendWith(ChefLabExtension.class)
class CookbooksIT {
    /** The fixture's files that chefignore does not leave out. */
    static final List<String> UPLOADED = List.of("README.md", "attributes/default.rb", "chefignore",
            "files/default/blob.bin", "files/default/motd.txt", "metadata.json", "recipes/default.rb",
            "recipes/web.rb", "templates/default/app.conf.erb");

    @TempDir
    Path work;

    /**
     * A copy of the fixture cookbook named {@code name} at {@code version}. Each file gets a line naming the
     * cookbook (a comment, in chefignore), so no test finds its content already on the server from another test.
     */
    Path fixture(String name, String version) throws IOException, URISyntaxException {
        Path source = Path.of(FixtureResource.fixture());
        Path copy = work.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = copy.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                String file = f.getFileName().toString();
                if (!file.equals("metadata.json")) {
                    Files.write(to, ("\n# " + name + "\n").getBytes(StandardCharsets.UTF_8),
                            StandardOpenOption.APPEND);
                }
            }
        }
        setVersion(copy, name, version);
        return copy;
    }

    static void setVersion(Path cookbook, String name, String version) throws IOException {
        ObjectNode metadata = (ObjectNode) Json.MAPPER.readTree(cookbook.resolve("metadata.json").toFile());
        metadata.put("name", name).put("version", version);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(cookbook.resolve("metadata.json").toFile(), metadata);
    }

    @Test
    void upload_thenListVersionsAndGet_showTheCookbookWithEveryFileButIgnoredOnes(ChefClient chef) throws Exception {
        Path dir = fixture("cb_first", "1.0.0");

        CookbookUpload upload = chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults());

        assertThat(upload.name()).isEqualTo("cb_first");
        assertThat(upload.version()).isEqualTo("1.0.0");
        assertThat(upload.filesUploaded()).containsExactlyElementsOf(UPLOADED);
        assertThat(upload.filesPresent()).isEmpty();
        assertThat(chef.cookbooks().list(0)).containsKey("cb_first");
        assertThat(chef.cookbooks().list(0).get("cb_first").versionNumbers()).containsExactly("1.0.0");
        assertThat(chef.cookbooks().versions("cb_first")).containsExactly("1.0.0");

        CookbookVersion got = chef.cookbooks().get("cb_first", "1.0.0");
        assertThat(got.cookbookName()).isEqualTo("cb_first");
        assertThat(got.frozen()).isFalse();
        assertThat(got.metadata().dependencies()).containsEntry("apt", ">= 7.0.0");
        assertThat(got.metadata().platforms()).containsEntry("ubuntu", ">= 20.04");
        assertThat(got.files()).extracting(CookbookFile::path).containsExactlyInAnyOrderElementsOf(UPLOADED);
        assertThat(got.files()).extracting(CookbookFile::path, CookbookFile::segment, CookbookFile::specificity)
                .contains(tuple("recipes/default.rb", "recipes", "default"),
                        tuple("attributes/default.rb", "attributes", "default"),
                        tuple("templates/default/app.conf.erb", "templates", "default"),
                        tuple("files/default/blob.bin", "files", "default"),
                        tuple("README.md", "root_files", "default"));
        for (CookbookFile f : got.files()) {
            assertThat(f.checksum()).as(f.path()).isEqualTo(md5(dir.resolve(f.path())));
            assertThat(f.url()).as(f.path()).isNotBlank();
        }
        assertThat(chef.cookbooks().get("cb_first", "_latest").version()).isEqualTo("1.0.0");
    }

    @Test
    void uploadAgain_sendsNothing_becauseTheServerHasEveryFile(ChefClient chef) throws Exception {
        Path dir = fixture("cb_again", "1.0.0");
        chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults());

        CookbookUpload again = chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults());

        assertThat(again.filesUploaded()).isEmpty();
        assertThat(again.filesPresent()).containsExactlyElementsOf(UPLOADED);
    }

    @Test
    void changedFileAndNewVersion_uploadOnlyWhatChanged_andVersionsSortNewestFirst(ChefClient chef) throws Exception {
        Path dir = fixture("cb_bump", "1.9.0");
        chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults());
        Files.writeString(dir.resolve("recipes/default.rb"), "# cb_bump 1.10.0\npackage 'galley-app2'\n");
        setVersion(dir, "cb_bump", "1.10.0");

        CookbookUpload bumped = chef.cookbooks().upload(dir, new Cookbooks.UploadOptions(false, false, 2));

        // metadata.json changed with the version.
        assertThat(bumped.filesUploaded()).containsExactly("metadata.json", "recipes/default.rb");
        assertThat(bumped.filesPresent()).hasSize(UPLOADED.size() - 2);
        assertThat(chef.cookbooks().versions("cb_bump")).containsExactly("1.10.0", "1.9.0");
        assertThat(chef.cookbooks().list(0).get("cb_bump").versionNumbers()).containsExactly("1.10.0", "1.9.0");
        assertThat(chef.cookbooks().list(1).get("cb_bump").versionNumbers()).containsExactly("1.10.0");
        assertThat(chef.cookbooks().get("cb_bump", "_latest").version()).isEqualTo("1.10.0");
        CookbookFile recipe = chef.cookbooks().get("cb_bump", "1.10.0").files().stream()
                .filter(f -> f.path().equals("recipes/default.rb")).findFirst().orElseThrow();
        assertThat(recipe.checksum()).isEqualTo(md5(dir.resolve("recipes/default.rb")));
    }

    @Test
    void frozenVersion_refusesAnotherUpload_untilForced(ChefClient chef) throws Exception {
        Path dir = fixture("cb_frozen", "2.0.0");
        CookbookUpload frozen = chef.cookbooks().upload(dir, new Cookbooks.UploadOptions(true, false, 4));
        assertThat(frozen.frozen()).isTrue();
        assertThat(chef.cookbooks().get("cb_frozen", "2.0.0").frozen()).isTrue();
        Files.writeString(dir.resolve("recipes/web.rb"), "# cb_frozen changed\n");

        assertThatThrownBy(() -> chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults()))
                .isInstanceOf(ChefConflictException.class)
                .hasMessageStartingWith("cookbook cb_frozen 2.0.0 is frozen on the server and cannot be overwritten")
                .hasMessageContaining("bump the version in its metadata, or upload with --force")
                .hasMessageNotContaining("\n");
        assertThat(chef.cookbooks().get("cb_frozen", "2.0.0").files()).filteredOn(f -> f.path().equals("recipes/web.rb"))
                .singleElement().extracting(CookbookFile::checksum).isNotEqualTo(md5(dir.resolve("recipes/web.rb")));

        chef.cookbooks().upload(dir, new Cookbooks.UploadOptions(false, true, 4));

        assertThat(chef.cookbooks().get("cb_frozen", "2.0.0").files()).filteredOn(f -> f.path().equals("recipes/web.rb"))
                .singleElement().extracting(CookbookFile::checksum).isEqualTo(md5(dir.resolve("recipes/web.rb")));
    }

    @Test
    void download_givesAByteIdenticalTree_withoutTheIgnoredFiles(ChefClient chef) throws Exception {
        Path dir = fixture("cb_down", "0.3.1");
        chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults());

        Path nested = chef.cookbooks().download("cb_down", "0.3.1", work.resolve("out"), false);
        Path flat = chef.cookbooks().download("cb_down", "_latest", work.resolve("flat"), true);

        assertThat(nested).isEqualTo(work.resolve("out/cb_down-0.3.1"));
        assertThat(flat).isEqualTo(work.resolve("flat"));
        for (Path downloaded : List.of(nested, flat)) {
            assertThat(files(downloaded)).containsExactlyElementsOf(UPLOADED);
            for (String path : UPLOADED) {
                assertThat(Files.mismatch(dir.resolve(path), downloaded.resolve(path))).as(path).isEqualTo(-1L);
            }
        }
        assertThat(files(dir)).contains("notes/todo.txt", "recipes/old.rb.bak");
    }

    @Test
    void download_again_overwritesLocalChangesInsideTheTarget(ChefClient chef) throws Exception {
        Path dir = fixture("cb_redown", "1.0.0");
        chef.cookbooks().upload(dir, Cookbooks.UploadOptions.defaults());
        Path out = chef.cookbooks().download("cb_redown", "1.0.0", work.resolve("out"), false);
        Files.writeString(out.resolve("recipes/default.rb"), "local edit");

        chef.cookbooks().download("cb_redown", "1.0.0", work.resolve("out"), false);

        assertThat(Files.mismatch(dir.resolve("recipes/default.rb"), out.resolve("recipes/default.rb"))).isEqualTo(-1L);
    }

    @Test
    void deleteWithPurge_removesTheVersion(ChefClient chef) throws Exception {
        chef.cookbooks().upload(fixture("cb_gone", "1.0.0"), Cookbooks.UploadOptions.defaults());

        chef.cookbooks().delete("cb_gone", "1.0.0", true);

        assertThat(chef.cookbooks().find("cb_gone", "1.0.0")).isEmpty();
        assertThat(chef.cookbooks().list(0)).doesNotContainKey("cb_gone");
        assertThatThrownBy(() -> chef.cookbooks().versions("cb_gone"))
                .isInstanceOf(ChefNotFoundException.class)
                .hasMessageContaining("cb_gone");
    }

    @Test
    void recipesAndUniverse_includeAnUploadedCookbook(ChefClient chef) throws Exception {
        chef.cookbooks().upload(fixture("cb_known", "3.1.4"), Cookbooks.UploadOptions.defaults());

        assertThat(chef.cookbooks().recipes()).contains("cb_known", "cb_known::web");
        JsonNode universe = chef.cookbooks().universe();
        assertThat(universe.path("cb_known").path("3.1.4").path("dependencies").path("apt").asText())
                .isEqualTo(">= 7.0.0");
    }

    @Test
    void get_unknownCookbook_raisesNotFound_andFindIsEmpty(ChefClient chef) {
        assertThatThrownBy(() -> chef.cookbooks().get("no_such_cookbook", "1.0.0"))
                .isInstanceOf(ChefNotFoundException.class)
                .hasMessageContaining("/cookbooks/no_such_cookbook/1.0.0 answered 404");
        assertThat(chef.cookbooks().find("no_such_cookbook", "_latest")).isEmpty();
    }

    @Test
    void upload_ofADirectoryWithoutMetadata_saysItIsNotACookbook(ChefClient chef) throws IOException {
        Path empty = Files.createDirectories(work.resolve("not_a_cookbook"));

        assertThatThrownBy(() -> chef.cookbooks().upload(empty, Cookbooks.UploadOptions.defaults()))
                .isInstanceOf(ChefConfigException.class)
                .hasMessage(empty + ": is not a cookbook: it has neither metadata.rb nor metadata.json");
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            TreeSet<String> out = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString()));
            return out;
        }
    }

    private static String md5(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the fixture cookbook is on the test class path. */
    private static final class FixtureResource {
        static URI fixture() throws URISyntaxException {
            return CookbooksIT.class.getResource("/cookbooks/galley_fixture").toURI();
        }
    }
}
