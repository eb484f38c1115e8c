package dev.galley.chef.internal.config;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.KnifeConfigLoader;
import dev.galley.chef.internal.ruby.RubyScript;
import dev.galley.chef.internal.ruby.RubySetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the knife config file in knife's search order ({@code $KNIFE_HOME}, the working directory, the nearest
 * {@code .chef/} above it, {@code ~/.chef/}; config.rb before knife.rb), or takes {@code -c}, and lists the
 * {@code config.d/*.rb} fragments that follow it.
 */
public final class ConfigFileLocator {
    private static final List<String> NAMES = List.of("config.rb", "knife.rb");

    /**
     * Where the config file is.
     *
     * @param file      the config file, if one was found or given
     * @param directory its directory, or {@code ~/.chef} without one: home of config.d, default keys, trusted_certs
     * @param searched  the directories searched, in order, for messages (empty with {@code -c})
     */
    public record Location(Optional<Path> file, Path directory, List<Path> searched) {
        public Location {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(directory, "directory");
            searched = List.copyOf(searched);
        }
    }

    private final KnifeConfigLoader.Options options;

    public ConfigFileLocator(KnifeConfigLoader.Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The config file knife would read.
     *
     * @throws ChefConfigException when {@code -c} names a file that does not exist
     */
    public Location locate() {
        Path homeChef = options.home().resolve(".chef");
        if (options.configFile().isPresent()) {
            Path explicit = options.workingDirectory().resolve(options.configFile().get()).normalize();
            if (!Files.exists(explicit)) {
                throw new ChefConfigException(explicit, 0, "does not exist: check the path given with -c/--config");
            }
            return new Location(Optional.of(explicit), explicit.getParent(), List.of());
        }
        List<Path> searched = new ArrayList<>();
        for (Path dir : searchOrder(homeChef)) {
            searched.add(dir);
            for (String name : NAMES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return new Location(Optional.of(dir.resolve(name)), dir, searched);
                }
            }
        }
        return new Location(Optional.empty(), homeChef, searched);
    }

    private List<Path> searchOrder(Path homeChef) {
        List<Path> dirs = new ArrayList<>();
        String knifeHome = options.env().get("KNIFE_HOME");
        if (knifeHome != null && !knifeHome.isBlank()) {
            dirs.add(options.workingDirectory().resolve(knifeHome).normalize());
        }
        dirs.add(options.workingDirectory());
        for (Path d = options.workingDirectory(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".chef"))) {
                dirs.add(d.resolve(".chef"));
                break;
            }
        }
        dirs.add(homeChef);
        return dirs;
    }

    /**
     * The {@code *.rb} files of config.d, sorted by name: next to the config file, or where its
     * {@code config_d_dir} setting says.
     *
     * @param configScript the evaluated config file, if there is one
     */
    public List<Path> configDFiles(Location location, Optional<RubyScript> configScript) {
        Path dir = location.directory().resolve("config.d");
        Optional<RubySetting.Call> setting = configScript.flatMap(s -> s.last("config_d_dir"));
        if (setting.isPresent()) {
            RubySetting.Call c = setting.get();
            dir = SettingOrigin.ofFile(configScript.get().file(), c.line()).resolvePath(c.args().get(0),
                    "config_d_dir", options.home());
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rb") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new ChefConfigException(dir, 0, "cannot be listed: " + e.getMessage());
        }
    }
}
