package dev.galley.chef;

import dev.galley.chef.internal.config.ConfigScripts;
import dev.galley.chef.internal.config.CredentialsReader;
import dev.galley.chef.internal.config.KnifeSettings;
import dev.galley.chef.internal.config.LoadedCredentials;
import dev.galley.chef.internal.config.ProfileChoice;
import dev.galley.chef.internal.config.ProfileContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
 * evaluated safely (by {@code internal.ruby}): never run, and anything outside the common subset is an error.
 * {@link #profiles(Options)} and {@link #useProfile(Options, String)} are {@code knife config list-profiles} and
 * {@code use-profile}, on the same credentials file.
 *
 * <p>Where Galley differs from knife, on purpose: an inline {@code client_key} in credentials may be PKCS#1 or
 * PKCS#8 (knife only recognises {@code BEGIN RSA PRIVATE KEY}); a relative path in a config file is resolved
 * against that file's directory (knife uses the directory it runs in, so the same file names different keys in
 * different places); a missing {@code chef_server_url} is an error rather than {@code https://localhost:443}; a
 * profile chosen explicitly with no credentials file is an error; the {@code credentials} setting is honoured when
 * set in config.rb (by use-profile too); an inline validation key (credentials, or {@code validation_key_contents})
 * is kept. In {@link KnifeConfig#settings()} a Ruby symbol is the string ":name", as TOML writes it.
 */
public final class KnifeConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(KnifeConfigLoader.class);

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

    private KnifeConfigLoader() {
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
        ConfigScripts config = ConfigScripts.read(options);
        CredentialsReader credentials = new CredentialsReader(options);
        LoadedCredentials loaded = credentials.read(credentials.locate(config.scripts()), credentials.chooseProfile());
        KnifeSettings settings = new KnifeSettings(options, config.location());
        loaded.profile().ifPresent(settings::applyCredentials);
        config.scripts().forEach(settings::applyScript);
        settings.applyOverrides();
        log.debug("knife configuration: config file {}, credentials {}, profile {}", config.location().file(),
                loaded.file(), loaded.profile().map(p -> p.name()));
        return settings.toKnifeConfig(loaded);
    }

    /**
     * The profiles of the credentials file {@link #load(Options)} would read, and which one it would use, as
     * {@code knife config list-profiles} shows them. A missing credentials file gives no profiles, and an active
     * profile the file lacks is still named; neither is an error here.
     *
     * @throws ChefConfigException when the config files or the credentials file cannot be read
     */
    public static CredentialsProfiles profiles(Options options) {
        CredentialsReader credentials = new CredentialsReader(options);
        Path file = credentials.locate(ConfigScripts.read(options).scripts());
        ProfileChoice choice = credentials.chooseProfile();
        return new CredentialsProfiles(Files.isRegularFile(file) ? Optional.of(file) : Optional.empty(),
                choice.name(), choice.chosenBy(), credentials.profiles(file));
    }

    /**
     * Makes {@code profile} the one used when neither {@code --profile} nor {@code $CHEF_PROFILE} chooses one, as
     * {@code knife config use-profile} does: checks the credentials file has it, then writes its name to
     * {@code ~/.chef/context}.
     *
     * @param profile the profile's name; surrounding blanks are ignored
     * @return the context file written
     * @throws ChefConfigException when the name is blank, the credentials file does not have that profile (the
     *                             message lists the ones it has), or the context file cannot be written
     */
    public static Path useProfile(Options options, String profile) {
        String name = profile == null ? "" : profile.strip();
        CredentialsReader credentials = new CredentialsReader(options);
        Path file = credentials.locate(ConfigScripts.read(options).scripts());
        if (name.isEmpty()) {
            throw new ChefConfigException("no profile name given: name one of the profiles in " + file);
        }
        credentials.requireProfile(file, name);
        Path context = new ProfileContext(options.home()).write(name);
        log.debug("credentials profile '{}' of {} written to {}", name, file, context);
        return context;
    }
}
