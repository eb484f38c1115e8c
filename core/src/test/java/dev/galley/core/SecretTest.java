package dev.galley.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @Test
    void fromFile_stripsAsRubyDoes_andKeepsBinaryBytes(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("text");
        Files.writeString(text, "  s3cr3t\n\n");
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {0, (byte) 0xff, (byte) 0xfe, 65, '\n'});

        assertThat(new String(Secret.fromFile(text).bytes(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(Secret.fromFile(binary).bytes()).containsExactly((byte) 0xff, (byte) 0xfe, 65);
    }

    @Test
    void fromFile_refusesAnEmptyOrMissingFile_namingIt(@TempDir Path dir) throws Exception {
        Path blank = dir.resolve("blank");
        Files.writeString(blank, " \n");

        assertThatThrownBy(() -> Secret.fromFile(blank)).hasMessageContaining(blank + " is empty");
        assertThatThrownBy(() -> Secret.fromFile(dir.resolve("nope"))).hasMessageContaining("does not exist")
                .isInstanceOfSatisfying(GalleyException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BAD_INPUT));
    }

    @Test
    void toString_namesTheOriginOnly() {
        Secret s = Secret.of("hunter2", "environment variable DB_PASSWORD");

        assertThat(s.toString()).isEqualTo("Secret[environment variable DB_PASSWORD]").doesNotContain("hunter2");
    }
}
