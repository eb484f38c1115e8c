package dev.galley.chef;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.galley.chef.internal.ruby.RubyDialect;
import dev.galley.chef.internal.ruby.RubyEnvironment;
import dev.galley.chef.internal.ruby.RubyEvaluator;
import dev.galley.chef.internal.ruby.RubyScript;
import dev.galley.chef.internal.ruby.RubySetting;
import dev.galley.chef.internal.ruby.RubySymbol;
import dev.galley.chef.internal.ruby.RubyValues;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@link KnifeConfig} from the files knife reads, in knife's order (chef-config's WorkstationConfigLoader).
 *
 * <p>The config file is the first of {@code $KNIFE_HOME/}, the working directory, the nearest {@code .chef/} above
 * it and {@code ~/.chef/} to hold config.rb (before knife.rb), or {@code -c}; then {@code config.d/*.rb} next to it,
 * sorted. The credentials profile ({@code --profile}, {@code $CHEF_PROFILE}, {@code ~/.chef/context}, "default") of
 * {@code ~/.chef/credentials} (or {@code $CHEF_CREDENTIALS_FILE}, or the {@code credentials} setting) is applied
 * first, then the config file, then config.d, then the explicit overrides, so later sources win. Ruby files are
 * evaluated safely ({@link RubyEvaluator}): never run, and anything outside the common subset is an error.
 *
 * <p>Where Galley differs from knife, on purpose: an inline {@code client_key} in credentials may be PKCS#1 or
 * PKCS#8 (knife only recognises {@code BEGIN RSA PRIVATE KEY}); a relative path in a config file is resolved
 * against that file's directory (knife uses the directory it runs in, so the same file names different keys in
 * different places); a missing {@code chef_server_url} is an error rather than {@code https://localhost:443}; a
 * profile chosen explicitly with no credentials file is an error; the {@code credentials} setting is honoured when
 * set in config.rb. In {@link KnifeConfig#settings()} a Ruby symbol is the string ":name", as TOML writes it.
 */
public final class KnifeConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(KnifeConfigLoader.class);
    private static final TomlMapper TOML = new TomlMapper();
    private static final RubySymbol VERIFY_NONE = new RubySymbol("verify_none");
    private static final RubySymbol VERIFY_PEER = new RubySymbol("verify_peer");

    /** Settings Ruby would silently treat as local variables when written {@code name = value} (chef/chef#5552). */
    static final RubyDialect DIALECT = new RubyDialect("knife configuration",
            "set the value literally or move it to ~/.chef/credentials",
            Set.of("node_name", "client_name", "client_key", "client_key_contents", "chef_server_url",
                    "chef_server_root", "validation_key", "validation_client_name", "validation_key_contents",
                    "cookbook_path", "chef_repo_path", "ssl_verify_mode", "verify_api_cert", "ssl_ca_file",
                    "ssl_ca_path", "ssl_client_cert", "ssl_client_key", "trusted_certs_dir", "log_level",
                    "log_location", "http_proxy", "https_proxy", "no_proxy", "rest_timeout",
                    "authentication_protocol_version", "cache_type", "cache_options", "syntax_check_cache_path",
                    "data_bag_path", "role_path", "environment_path", "node_path", "encrypted_data_bag_secret",
                    "versioned_cookbooks", "config_d_dir", "credentials", "file_cache_path", "policy_name",
                    "policy_group", "local_mode"));

    /**
     * What the loader may see and what the command line overrides; tests build one instead of reading the process's.
     *
     * @param env              environment variables (KNIFE_HOME, CHEF_PROFILE, CHEF_CREDENTIALS_FILE, proxies)
     * @param home             the home directory (holds .chef/)
     * @param workingDirectory where the command runs (config search, relative {@code -c} and {@code --key})
     * @param loginName        the login user name, node_name's last fallback
     * @param configFile       {@code -c}/{@code --config}: this file and no search
     * @param profile          {@code --profile}
     * @param serverUrl        {@code --server-url}
     * @param user             {@code --user}
     * @param keyFile          {@code --key}
     * @param signingVersion   {@code --signing}
     */
    public record Options(Map<String, String> env, Path home, Path workingDirectory, Optional<String> loginName,
            Optional<Path> configFile, Optional<String> profile, Optional<String> serverUrl, Optional<String> user,
            Optional<Path> keyFile, Optional<SigningVersion> signingVersion) {

        public Options {
            env = Map.copyOf(env);
            home = home.toAbsolutePath().normalize();
            workingDirectory = workingDirectory.toAbsolutePath().normalize();
            loginName = loginName == null ? Optional.empty() : loginName.filter(s -> !s.isBlank());
            configFile = configFile == null ? Optional.empty() : configFile;
            profile = profile == null ? Optional.empty() : profile;
            serverUrl = serverUrl == null ? Optional.empty() : serverUrl;
            user = user == null ? Optional.empty() : user;
            keyFile = keyFile == null ? Optional.empty() : keyFile;
            signingVersion = signingVersion == null ? Optional.empty() : signingVersion;
        }

        /** No overrides; the login name from {@code USER} or {@code LOGNAME} in {@code env}. */
        public static Options of(Map<String, String> env, Path home, Path workingDirectory) {
            String login = env.getOrDefault("USER", env.get("LOGNAME"));
            return new Options(env, home, workingDirectory, Optional.ofNullable(login), null, null, null, null, null,
                    null);
        }

        /** This process's environment, home, working directory and user, with no overrides. */
        public static Options ofProcess() {
            return new Options(System.getenv(), Path.of(System.getProperty("user.home")),
                    Path.of(System.getProperty("user.dir")), Optional.ofNullable(System.getProperty("user.name")),
                    null, null, null, null, null, null);
        }

        public Options withConfigFile(Path file) {
            return new Options(env, home, workingDirectory, loginName, Optional.of(file), profile, serverUrl, user,
                    keyFile, signingVersion);
        }

        public Options withProfile(String name) {
            return new Options(env, home, workingDirectory, loginName, configFile, Optional.of(name), serverUrl, user,
                    keyFile, signingVersion);
        }

        public Options withServerUrl(String url) {
            return new Options(env, home, workingDirectory, loginName, configFile, profile, Optional.of(url), user,
                    keyFile, signingVersion);
        }

        public Options withUser(String name) {
            return new Options(env, home, workingDirectory, loginName, configFile, profile, serverUrl,
                    Optional.of(name), keyFile, signingVersion);
        }

        public Options withKeyFile(Path file) {
            return new Options(env, home, workingDirectory, loginName, configFile, profile, serverUrl, user,
                    Optional.of(file), signingVersion);
        }

        public Options withSigningVersion(SigningVersion version) {
            return new Options(env, home, workingDirectory, loginName, configFile, profile, serverUrl, user, keyFile,
                    Optional.of(version));
        }

        public Options withLoginName(String name) {
            return new Options(env, home, workingDirectory, Optional.of(name), configFile, profile, serverUrl, user,
                    keyFile, signingVersion);
        }

        @Override
        public String toString() {
            // Environment values can be tokens or passwords: never shown.
            return "Options[home=" + home + ", cwd=" + workingDirectory + ", config=" + configFile + ", profile="
                    + profile + ", serverUrl=" + serverUrl + ", user=" + user + ", key=" + keyFile + "]";
        }
    }

    /** Where a value came from; {@code baseDir} is what a relative path in it is relative to. */
    private record Origin(Path file, int line, String label, String messagePrefix, Path baseDir) {
        static Origin ofFile(Path file, int line) {
            return new Origin(file, line, file + ":" + line, "", file.getParent());
        }
    }

    /** How the credentials profile was chosen, for messages. */
    private record ProfileChoice(String name, String source) {
    }

    private final Options options;
    private final RubyEnvironment rubyEnv;
    private final Path homeChef;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Map<String, Object> knife = new LinkedHashMap<>();
    private final Map<String, String> knifeOrigins = new LinkedHashMap<>();
    private final List<Path> searched = new ArrayList<>();
    private KeySource.Inline inlineClientKey;
    private Optional<Path> configFile = Optional.empty();
    private Path configDir;
    private Optional<Path> credentialsFile = Optional.empty();
    private Optional<String> profile = Optional.empty();

    private KnifeConfigLoader(Options options) {
        this.options = options;
        this.rubyEnv = new RubyEnvironment(options.env(), options.home(), options.workingDirectory());
        this.homeChef = options.home().resolve(".chef");
    }

    /** Loads with this process's environment, home and working directory, as {@code knife} would. */
    public static KnifeConfig load() {
        return load(Options.ofProcess());
    }

    /**
     * Loads as knife would from what {@code options} describe.
     *
     * @throws ChefConfigException naming the file (and line) at fault and what to do about it
     */
    public static KnifeConfig load(Options options) {
        return new KnifeConfigLoader(options).run();
    }

    private KnifeConfig run() {
        configFile = locateConfigFile();
        configDir = configFile.map(Path::getParent).orElse(homeChef);
        List<RubyScript> scripts = new ArrayList<>();
        configFile.ifPresent(f -> scripts.add(RubyEvaluator.evaluateFile(f, rubyEnv, DIALECT)));
        for (Path fragment : configDFiles(scripts)) {
            scripts.add(RubyEvaluator.evaluateFile(fragment, rubyEnv, DIALECT));
        }
        applyCredentials(credentialsPath(scripts), chooseProfile());
        scripts.forEach(this::applyScript);
        applyOverrides();
        log.debug("knife configuration: config file {}, credentials {}, profile {}", configFile, credentialsFile,
                profile);
        return build();
    }

    // ---- where the files are

    private Optional<Path> locateConfigFile() {
        if (options.configFile().isPresent()) {
            Path explicit = options.workingDirectory().resolve(options.configFile().get()).normalize();
            if (!Files.exists(explicit)) {
                throw new ChefConfigException(explicit, 0, "does not exist: check the path given with -c/--config");
            }
            return Optional.of(explicit);
        }
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
        for (Path dir : dirs) {
            searched.add(dir);
            for (String name : List.of("config.rb", "knife.rb")) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return Optional.of(dir.resolve(name));
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> configDFiles(List<RubyScript> scripts) {
        Path dir = configDir.resolve("config.d");
        if (!scripts.isEmpty() && scripts.get(0).last("config_d_dir").isPresent()) {
            RubySetting.Call c = scripts.get(0).last("config_d_dir").get();
            dir = resolvePath(c.args().get(0), Origin.ofFile(scripts.get(0).file(), c.line()), "config_d_dir");
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

    private Path credentialsPath(List<RubyScript> scripts) {
        for (int k = scripts.size() - 1; k >= 0; k--) {
            Optional<RubySetting.Call> c = scripts.get(k).last("credentials");
            if (c.isPresent()) {
                return resolvePath(c.get().args().get(0), Origin.ofFile(scripts.get(k).file(), c.get().line()),
                        "credentials");
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

    private ProfileChoice chooseProfile() {
        if (options.profile().isPresent()) {
            return new ProfileChoice(options.profile().get(), "--profile");
        }
        String env = options.env().get("CHEF_PROFILE");
        if (env != null && !env.isBlank()) {
            return new ProfileChoice(env.strip(), "CHEF_PROFILE");
        }
        Path context = homeChef.resolve("context");
        if (Files.isRegularFile(context)) {
            try {
                String name = Files.readString(context, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return new ProfileChoice(name, context.toString());
                }
            } catch (IOException e) {
                throw new ChefConfigException(context, 0, "cannot be read: " + e.getMessage());
            }
        }
        return new ProfileChoice("default", "default");
    }

    // ---- the credentials profile

    private void applyCredentials(Path file, ProfileChoice choice) {
        if (!Files.isRegularFile(file)) {
            if (!choice.source().equals("default")) {
                throw new ChefConfigException(file, 0, "does not exist, but profile '" + choice.name() + "' was "
                        + "chosen by " + choice.source() + ": create the credentials file or choose no profile");
            }
            return;
        }
        JsonNode root = readToml(file);
        JsonNode table = root.get(choice.name());
        credentialsFile = Optional.of(file);
        if (table == null || !table.isObject()) {
            if (choice.name().equals("default")) {
                return; // knife ignores a credentials file without a default profile unless one is asked for
            }
            List<String> names = new ArrayList<>();
            root.properties().forEach(e -> {
                if (e.getValue().isObject()) {
                    names.add(e.getKey());
                }
            });
            throw new ChefConfigException(file, 0, "has no profile '" + choice.name() + "' (chosen by "
                    + choice.source() + "); it has " + (names.isEmpty() ? "no profiles" : "profiles "
                    + String.join(", ", names)) + ": add a [" + choice.name() + "] table or choose one of those");
        }
        profile = Optional.of(choice.name());
        String prefix = "profile '" + choice.name() + "': ";
        Origin origin = new Origin(file, 0, "credentials " + file + " profile '" + choice.name() + "'", prefix,
                homeChef);
        if (table.has("node_name") && table.has("client_name")) {
            throw new ChefConfigException(file, 0, prefix + "sets both node_name and client_name: keep client_name "
                    + "(the name requests are signed as) and remove node_name");
        }
        table.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("secret") && !key.equals("knife")) {
                throw new ChefConfigException(file, 0, prefix + key + " is a secrets-provider reference, which Galley "
                        + "does not resolve: put the value in the profile directly");
            }
            switch (key) {
                case "client_name" -> put("node_name", tomlValue(v), origin);
                case "client_key" -> clientKeyFromCredentials(v, origin);
                case "validation_key", "validator_key" -> {
                    if (!isInlineKey(v.asText())) {
                        put("validation_key", tomlValue(v), origin);
                    } else {
                        // KnifeConfig.validationKey is a path; signing as a user never needs the validator's key.
                        log.debug("{}: inline {} not used", origin.label(), key);
                    }
                }
                case "knife" -> {
                    if (!v.isObject()) {
                        throw new ChefConfigException(file, 0, prefix + "knife must be a table ([" + choice.name()
                                + ".knife]), not a " + nodeType(v));
                    }
                    v.properties().forEach(k -> {
                        knife.put(k.getKey(), RubyValues.plain(tomlValue(k.getValue())));
                        knifeOrigins.put(k.getKey(), origin.label());
                    });
                }
                default -> put(key, tomlValue(v), origin);
            }
        });
    }

    private void clientKeyFromCredentials(JsonNode v, Origin origin) {
        if (!v.isTextual()) {
            throw new ChefConfigException(origin.file(), 0, origin.messagePrefix() + "client_key must be a path or an "
                    + "inline PEM key in a string, not a " + nodeType(v));
        }
        if (isInlineKey(v.asText())) {
            inlineClientKey = new KeySource.Inline(v.asText(), origin.label());
            settings.remove("client_key");
            origins.put("client_key", origin);
        } else {
            put("client_key", v.asText(), origin);
        }
    }

    private static String nodeType(JsonNode v) {
        return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isInlineKey(String text) {
        String t = text.strip();
        return t.startsWith("-----BEGIN") && t.contains("PRIVATE KEY-----");
    }

    private static JsonNode readToml(Path file) {
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

    // ---- config files and overrides

    private void applyScript(RubyScript script) {
        for (RubySetting s : script.settings()) {
            switch (s) {
                case RubySetting.Call c -> {
                    if (c.args().isEmpty()) {
                        continue; // a bare name reads a setting; it sets nothing
                    }
                    if (c.args().size() > 1) {
                        throw new ChefConfigException(script.file(), c.line(), c.name() + " takes one value, not "
                                + c.args().size() + ": to give several, write an array: " + c.name() + " [a, b]");
                    }
                    Origin origin = Origin.ofFile(script.file(), c.line());
                    Object value = c.args().get(0);
                    if (c.name().equals("client_key_contents") && value instanceof String pem) {
                        inlineClientKey = new KeySource.Inline(pem, origin.label());
                        origins.put("client_key", origin);
                        settings.remove("client_key");
                    } else if (!c.name().endsWith("_key_contents")) {
                        if (c.name().equals("client_key")) {
                            inlineClientKey = null;
                        }
                        put(c.name(), value, origin);
                    }
                }
                case RubySetting.KnifeAssignment k -> {
                    if (!k.orAssign() || !RubyValues.truthy(knife.get(k.key()))) {
                        knife.put(k.key(), RubyValues.plain(k.value()));
                        knifeOrigins.put(k.key(), script.file() + ":" + k.line());
                    }
                }
            }
        }
    }

    private void applyOverrides() {
        Origin cwd = new Origin(null, 0, "", "", options.workingDirectory());
        options.serverUrl().ifPresent(u -> put("chef_server_url", u, withLabel(cwd, "--server-url")));
        options.user().ifPresent(u -> put("node_name", u, withLabel(cwd, "--user")));
        options.keyFile().ifPresent(k -> {
            inlineClientKey = null;
            put("client_key", k.toString(), withLabel(cwd, "--key"));
        });
        options.signingVersion().ifPresent(v -> put("authentication_protocol_version", v.text(),
                withLabel(cwd, "--signing")));
    }

    private static Origin withLabel(Origin o, String flag) {
        return new Origin(null, 0, flag, flag + ": ", o.baseDir());
    }

    private void put(String name, Object value, Origin origin) {
        settings.put(name, value);
        origins.put(name, origin);
    }

    // ---- from settings to KnifeConfig

    private KnifeConfig build() {
        String nodeName = nodeName();
        KeySource clientKey = clientKey(nodeName);
        ChefServerUrl url = serverUrl();
        Optional<SigningVersion> signing = string("authentication_protocol_version").map(v -> {
            try {
                return SigningVersion.parse(v);
            } catch (GalleyException e) {
                throw fail("authentication_protocol_version", e.getMessage());
            }
        });
        Map<String, String> labels = new LinkedHashMap<>();
        origins.forEach((k, o) -> labels.put(k, o.label()));
        knifeOrigins.forEach((k, o) -> labels.put("knife[:" + k + "]", o));
        Map<String, Object> plain = new LinkedHashMap<>();
        settings.forEach((k, v) -> plain.put(k, RubyValues.plain(v)));
        return new KnifeConfig(configFile, credentialsFile, profile, nodeName, clientKey, url, signing, tls(), proxy(),
                restTimeout(), paths("cookbook_path"), chefRepoPath(), string("validation_client_name"),
                validationKey(), knife, plain, labels);
    }

    private String nodeName() {
        Optional<String> name = string("node_name");
        if (name.isPresent()) {
            return name.get();
        }
        if (origins.containsKey("client_name") && origins.get("client_name").file() != null) {
            log.warn("{}: client_name is set but knife signs requests as node_name, which is not set; using the "
                    + "login name as knife does", origins.get("client_name").label());
        }
        String login = options.loginName().orElseThrow(() -> new ChefConfigException("no node_name: set node_name "
                + "in config.rb or client_name in the credentials profile, or pass --user"));
        put("node_name", login, new Origin(null, 0, "default (login name)", "", configDir));
        return login;
    }

    private KeySource clientKey(String nodeName) {
        if (inlineClientKey != null) {
            return inlineClientKey;
        }
        if (settings.containsKey("client_key")) {
            return new KeySource.File(path("client_key").orElseThrow());
        }
        Path found = findDefaultKey(List.of(nodeName + ".pem", "user.pem")).orElse(configDir.resolve("client.pem"));
        put("client_key", found.toString(), new Origin(null, 0, "default (" + (Files.exists(found) ? "found "
                + found.getFileName() : "no " + nodeName + ".pem or user.pem found") + ")", "", configDir));
        return new KeySource.File(found);
    }

    private Optional<Path> findDefaultKey(List<String> names) {
        for (String name : names) {
            if (configFile.isPresent() && Files.exists(configDir.resolve(name))) {
                return Optional.of(configDir.resolve(name));
            }
            if (Files.exists(homeChef.resolve(name))) {
                return Optional.of(homeChef.resolve(name));
            }
        }
        return Optional.empty();
    }

    private ChefServerUrl serverUrl() {
        Optional<String> text = string("chef_server_url");
        if (text.isEmpty()) {
            String where = configFile.map(f -> "not set in " + f + " (or its config.d)").orElse("no config.rb or "
                    + "knife.rb found in " + searched);
            String creds = profile.map(p -> ", nor in profile '" + p + "' of " + credentialsFile.orElseThrow())
                    .orElse(credentialsFile.map(f -> ", nor in " + f).orElse(", no credentials file"));
            throw new ChefConfigException("no chef_server_url: " + where + creds + ", and no --server-url: set "
                    + "chef_server_url in config.rb or in the credentials profile, or pass --server-url");
        }
        try {
            return ChefServerUrl.parse(text.get());
        } catch (ChefConfigException e) {
            throw fail("chef_server_url", e.getMessage());
        }
    }

    private TlsSettings tls() {
        boolean verifyNone = false;
        if (settings.get("ssl_verify_mode") != null) {
            Object mode = settings.get("ssl_verify_mode");
            if (!VERIFY_NONE.equals(mode) && !VERIFY_PEER.equals(mode)) {
                throw fail("ssl_verify_mode", "ssl_verify_mode must be :verify_peer or :verify_none (in credentials "
                        + "\":verify_none\"), not " + shown("ssl_verify_mode", mode));
            }
            verifyNone = VERIFY_NONE.equals(mode);
        }
        boolean verifyApiCert = bool("verify_api_cert").orElse(false);
        // As Chef's API SSL policy: verify_api_cert true checks the Chef server's certificate even with :verify_none.
        boolean verifyPeer = !verifyNone || verifyApiCert;
        Path trusted = path("trusted_certs_dir").orElse(configDir.resolve("trusted_certs"));
        return new TlsSettings(verifyPeer, path("ssl_ca_file"), Optional.of(trusted));
    }

    private ProxySettings proxy() {
        Optional<String> http = proxySetting("http_proxy");
        Optional<String> https = proxySetting("https_proxy");
        Optional<String> noProxy = noProxy();
        if (http.isEmpty() && https.isEmpty() && noProxy.isEmpty()) {
            return ProxySettings.fromEnvironment(options.env());
        }
        // Settings first, each falling back to its environment variable, as chef-config exports them.
        return ProxySettings.of(http.orElseGet(() -> env("http_proxy")), https.orElseGet(() -> env("https_proxy")),
                noProxy.orElseGet(() -> env("no_proxy")), "environment variable");
    }

    private Optional<String> proxySetting(String name) {
        Optional<String> v = string(name);
        v.ifPresent(url -> {
            try {
                ProxySettings.of(url, null, null, "knife configuration");
            } catch (GalleyException e) {
                throw fail(name, e.getMessage().replace(" http_proxy ", " " + name + " "));
            }
        });
        return v;
    }

    private String env(String lowerCaseName) {
        String v = options.env().get(lowerCaseName);
        return v != null && !v.isBlank() ? v : options.env().get(lowerCaseName.toUpperCase(Locale.ROOT));
    }

    private Optional<String> noProxy() {
        Object v = settings.get("no_proxy");
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
            return Optional.of(String.join(",", l.stream().map(String.class::cast).toList()));
        }
        return string("no_proxy");
    }

    private Optional<Duration> restTimeout() {
        Object v = settings.get("rest_timeout");
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n) || n.doubleValue() <= 0) {
            throw fail("rest_timeout", "rest_timeout must be a number of seconds, not " + shown("rest_timeout", v));
        }
        return Optional.of(Duration.ofMillis(Math.round(n.doubleValue() * 1000)));
    }

    private Optional<Path> chefRepoPath() {
        Object v = settings.get("chef_repo_path");
        if (v instanceof List<?> l && l.size() == 1) {
            return Optional.of(resolvePath(l.get(0), origins.get("chef_repo_path"), "chef_repo_path"));
        }
        return path("chef_repo_path");
    }

    private Optional<Path> validationKey() {
        Optional<Path> set = path("validation_key");
        if (set.isPresent()) {
            return set;
        }
        String client = string("validation_client_name").orElse("chef-validator");
        return findDefaultKey(List.of(client + ".pem", "validator.pem", "validation.pem"));
    }

    private List<Path> paths(String name) {
        Object v = settings.get(name);
        if (v == null) {
            return List.of();
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<Path> out = new ArrayList<>();
        for (Object item : items) {
            out.add(resolvePath(item, origins.get(name), name));
        }
        return out;
    }

    private Optional<Path> path(String name) {
        Object v = settings.get(name);
        return v == null ? Optional.empty() : Optional.of(resolvePath(v, origins.get(name), name));
    }

    private Path resolvePath(Object value, Origin origin, String name) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw error(origin, name + " must be a path string, not " + shown(name, value));
        }
        if (s.equals("~") || s.startsWith("~/")) {
            return options.home().resolve(s.substring(Math.min(2, s.length()))).normalize();
        }
        return origin.baseDir().resolve(s).normalize();
    }

    private Optional<String> string(String name) {
        Object v = settings.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw fail(name, name + " must be a string, not " + shown(name, v));
    }

    private Optional<Boolean> bool(String name) {
        Object v = settings.get(name);
        if (v == null || v instanceof Boolean) {
            return Optional.ofNullable((Boolean) v);
        }
        throw fail(name, name + " must be true or false, not " + shown(name, v));
    }

    private static String shown(String name, Object value) {
        if (name.contains("key") || name.contains("secret") || name.contains("password") || name.contains("token")) {
            String type = RubyValues.typeName(value);
            return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + " (value not shown)";
        }
        String text = RubyValues.inspect(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private ChefConfigException fail(String name, String message) {
        return error(origins.get(name), message);
    }

    private static ChefConfigException error(Origin origin, String message) {
        return origin == null ? new ChefConfigException(message)
                : new ChefConfigException(origin.file(), origin.line(), origin.messagePrefix() + message);
    }
}
