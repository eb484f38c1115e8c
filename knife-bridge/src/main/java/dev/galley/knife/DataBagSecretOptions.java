package dev.galley.knife;

import dev.galley.chef.EncryptedDataBagVersion;
import dev.galley.chef.EncryptedDataBags;
import dev.galley.chef.KnifeConfig;
import dev.galley.core.GalleyException;
import dev.galley.core.Secret;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * knife's data bag secret options ({@code --secret}, {@code --secret-file}, {@code --encrypt}) and its rules for
 * when a secret from {@code knife[:secret]} / {@code knife[:secret_file]} applies.
 */
public final class DataBagSecretOptions {
    @Option(names = "--secret", paramLabel = "SECRET",
            description = "The secret to encrypt or decrypt item values with. It lands in your shell history and the "
                    + "process list: prefer --secret-file. Default: knife[:secret] in config.rb.")
    String secret;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "A file holding the secret. Default: knife[:secret_file] in config.rb.")
    Path secretFile;

    @Option(names = "--encrypt",
            description = "Encrypt with the secret from config.rb (knife[:secret] or knife[:secret_file]); a secret "
                    + "given with --secret or --secret-file always encrypts.")
    boolean encrypt;

    /**
     * The secret for reading (knife's {@code encryption_secret_provided_ignore_encrypt_flag?}): one given on the
     * command line, else one configured in config.rb, else none.
     */
    Optional<EncryptedDataBags> forReading(KnifeSession session) {
        validate(session.config());
        if (secret != null || secretFile != null) {
            return Optional.of(bags(session, commandLineSecret(session)));
        }
        return configuredSecret(session).map(s -> bags(session, s));
    }

    /**
     * The secret for writing (knife's {@code encryption_secret_provided?}): one given on the command line, or with
     * {@code --encrypt} the configured one; none means the item is stored in clear.
     *
     * @throws GalleyException (bad input) for --encrypt with no secret configured
     */
    Optional<EncryptedDataBags> forWriting(KnifeSession session) {
        validate(session.config());
        if (secret != null || secretFile != null) {
            return Optional.of(bags(session, commandLineSecret(session)));
        }
        if (!encrypt) {
            return Optional.empty();
        }
        return Optional.of(bags(session, configuredSecret(session).orElseThrow(() -> GalleyException.badInput(
                "--encrypt needs a secret, and none is configured: pass --secret-file FILE, or set "
                        + "knife[:secret_file] in config.rb"))));
    }

    /** A hint for the "no secret" warning when config.rb sets a secret that knife's data bag commands ignore. */
    static String unusedClientSecretHint(KnifeConfig config) {
        return config.settings().containsKey("encrypted_data_bag_secret")
                ? " (encrypted_data_bag_secret is set, but knife's data bag commands do not read it: set "
                + "knife[:secret_file] or pass --secret-file)"
                : "";
    }

    private Secret commandLineSecret(KnifeSession session) {
        if (secret != null) {
            session.info("WARNING: --secret puts the secret in your shell history and the process list; prefer "
                    + "--secret-file FILE");
            return Secret.of(secret, "--secret");
        }
        return Secret.fromFile(session.console().cwd().resolve(secretFile));
    }

    private static Optional<Secret> configuredSecret(KnifeSession session) {
        KnifeConfig config = session.config();
        Object inline = config.knife().get("secret");
        if (inline != null) {
            return Optional.of(Secret.of(inline.toString(), "knife[:secret] in " + where(config)));
        }
        Object file = config.knife().get("secret_file");
        if (file != null) {
            return Optional.of(Secret.fromFile(configPath(session, file.toString())));
        }
        return Optional.empty();
    }

    /** A path from config.rb: ~ expanded, relative to the config file's directory as Galley reads every path. */
    private static Path configPath(KnifeSession session, String text) {
        Path home = session.console().home();
        if (text.equals("~")) {
            return home;
        }
        if (text.startsWith("~/")) {
            return home.resolve(text.substring(2));
        }
        Path base = session.config().configFile().map(Path::getParent).orElse(session.console().cwd());
        return base.resolve(text).normalize();
    }

    private void validate(KnifeConfig config) {
        if (secret != null && secretFile != null) {
            throw GalleyException.badInput("give only one of --secret and --secret-file");
        }
        if (config.knife().get("secret") != null && config.knife().get("secret_file") != null) {
            throw GalleyException.badInput("both knife[:secret] and knife[:secret_file] are set in " + where(config)
                    + ": keep only one");
        }
    }

    private static EncryptedDataBags bags(KnifeSession session, Secret s) {
        KnifeConfig config = session.config();
        EncryptedDataBags bags = EncryptedDataBags.withSecret(s);
        Optional<Integer> encryptVersion = version(config, "data_bag_encrypt_version");
        if (encryptVersion.isPresent()) {
            try {
                bags = bags.withEncryptVersion(EncryptedDataBagVersion.of(encryptVersion.get()));
            } catch (IllegalArgumentException e) {
                throw GalleyException.badInput("data_bag_encrypt_version in " + where(config) + ": " + e.getMessage());
            }
        }
        Optional<Integer> minimum = version(config, "data_bag_decrypt_minimum_version");
        if (minimum.isPresent()) {
            bags = bags.withMinimumDecryptVersion(EncryptedDataBagVersion.of(minimum.get()));
        }
        return bags;
    }

    private static Optional<Integer> version(KnifeConfig config, String setting) {
        Object v = config.settings().get(setting);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().strip()));
        } catch (NumberFormatException e) {
            throw GalleyException.badInput(setting + " '" + v + "' in " + where(config) + " is not a number: use "
                    + "1, 2 or 3");
        }
    }

    private static String where(KnifeConfig config) {
        return config.configFile().map(Path::toString).orElse("the knife configuration");
    }
}
