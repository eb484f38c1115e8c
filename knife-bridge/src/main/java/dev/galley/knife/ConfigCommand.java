package dev.galley.knife;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefKey;
import dev.galley.chef.KnifeConfig;
import dev.galley.chef.ProxySettings;
import dev.galley.core.GalleyException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code galley config ...}: which configuration knife would use, as {@code knife config}.
 */
@Command(name = "config", description = "Show knife's configuration as Galley reads it.",
        subcommands = {ConfigCommand.Show.class})
public final class ConfigCommand {

    /** {@code galley config show}: files, profile, user, key location, server; never the key. */
    @Command(name = "show", description = "Show which files and profile are used, who signs, and which server.")
    public static final class Show extends KnifeCommand {
        @Override
        protected int run(KnifeSession session) {
            KnifeConfig c = session.config();
            LinkedHashMap<String, String> facts = new LinkedHashMap<>();
            facts.put("config_file", c.configFile().map(Path::toString).orElse("(none found)"));
            facts.put("credentials_file", c.credentialsFile().map(Path::toString).orElse("(none)"));
            facts.put("profile", c.profile().orElse("(none)"));
            facts.put("node_name", c.nodeName());
            facts.put("client_key", c.clientKey().describe());
            facts.put("chef_server_url", c.chefServerUrl().url().toString());
            facts.put("chef_server_root", c.chefServerUrl().root().toString());
            facts.put("organization", c.chefServerUrl().organization().orElse("(none)"));
            facts.put("signing", "protocol " + c.signingVersion().map(Object::toString).orElse("1.3 (default)"));
            facts.put("ssl_verify_mode", c.tls().verifyPeer() && !session.options().insecure() ? "verify_peer"
                    : "verify_none");
            facts.put("ssl_ca_file", c.tls().caFile().map(Path::toString).orElse("(none)"));
            facts.put("trusted_certs_dir", c.tls().trustedCertsDir().map(Path::toString).orElse("(none)"));
            facts.put("proxy", proxies(c.proxy()));
            c.restTimeout().ifPresent(t -> facts.put("rest_timeout", t.toSeconds() + " s"));
            if (!c.cookbookPath().isEmpty()) {
                facts.put("cookbook_path", c.cookbookPath().toString());
            }
            Optional<String> keyProblem;
            try {
                ChefKey key = c.clientKey().load();
                facts.put("key", "RSA " + key.bits() + " bits, signing with " + key.signingEngine());
                keyProblem = Optional.empty();
            } catch (GalleyException e) {
                facts.put("key", "cannot be used: " + e.getMessage());
                keyProblem = Optional.of(e.getMessage());
            }
            if (session.options().format() == OutputFormat.JSON || session.options().format() == OutputFormat.YAML) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                facts.forEach(doc::put);
                ObjectNode origins = doc.putObject("origins");
                c.origins().forEach(origins::put);
                session.output().print(doc);
            } else {
                for (String setting : List.of("node_name", "client_key", "chef_server_url")) {
                    String o = c.origins().get(setting);
                    if (o != null) {
                        facts.put(setting, facts.get(setting) + "  (" + o + ")");
                    }
                }
                session.output().printFacts(facts);
            }
            keyProblem.ifPresent(p -> session.info("galley: " + p));
            return keyProblem.isPresent() ? 2 : 0;
        }

        private static String proxies(ProxySettings p) {
            if (p.httpProxy().isEmpty() && p.httpsProxy().isEmpty()) {
                return "(none)";
            }
            return "http " + p.httpProxy().map(ProxySettings::redact).orElse("-") + ", https "
                    + p.httpsProxy().map(ProxySettings::redact).orElse("-")
                    + (p.noProxy().isEmpty() ? "" : ", no_proxy " + String.join(",", p.noProxy()));
        }
    }
}
