package dev.galley.chef.internal.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.galley.chef.ChefConfigException;
import dev.galley.chef.CredentialsProfiles;
import dev.galley.chef.KeySource;
import dev.galley.chef.KnifeConfigLoader;
import dev.galley.chef.internal.ruby.RubyScript;
import dev.galley.chef.internal.ruby.RubySetting;
import dev.galley.chef.internal.ruby.RubySymbol;
import dev.galley.chef.internal.ruby.RubyValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads knife's TOML credentials file (chef-config's {@code Mixin::Credentials}): where it is, which profile is
 * chosen, and what the profile sets, with inline keys recognised and the file's line named when it does not parse.
 */
public final class CredentialsReader {
    private static final Logger log = LoggerFactory.getLogger(CredentialsReader.class);
    private static final TomlMapper TOML = new TomlMapper();

    private final KnifeConfigLoader.Options options;
    private final Path homeChef;

    public CredentialsReader(KnifeConfigLoader.Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.homeChef = options.home().resolve(".chef");
    }

    /**
     * The credentials file: the last {@code credentials} setting of the config files, else
     * {@code $CHEF_CREDENTIALS_FILE} when it names a file, else {@code ~/.chef/credentials}. It may not exist.
     */
    public Path locate(List<RubyScript> scripts) {
        for (int k = scripts.size() - 1; k >= 0; k--) {
            Optional<RubySetting.Call> c = scripts.get(k).last("credentials");
            if (c.isPresent()) {
                return SettingOrigin.ofFile(scripts.get(k).file(), c.get().line()).resolvePath(c.get().args().get(0),
                        "credentials", options.home());
            }
        }
        String fromEnv = options.env().get("CHEF_CREDENTIALS_FILE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = options.workingDirectory().resolve(fromEnv).normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
            log.warn("CHEF_CREDENTIALS_FILE names {}, which is not a file; using {} as knife does", p,
                    homeChef.resolve("credentials"));
        }
        return homeChef.resolve("credentials");
    }

    /** The profile: {@code --profile}, else {@code $CHEF_PROFILE}, else {@code ~/.chef/context}, else "default". */
    public ProfileChoice chooseProfile() {
        if (options.profile().isPresent()) {
            return new ProfileChoice(options.profile().get(), CredentialsProfiles.ChosenBy.PROFILE_OPTION,
                    "--profile");
        }
        String env = options.env().get("CHEF_PROFILE");
        if (env != null && !env.isBlank()) {
            return new ProfileChoice(env.strip(), CredentialsProfiles.ChosenBy.CHEF_PROFILE_VARIABLE,
                    "CHEF_PROFILE");
        }
        ProfileContext context = new ProfileContext(options.home());
        return context.read()
                .map(name -> new ProfileChoice(name, CredentialsProfiles.ChosenBy.CONTEXT_FILE,
                        context.path().toString()))
                .orElseGet(() -> new ProfileChoice("default", CredentialsProfiles.ChosenBy.DEFAULT, "default"));
    }

    /**
     * Reads the chosen profile of {@code file}. A missing file, or a file without a "default" profile when nothing
     * chose one, gives no profile, as in knife.
     *
     * @throws ChefConfigException when a chosen profile or its file is missing, or the profile cannot be used
     */
    public LoadedCredentials read(Path file, ProfileChoice choice) {
        if (!Files.isRegularFile(file)) {
            if (choice.explicit()) {
                throw new ChefConfigException(file, 0, "does not exist, but profile '" + choice.name() + "' was "
                        + "chosen by " + choice.shownAs() + ": create the credentials file or choose no profile");
            }
            return LoadedCredentials.none();
        }
        JsonNode root = parse(file);
        JsonNode table = root.get(choice.name());
        if (table == null || !table.isObject()) {
            if (!choice.explicit()) {
                // knife ignores a credentials file without a default profile unless one is asked for.
                return new LoadedCredentials(Optional.of(file), Optional.empty());
            }
            List<String> names = profileNames(root);
            throw new ChefConfigException(file, 0, "has no profile '" + choice.name() + "' (chosen by "
                    + choice.shownAs() + "); it has " + (names.isEmpty() ? "no profiles" : "profiles "
                    + String.join(", ", names)) + ": add a [" + choice.name() + "] table or choose one of those");
        }
        return new LoadedCredentials(Optional.of(file), Optional.of(profile(file, choice.name(), table)));
    }

