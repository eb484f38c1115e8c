package dev.galley.chef.internal.config;

import dev.galley.chef.KnifeConfigLoader;
import dev.galley.chef.internal.ruby.RubyDialect;
import dev.galley.chef.internal.ruby.RubyEnvironment;
import dev.galley.chef.internal.ruby.RubyEvaluator;
import dev.galley.chef.internal.ruby.RubyScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The knife config file and its config.d fragments, found and evaluated safely (never run), in the order their
 * settings apply.
 *
 * @param location where the config file is
 * @param scripts  the config file (first, when there is one) and then each config.d fragment, evaluated
 */
public record ConfigScripts(ConfigFileLocator.Location location, List<RubyScript> scripts) {

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

    public ConfigScripts {
        Objects.requireNonNull(location, "location");
        scripts = List.copyOf(scripts);
    }

    /**
     * Finds and evaluates the files knife would read for {@code options}.
     *
     * @throws dev.galley.chef.ChefConfigException naming the file and line that cannot be read
     */
    public static ConfigScripts read(KnifeConfigLoader.Options options) {
        ConfigFileLocator locator = new ConfigFileLocator(options);
        ConfigFileLocator.Location location = locator.locate();
        RubyEnvironment env = new RubyEnvironment(options.env(), options.home(), options.workingDirectory());
        List<RubyScript> scripts = new ArrayList<>();
        location.file().ifPresent(f -> scripts.add(RubyEvaluator.evaluateFile(f, env, DIALECT)));
        for (Path fragment : locator.configDFiles(location, scripts.stream().findFirst())) {
            scripts.add(RubyEvaluator.evaluateFile(fragment, env, DIALECT));
        }
        return new ConfigScripts(location, scripts);
    }
}
