package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.KeySource;
import dev.galley.chef.KnifeConfig;
import dev.galley.chef.ProxySettings;
import dev.galley.chef.internal.Json;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * knife's settings as {@code knife config get} shows them: those set in the files (and flags), or with
 * {@code --all} also the values Galley works out when they are not set. Secrets are never shown: keys given inline,
 * anything named like a secret, password or token, and proxy passwords.
 */
final class ConfigValues {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passphrase|token)"
            + "(?!.*(_file|_path|_dir)$).*");
    private static final String HIDDEN = "(not shown)";

    private ConfigValues() {
    }

    /** The settings as set, with {@code knife[...]} under "knife"; secrets hidden. */
    static ObjectNode set(KnifeConfig c) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        c.settings().forEach((k, v) -> out.set(k, shown(k, v)));
        if (!c.knife().isEmpty()) {
            ObjectNode knife = out.putObject("knife");
            c.knife().forEach((k, v) -> knife.set(k, shown(k, v)));
        }
        return out;
    }

    /** {@link #set} with the values Galley uses where nothing was set. */
    static ObjectNode all(KnifeConfig c) {
        Map<String, Object> computed = new LinkedHashMap<>();
        computed.put("config_file", c.configFile().map(Path::toString).orElse(null));
        computed.put("credentials", c.credentialsFile().map(Path::toString).orElse(null));
        computed.put("profile", c.profile().orElse(null));
        computed.put("node_name", c.nodeName());
        computed.put("client_key", key(c.clientKey()));
        computed.put("chef_server_url", c.chefServerUrl().url().toString());
        computed.put("chef_server_root", c.chefServerUrl().root().toString());
        computed.put("authentication_protocol_version", c.signingVersion().map(Object::toString).orElse("1.3"));
        computed.put("ssl_verify_mode", c.tls().verifyPeer() ? "verify_peer" : "verify_none");
        computed.put("ssl_ca_file", c.tls().caFile().map(Path::toString).orElse(null));
        computed.put("trusted_certs_dir", c.tls().trustedCertsDir().map(Path::toString).orElse(null));
        computed.put("http_proxy", c.proxy().httpProxy().map(ProxySettings::redact).orElse(null));
        computed.put("https_proxy", c.proxy().httpsProxy().map(ProxySettings::redact).orElse(null));
        computed.put("no_proxy", c.proxy().noProxy().isEmpty() ? null : String.join(",", c.proxy().noProxy()));
        computed.put("rest_timeout", c.restTimeout().map(d -> d.toMillis() / 1000.0).orElse(null));
        computed.put("cookbook_path", c.cookbookPath().stream().map(Path::toString).toList());
        computed.put("chef_repo_path", c.chefRepoPath().map(Path::toString).orElse(null));
        computed.put("validation_client_name", c.validationClientName().orElse("chef-validator"));
        computed.put("validation_key", c.validationKey().map(ConfigValues::key).orElse(null));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        computed.forEach((k, v) -> out.set(k, shown(k, v)));
        set(c).properties().forEach(e -> {
            if (!out.has(e.getKey()) || e.getKey().equals("knife")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static boolean looksLikePath(String s) {
        return s.startsWith("/") || s.startsWith("~") || s.startsWith("./") || s.startsWith("../")
                || s.matches("[A-Za-z]:[\\\\/].*");
    }

    private static String key(KeySource k) {
        return k instanceof KeySource.File f ? f.path().toString() : "(inline key, not shown)";
    }

    /** A value as shown: symbols without their colon, secrets hidden, lists and maps as JSON. */
    static JsonNode shown(String name, Object value) {
        if (value instanceof String s) {
            if (s.contains("-----BEGIN")) {
                return JsonNodeFactory.instance.textNode("(inline key, not shown)");
            }
            if (SECRET_NAME.matcher(name).matches() && !looksLikePath(s)) {
                return JsonNodeFactory.instance.textNode(HIDDEN); // a path to a secret is fine to show
            }
            if (name.toLowerCase(Locale.ROOT).endsWith("_proxy") && s.contains("@")) {
                try {
                    return JsonNodeFactory.instance.textNode(ProxySettings.redact(URI.create(s)));
                } catch (IllegalArgumentException e) {
                    return JsonNodeFactory.instance.textNode(HIDDEN);
                }
            }
            return JsonNodeFactory.instance.textNode(s.startsWith(":") && s.length() > 1 ? s.substring(1) : s);
        }
        if (value != null && SECRET_NAME.matcher(name).matches()) {
            return JsonNodeFactory.instance.textNode(HIDDEN);
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            m.forEach((k, v) -> out.set(String.valueOf(k), shown(String.valueOf(k), v)));
            return out;
        }
        if (value instanceof List<?> l) {
            var out = JsonNodeFactory.instance.arrayNode();
            l.forEach(v -> out.add(shown(name, v)));
            return out;
        }
        return Json.MAPPER.valueToTree(value);
    }
}