    private CredentialsProfile profile(Path file, String name, JsonNode table) {
        String prefix = CredentialsProfile.messagePrefix(name);
        String label = CredentialsProfile.label(file, name);
        if (table.has("node_name") && table.has("client_name")) {
            throw new ChefConfigException(file, 0, prefix + "sets both node_name and client_name: keep client_name "
                    + "(the name requests are signed as) and remove node_name");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> knife = new LinkedHashMap<>();
        table.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("secret") && !key.equals("knife")) {
                throw new ChefConfigException(file, 0, prefix + key + " is a secrets-provider reference, which Galley "
                        + "does not resolve: put the value in the profile directly");
            }
            switch (key) {
                case "client_key" -> {
                    if (!v.isTextual()) {
                        throw new ChefConfigException(file, 0, prefix + "client_key must be a path or an inline PEM "
                                + "key in a string, not a " + nodeType(v));
                    }
                    settings.put(key, isInlineKey(v.asText()) ? new KeySource.Inline(v.asText(), label) : v.asText());
                }
                case "validation_key", "validator_key" ->
                        settings.put(key, isInlineKey(v.asText()) ? new KeySource.Inline(v.asText(), label)
                                : tomlValue(v));
                case "knife" -> {
                    if (!v.isObject()) {
                        throw new ChefConfigException(file, 0, prefix + "knife must be a table ([" + name
                                + ".knife]), not a " + nodeType(v));
                    }
                    v.properties().forEach(k -> knife.put(k.getKey(), RubyValues.plain(tomlValue(k.getValue()))));
                }
                default -> settings.put(key, tomlValue(v));
            }
        });
        return new CredentialsProfile(file, name, settings, knife);
    }

    /**
     * Every profile of {@code file} in file order, as {@code list-profiles} shows it: names, not keys. No file gives
     * no profiles; a profile is not checked beyond what is shown, so one broken profile does not hide the others.
     *
     * @throws ChefConfigException when the file is not valid TOML
     */
    public List<CredentialsProfiles.Profile> profiles(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<CredentialsProfiles.Profile> out = new ArrayList<>();
        parse(file).properties().forEach(e -> {
            JsonNode t = e.getValue();
            if (t.isObject()) {
                Optional<String> client = text(t, "client_name").or(() -> text(t, "node_name"));
                out.add(new CredentialsProfiles.Profile(e.getKey(), client, text(t, "chef_server_url"),
                        text(t, "client_key").map(this::describeKey)));
            }
        });
        return out;
    }

    private String describeKey(String clientKey) {
        if (isInlineKey(clientKey)) {
            return "inline key";
        }
        return SettingOrigin.ofDefault("credentials", homeChef).resolvePath(clientKey, "client_key", options.home())
                .toString();
    }

    private static Optional<String> text(JsonNode table, String key) {
        JsonNode v = table.get(key);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /**
     * Checks that {@code file} has profile {@code name}, for {@code use-profile}.
     *
     * @throws ChefConfigException saying which profiles there are when it has not
     */
    public void requireProfile(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            throw new ChefConfigException(file, 0, "does not exist, so it has no profile '" + name + "' to use: "
                    + "create it with a [" + name + "] table holding client_name, client_key and chef_server_url");
        }
        JsonNode root = parse(file);
        if (root.get(name) != null && root.get(name).isObject()) {
            return;
        }
        List<String> names = profileNames(root);
        // An unquoted [prod.example.com] is table prod, sub-table example, ...: say so when the name has a dot.
        String quoting = name.contains(".") ? " (quote a name with dots: ['" + name + "'])" : "";
        throw new ChefConfigException(file, 0, "has no profile '" + name + "'; " + (names.isEmpty()
                ? "it has no profiles: add a [" + name + "] table" + quoting
                : "it has profiles " + String.join(", ", names) + ": choose one of those or add a [" + name
                        + "] table" + quoting));
    }

    private static List<String> profileNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** Whether a {@code client_key} value is the key itself; PKCS#8 too, unlike knife (see KnifeConfigLoader). */
    private static boolean isInlineKey(String text) {
        String t = text.strip();
        return t.startsWith("-----BEGIN") && t.contains("PRIVATE KEY-----");
    }

    private static String nodeType(JsonNode v) {
        return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static JsonNode parse(Path file) {
        try {
            return TOML.readTree(file.toFile());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ChefConfigException(file, Math.max(line, 0), "is not valid TOML (" + e.getOriginalMessage()
                    + "): fix the syntax; each profile is a [name] table of key = \"value\" lines");
        } catch (IOException e) {
            throw new ChefConfigException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static Object tomlValue(JsonNode v) {
        if (v.isTextual()) {
            // TOML has no symbols: chef-config reads ":verify_none" as the symbol :verify_none.
            return v.asText().matches(":[A-Za-z_]\\w*") ? new RubySymbol(v.asText().substring(1)) : v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(tomlValue(x)));
            return out;
        }
        if (v.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            v.properties().forEach(e -> out.put(e.getKey(), tomlValue(e.getValue())));
            return out;
        }
        return null;
    }
}
