package dev.galley.chef.internal.config;

import dev.galley.chef.ChefConfigException;
import dev.galley.chef.ChefServerUrl;
import dev.galley.chef.KeySource;
import dev.galley.chef.KnifeConfig;
import dev.galley.chef.KnifeConfigLoader;
import dev.galley.chef.ProxySettings;
import dev.galley.chef.SigningVersion;
import dev.galley.chef.TlsSettings;
import dev.galley.chef.internal.ruby.RubyScript;
import dev.galley.chef.internal.ruby.RubySetting;
import dev.galley.chef.internal.ruby.RubySymbol;
import dev.galley.chef.internal.ruby.RubyValues;
import dev.galley.core.GalleyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The knife settings as the sources are layered (credentials profile, config files, command-line flags; later
 * wins), each with its origin, and their meaning as {@link KnifeConfig} fields: types checked, relative paths
 * resolved, defaults filled in as knife does.
 */
public final class KnifeSettings {
    private static final Logger log = LoggerFactory.getLogger(KnifeSettings.class);
    private static final RubySymbol VERIFY_NONE = new RubySymbol("verify_none");
    private static final RubySymbol VERIFY_PEER = new RubySymbol("verify_peer");
    /** Config-file settings that hold a key's PEM text, and the key setting each one replaces. */
    private static final Map<String, String> KEY_CONTENTS = Map.of("client_key_contents", "client_key",
            "validation_key_contents", "validation_key");

    private final KnifeConfigLoader.Options options;
    private final ConfigFileLocator.Location location;
    private final Path configDir;
    private final Path homeChef;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, SettingOrigin> origins = new LinkedHashMap<>();
    private final Map<String, Object> knife = new LinkedHashMap<>();
    private final Map<String, String> knifeOrigins = new LinkedHashMap<>();
    /** Keys given as PEM text, by the setting they stand for ("client_key"); such a setting has no value. */
    private final Map<String, KeySource.Inline> inlineKeys = new LinkedHashMap<>();

    public KnifeSettings(KnifeConfigLoader.Options options, ConfigFileLocator.Location location) {
        this.options = Objects.requireNonNull(options, "options");
        this.location = Objects.requireNonNull(location, "location");
        this.configDir = location.directory();
        this.homeChef = options.home().resolve(".chef");
    }

    // ---- layering the sources

    /** Applies a credentials profile: {@code client_name} is {@code node_name}, paths are relative to ~/.chef. */
    public void applyCredentials(CredentialsProfile profile) {
        SettingOrigin origin = profile.origin(homeChef);
        profile.settings().forEach((key, value) -> {
            switch (key) {
                case "client_name" -> put("node_name", value, origin);
                case "client_key" -> putKey("client_key", value, origin);
                case "validation_key", "validator_key" -> putKey("validation_key", value, origin);
                default -> put(key, value, origin);
            }
        });
        profile.knife().forEach((k, v) -> {
            knife.put(k, v);
            knifeOrigins.put(k, origin.label());
        });
    }

