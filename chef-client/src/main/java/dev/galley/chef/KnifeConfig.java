package dev.galley.chef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings knife would use, loaded from the same files in the same order (see {@code KnifeConfigLoader}):
 * which files and profile were read, who signs, with which key, against which server, and everything else set.
 *
 * @param configFile           the config.rb or knife.rb read, if any
 * @param credentialsFile      the credentials file read, if any
 * @param profile              the credentials profile used, if any
 * @param nodeName             the user or client name that signs ({@code node_name} / {@code client_name})
 * @param clientKey            its private key
 * @param chefServerUrl        {@code chef_server_url}, with its root and organization
 * @param signingVersion       {@code authentication_protocol_version}, when set
 * @param tls                  TLS trust ({@code ssl_verify_mode}, {@code ssl_ca_file}, {@code trusted_certs_dir})
 * @param proxy                proxies ({@code http_proxy}, {@code https_proxy}, {@code no_proxy}, then environment)
 * @param restTimeout          {@code rest_timeout}, when set
 * @param cookbookPath         {@code cookbook_path} entries
 * @param chefRepoPath         {@code chef_repo_path}, when set
 * @param validationClientName {@code validation_client_name}, when set
 * @param validationKey        the validator's key: {@code validation_key} (a file, or inline in credentials or
 *                             {@code validation_key_contents}), else the first of {@code validation_client_name}.pem
 *                             (chef-validator.pem), validator.pem and validation.pem found next to the config file
 *                             or in ~/.chef
 * @param knife                the {@code knife[:...]} settings
 * @param settings             every setting as read, by name (values: String, Boolean, Number, List, Map)
 * @param origins              where each setting came from ("/home/me/.chef/config.rb:4",
 *                             "credentials /home/me/.chef/credentials profile 'prod'", "--key")
 */
public record KnifeConfig(
        Optional<Path> configFile,
        Optional<Path> credentialsFile,
        Optional<String> profile,
        String nodeName,
        KeySource clientKey,
        ChefServerUrl chefServerUrl,
        Optional<SigningVersion> signingVersion,
        TlsSettings tls,
        ProxySettings proxy,
        Optional<Duration> restTimeout,
        List<Path> cookbookPath,
        Optional<Path> chefRepoPath,
        Optional<String> validationClientName,
        Optional<KeySource> validationKey,
        Map<String, Object> knife,
        Map<String, Object> settings,
        Map<String, String> origins) {

    public KnifeConfig {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(chefServerUrl, "chefServerUrl");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(proxy, "proxy");
        configFile = configFile == null ? Optional.empty() : configFile;
        credentialsFile = credentialsFile == null ? Optional.empty() : credentialsFile;
        profile = profile == null ? Optional.empty() : profile;
        signingVersion = signingVersion == null ? Optional.empty() : signingVersion;
        restTimeout = restTimeout == null ? Optional.empty() : restTimeout;
        cookbookPath = cookbookPath == null ? List.of() : List.copyOf(cookbookPath);
        chefRepoPath = chefRepoPath == null ? Optional.empty() : chefRepoPath;
        validationClientName = validationClientName == null ? Optional.empty() : validationClientName;
        validationKey = validationKey == null ? Optional.empty() : validationKey;
        knife = knife == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(knife));
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        origins = origins == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** A knife setting ({@code knife[:name]}), falling back to a top-level setting of the same name. */
    public Optional<Object> knifeSetting(String name) {
        return Optional.ofNullable(knife.get(name)).or(() -> Optional.ofNullable(settings.get(name)));
    }

    @Override
    public String toString() {
        return "KnifeConfig[" + nodeName + " @ " + chefServerUrl + ", key " + clientKey.describe()
                + configFile.map(f -> ", from " + f).orElse("") + profile.map(p -> ", profile " + p).orElse("") + "]";
    }
}
