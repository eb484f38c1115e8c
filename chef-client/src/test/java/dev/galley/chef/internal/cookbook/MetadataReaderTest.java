package dev.galley.chef.internal.cookbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.internal.ruby.RubyEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which metadata file CookbookMetadataReader reads, as Chef's cookbook loader chooses. */
class MetadataReaderTest {
    @TempDir
    Path dir;

    RubyEnvironment env() {
        return new RubyEnvironment(Map.of(), dir, dir);
    }

    @Test
    void metadataJson_winsOverMetadataRb() throws Exception {
        Files.writeString(dir.resolve("metadata.rb"), "name 'from_rb'\nversion '1.0.0'\n");
        Files.writeString(dir.resolve("metadata.json"), "{\"name\":\"from_json\",\"version\":\"2.0.0\"}");

        assertThat(CookbookMetadataReader.read(dir, env()).name()).isEqualTo("from_json");
    }

    @Test
    void metadataRbAlone_isEvaluated() throws Exception {
        Files.writeString(dir.resolve("metadata.rb"), "name 'from_rb'\nversion '1.0.0'\n");

        assertThat(CookbookMetadataReader.read(dir, env()).version()).isEqualTo("1.0.0");
    }

    @Test
    void neitherFile_isAnError() {
        assertThatThrownBy(() -> CookbookMetadataReader.read(dir, env())).isInstanceOf(ChefConfigException.class)
                .hasMessage(dir + ": is not a cookbook: it has neither metadata.rb nor metadata.json");
    }
}