    /** Applies an evaluated config file over what is set so far. */
    public void applyScript(RubyScript script) {
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
                    SettingOrigin origin = SettingOrigin.ofFile(script.file(), c.line());
                    Object value = c.args().get(0);
                    if (KEY_CONTENTS.containsKey(c.name()) && value instanceof String pem) {
                        putKey(KEY_CONTENTS.get(c.name()), new KeySource.Inline(pem, origin.label()), origin);
                    } else if (!c.name().endsWith("_key_contents")) {
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

    /** Applies {@code --server-url}, {@code --user}, {@code --key} and {@code --signing}, which win over all. */
    public void applyOverrides() {
        Path cwd = options.workingDirectory();
        options.serverUrl().ifPresent(u -> put("chef_server_url", u, SettingOrigin.ofFlag("--server-url", cwd)));
        options.user().ifPresent(u -> put("node_name", u, SettingOrigin.ofFlag("--user", cwd)));
        options.keyFile().ifPresent(k -> put("client_key", k.toString(), SettingOrigin.ofFlag("--key", cwd)));
        options.signingVersion().ifPresent(v -> put("authentication_protocol_version", v.text(),
                SettingOrigin.ofFlag("--signing", cwd)));
    }

    private void put(String name, Object value, SettingOrigin origin) {
        settings.put(name, value);
        origins.put(name, origin);
        inlineKeys.remove(name); // a path set later wins over an inline key set earlier
    }

    private void putKey(String name, Object value, SettingOrigin origin) {
        if (value instanceof KeySource.Inline inline) {
            inlineKeys.put(name, inline);
            settings.remove(name);
            origins.put(name, origin);
        } else {
            put(name, value, origin);
        }
    }

    // ---- from settings to KnifeConfig

    /**
     * What the layered settings mean.
     *
     * @param credentials the credentials file and profile applied, for KnifeConfig and messages
     * @throws ChefConfigException naming the setting's file and line when a value cannot be used
     */
    public KnifeConfig toKnifeConfig(LoadedCredentials credentials) {
        String nodeName = nodeName();
        KeySource clientKey = clientKey(nodeName);
        ChefServerUrl url = serverUrl(credentials);
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
        return new KnifeConfig(location.file(), credentials.file(), credentials.profile().map(CredentialsProfile::name),
                nodeName, clientKey, url, signing, tls(), proxy(), restTimeout(), paths("cookbook_path"),
                chefRepoPath(), string("validation_client_name"), validationKey(), knife, plain, labels);
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
        put("node_name", login, SettingOrigin.ofDefault("default (login name)", configDir));
        return login;
    }

    private KeySource clientKey(String nodeName) {
        if (inlineKeys.containsKey("client_key")) {
            return inlineKeys.get("client_key");
        }
        if (settings.containsKey("client_key")) {
            return new KeySource.File(path("client_key").orElseThrow());
        }
        Path found = findDefaultKey(List.of(nodeName + ".pem", "user.pem")).orElse(configDir.resolve("client.pem"));
        put("client_key", found.toString(), SettingOrigin.ofDefault("default (" + (Files.exists(found) ? "found "
                + found.getFileName() : "no " + nodeName + ".pem or user.pem found") + ")", configDir));
        return new KeySource.File(found);
    }

    private Optional<KeySource> validationKey() {
        if (inlineKeys.containsKey("validation_key")) {
            return Optional.of(inlineKeys.get("validation_key"));
        }
        Optional<Path> set = path("validation_key");
        if (set.isPresent()) {
            return set.map(KeySource.File::new);
        }
        String client = string("validation_client_name").orElse("chef-validator");
        return findDefaultKey(List.of(client + ".pem", "validator.pem", "validation.pem")).map(KeySource.File::new);
    }

    private Optional<Path> findDefaultKey(List<String> names) {
        for (String name : names) {
            if (location.file().isPresent() && Files.exists(configDir.resolve(name))) {
                return Optional.of(configDir.resolve(name));
            }
            if (Files.exists(homeChef.resolve(name))) {
                return Optional.of(homeChef.resolve(name));
            }
        }
        return Optional.empty();
    }

    private ChefServerUrl serverUrl(LoadedCredentials credentials) {
        Optional<String> text = string("chef_server_url");
        if (text.isEmpty()) {
            String where = location.file().map(f -> "not set in " + f + " (or its config.d)")
                    .orElse("no config.rb or knife.rb found in " + location.searched());
            String creds = credentials.profile().map(p -> ", nor in profile '" + p.name() + "' of " + p.file())
                    .orElse(credentials.file().map(f -> ", nor in " + f).orElse(", no credentials file"));
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
                        + "\":verify_none\"), not " + SettingOrigin.shown("ssl_verify_mode", mode));
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
            throw fail("rest_timeout", "rest_timeout must be a number of seconds, not "
                    + SettingOrigin.shown("rest_timeout", v));
        }
        return Optional.of(Duration.ofMillis(Math.round(n.doubleValue() * 1000)));
    }

    private Optional<Path> chefRepoPath() {
        Object v = settings.get("chef_repo_path");
        if (v instanceof List<?> l && l.size() == 1) {
            return Optional.of(origins.get("chef_repo_path").resolvePath(l.get(0), "chef_repo_path", options.home()));
        }
        return path("chef_repo_path");
    }

    private List<Path> paths(String name) {
        Object v = settings.get(name);
        if (v == null) {
            return List.of();
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<Path> out = new ArrayList<>();
        for (Object item : items) {
            out.add(origins.get(name).resolvePath(item, name, options.home()));
        }
        return out;
    }

    private Optional<Path> path(String name) {
        Object v = settings.get(name);
        return v == null ? Optional.empty() : Optional.of(origins.get(name).resolvePath(v, name, options.home()));
    }

    private Optional<String> string(String name) {
        Object v = settings.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw fail(name, name + " must be a string, not " + SettingOrigin.shown(name, v));
    }

    private Optional<Boolean> bool(String name) {
        Object v = settings.get(name);
        if (v == null || v instanceof Boolean) {
            return Optional.ofNullable((Boolean) v);
        }
        throw fail(name, name + " must be true or false, not " + SettingOrigin.shown(name, v));
    }

    private ChefConfigException fail(String name, String message) {
        SettingOrigin origin = origins.get(name);
        return origin == null ? new ChefConfigException(message) : origin.error(message);
    }
}
