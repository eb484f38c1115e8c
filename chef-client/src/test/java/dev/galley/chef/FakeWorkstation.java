package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A fake home directory, working directory and environment for knife configuration tests. */
final class FakeWorkstation {
    final Path root;
    final Path home;
    final Path work;
    final Map<String, String> env = new HashMap<>();

    FakeWorkstation(Path root) {
        this.root = root;
        this.home = root.resolve("home/me");
        this.work = root.resolve("home/me/src/repo/app");
        write("home/me/src/repo/app/.keep", "");
    }

    /** Writes a file under the root and returns its path. */
    Path write(String relative, String content) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Copies a test resource (src/test/resources/...) to a file under the root. */
    Path copy(String resource, String relative) {
        try (InputStream in = FakeWorkstation.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return write(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KnifeConfigLoader.Options options() {
        return KnifeConfigLoader.Options.of(env, home, work).withLoginName("login-user");
    }

    KnifeConfig load() {
        return KnifeConfigLoader.load(options());
    }

    KnifeConfig load(KnifeConfigLoader.Options options) {
        return KnifeConfigLoader.load(options);
    }

    ChefConfigException failure(KnifeConfigLoader.Options options) {
        return (ChefConfigException) assertThatThrownBy(() -> KnifeConfigLoader.load(options))
                .isInstanceOf(ChefConfigException.class).actual();
    }

    ChefConfigException failure() {
        return failure(options());
    }
}
