package dev.galley.knife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefKey;
import dev.galley.chef.CredentialsProfiles;
import dev.galley.chef.KnifeConfig;
import dev.galley.chef.KnifeConfigLoader;
import dev.galley.chef.ProxySettings;
import dev.galley.core.GalleyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley config ...}: which configuration knife would use, as {@code knife config}.
 */
@Command(name = "config", description = "Show knife's configuration as Galley reads it, and choose a profile.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Get.class, ConfigCommand.ListProfiles.class,
            ConfigCommand.UseProfile.class})
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

    /** {@code galley config get [KEY...]}: settings as {@code knife config get} prints them. */
    @Command(name = "get", description = {"Show settings as knife config get does: those set in the "
            + "configuration, or the ones named (a name, a dotted path such as knife.ssh_user, or /regex/i).",
        "Keys and secrets are never shown, only where they are. Unlike knife, the files read are named on stderr."})
    public static final class Get extends KnifeCommand {
        @Option(names = {"-a", "--all"}, description = "Include the settings that are not set, with the values "
                + "Galley uses.")
        boolean all;

        @Option(names = {"-r", "--raw"}, description = "Print each value alone, without its name.")
        boolean raw;

        @Parameters(arity = "0..*", paramLabel = "KEY", description = "Setting names, dotted paths or /regex/.")
        List<String> keys;

        @Override
        protected int run(KnifeSession session) {
            KnifeConfig c = session.config();
            if (!raw && session.options().format() == OutputFormat.SUMMARY) {
                c.credentialsFile().ifPresent(f -> session.info("Loading from credentials file " + f));
                c.configFile().ifPresent(f -> session.info("Loading from configuration file " + f));
            }
            ObjectNode set = ConfigValues.set(c);
            ObjectNode everything = ConfigValues.all(c);
            ObjectNode shown = JsonNodeFactory.instance.objectNode();
            if (keys == null || keys.isEmpty()) {
                shown = all ? everything : set;
            } else {
                for (String key : keys) {
                    Matcher re = Pattern.compile("^/(.*)/(i?)$").matcher(key);
                    if (re.matches()) {
                        Pattern filter = Pattern.compile(re.group(1),
                                re.group(2).isEmpty() ? 0 : Pattern.CASE_INSENSITIVE);
                        for (Map.Entry<String, JsonNode> e
                                : (all ? everything : set).properties()) {
                            if (filter.matcher(e.getKey()).find()) {
                                shown.set(e.getKey(), e.getValue());
                            }
                        }
                    } else {
                        // As knife: what is set, else the value Galley works out, else nothing (null).
                        JsonNode v = dig(set, key);
                        v = v.isMissingNode() ? dig(everything, key) : v;
                        shown.set(key, v.isMissingNode() ? NullNode.getInstance() : v);
                    }
                }
            }
            if (raw) {
                shown.properties().forEach(e -> session.console().out().println(
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
                session.console().out().flush();
            } else {
                session.output().print(shown);
            }
            return 0;
        }

        private static JsonNode dig(ObjectNode from, String dotted) {
            JsonNode n = from;
            for (String part : dotted.split("\\.")) {
                n = n.isObject() ? n.path(part) : MissingNode.getInstance();
            }
            return n;
        }
    }

    /** {@code galley config list-profiles}: the credentials profiles, the active one marked. */
    @Command(name = "list-profiles", description = {"List the profiles of the credentials file, the active one "
            + "marked with *, as knife config list-profiles; says on stderr what chose the active profile.",
        "Shows each profile as the file sets it (as knife's --ignore-knife-rb); never a key."})
    public static final class ListProfiles extends KnifeCommand {
        @Override
        protected int run(KnifeSession session) {
            CredentialsProfiles profiles = KnifeConfigLoader.profiles(session.loaderOptions());
            if (profiles.profiles().isEmpty()) {
                throw GalleyException.badInput("No profiles found, " + profiles.credentialsFile()
                        .map(Path::toString).orElse(session.console().home().resolve(".chef/credentials")
                        + " does not exist") + (profiles.credentialsFile().isPresent() ? " has none" : "")
                        + ": add a [profile] table with client_name, client_key and chef_server_url");
            }
            OutputFormat format = session.options().format();
            if (format == OutputFormat.JSON || format == OutputFormat.YAML) {
                ArrayNode rows = JsonNodeFactory.instance.arrayNode();
                for (CredentialsProfiles.Profile p : profiles.profiles()) {
                    ObjectNode row = rows.addObject();
                    row.put("profile", p.name());
                    row.put("active", profiles.isActive(p));
                    row.put("client_name", p.clientName().orElse(null));
                    row.put("client_key", p.clientKeyDescription().orElse(null));
                    row.put("server_url", p.chefServerUrl().orElse(null));
                }
                session.output().print(rows);
            } else {
                session.console().out().print(table(profiles, session.console().home().toString()));
                session.console().out().flush();
            }
            String active = profiles.activeProfile();
            String chosen = switch (profiles.chosenBy()) {
                case PROFILE_OPTION -> "by --profile";
                case CHEF_PROFILE_VARIABLE -> "by $CHEF_PROFILE (which wins over ~/.chef/context)";
                case CONTEXT_FILE -> "by ~/.chef/context (set with 'galley config use-profile')";
                case DEFAULT -> "by default (nothing chose another)";
            };
            session.info("Active profile: " + active + ", chosen " + chosen
                    + (profiles.active().isEmpty() ? "; the credentials file has no such profile" : ""));
            return 0;
        }

        /** knife's table: "*" for the active profile, columns padded by two, a dashed line under the header. */
        static String table(CredentialsProfiles profiles, String home) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"", "Profile", "Client", "Key", "Server"});
            for (CredentialsProfiles.Profile p : profiles.profiles()) {
                String key = p.clientKeyDescription().orElse("");
                if (key.startsWith(home + "/")) {
                    key = "~" + key.substring(home.length());
                }
                rows.add(new String[] {profiles.isActive(p) ? "*" : "", p.name(), p.clientName().orElse(""), key,
                    p.chefServerUrl().orElse("")});
            }
            int[] widths = new int[5];
            for (int i = 0; i < 5; i++) {
                for (String[] r : rows) {
                    widths[i] = Math.max(widths[i], r[i].length() + (i == 0 || i == 4 ? 0 : 2));
                }
            }
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < 5; i++) {
                    line.append(String.format("%-" + Math.max(1, widths[i]) + "s", rows.get(r)[i]));
                }
                b.append(line.toString().stripTrailing()).append('\n');
                if (r == 0) {
                    b.append("-".repeat(Arrays.stream(widths).sum())).append('\n');
                }
            }
            return b.toString();
        }
    }

    /** {@code galley config use-profile PROFILE}: the profile used when nothing else chooses one. */
    @Command(name = "use-profile", description = "Make PROFILE the default credentials profile: written to "
            + "~/.chef/context, as knife config use-profile; --profile and $CHEF_PROFILE still win over it.")
    public static final class UseProfile extends KnifeCommand {
        @Parameters(paramLabel = "PROFILE", description = "A profile of the credentials file.")
        String profile;

        @Override
        protected int run(KnifeSession session) {
            KnifeConfigLoader.useProfile(session.loaderOptions(), profile);
            String name = profile.strip();
            session.info("Set default profile to " + name);
            String env = session.console().env().get("CHEF_PROFILE");
            if (env != null && !env.isBlank() && !env.strip().equals(name)) {
                session.info("WARNING: $CHEF_PROFILE is set to '" + env.strip() + "', which wins over "
                        + "~/.chef/context: unset it (unset CHEF_PROFILE) for '" + name + "' to be used");
            }
            return 0;
        }
    }
}
