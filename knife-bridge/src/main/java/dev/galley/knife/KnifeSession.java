package dev.galley.knife;

import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefClientBuilder;
import dev.galley.chef.KnifeConfig;
import dev.galley.chef.KnifeConfigLoader;
import dev.galley.chef.SigningVersion;
import dev.galley.core.GalleyException;
import java.util.Locale;
import java.util.Optional;

/**
 * What one knife-style command works with: the console, the global options, and, made on first use, knife's
 * configuration and a Chef client built from it.
 */
public final class KnifeSession implements AutoCloseable {
    /** Implemented by the root command that owns the session ({@code galley}). */
    public interface Host {
        KnifeSession knifeSession();
    }

    private final Console console;
    private final KnifeOptions options;
    private KnifeConfig config;
    private ChefClient chef;

    public KnifeSession(Console console, KnifeOptions options) {
        this.console = console;
        this.options = options;
    }

    public Console console() {
        return console;
    }

    public KnifeOptions options() {
        return options;
    }

    /** The loader's view of this command line: the console's environment and the global options as overrides. */
    public KnifeConfigLoader.Options loaderOptions() {
        KnifeConfigLoader.Options o = KnifeConfigLoader.Options.of(console.env(), console.home(), console.cwd());
        if (options.config() != null) {
            o = o.withConfigFile(console.cwd().resolve(options.config()));
        }
        if (options.profile() != null) {
            o = o.withProfile(options.profile());
        }
        if (options.serverUrl() != null) {
            o = o.withServerUrl(options.serverUrl());
        }
        if (options.user() != null) {
            o = o.withUser(options.user());
        }
        if (options.key() != null) {
            o = o.withKeyFile(console.cwd().resolve(options.key()));
        }
        if (options.signing() != null) {
            o = o.withSigningVersion(SigningVersion.parse(options.signing()));
        }
        return o;
    }

    /** knife's configuration, loaded once. @throws dev.galley.chef.ChefConfigException naming the file and line */
    public KnifeConfig config() {
        if (config == null) {
            config = KnifeConfigLoader.load(loaderOptions());
        }
        return config;
    }

    /** The Chef client for this command, built once from the configuration. */
    public ChefClient chef() {
        if (chef == null) {
            ChefClientBuilder b = ChefClient.builder().knifeConfig(config());
            if (options.insecure()) {
                b.insecure();
            }
            chef = b.build();
        }
        return chef;
    }

    /** Results go here, in the format of {@code -F}. */
    public Output output() {
        return new Output(console.out(), options.format(), color());
    }

    /** Colours only on a terminal, and never with --no-color or NO_COLOR set. */
    public boolean color() {
        return console.terminal() && !options.noColor() && !console.env().containsKey("NO_COLOR");
    }

    /** A message for the user on stderr (results stay alone on stdout). */
    public void info(String message) {
        console.err().println(message);
        console.err().flush();
    }

    /**
     * Asks before a destructive step, as knife does, unless {@code -y}.
     *
     * @throws GalleyException (bad input) when the answer is no, or when there is no terminal to ask on
     */
    public void confirm(String question) {
        if (options.yes()) {
            return;
        }
        console.err().print(question + "? (Y/N) ");
        console.err().flush();
        // Read byte by byte: a buffered reader would swallow the answers to later questions on a pipe.
        String answer = Prompts.readLine(console.in());
        if (answer == null) {
            throw GalleyException.badInput("no answer to '" + question + "?' (no input): pass -y to confirm");
        }
        if (!Optional.of(answer.strip().toLowerCase(Locale.ROOT)).filter(a -> a.equals("y") || a.equals("yes"))
                .isPresent()) {
            throw GalleyException.badInput("not confirmed: nothing was changed");
        }
    }

    @Override
    public void close() {
        if (chef != null) {
            chef.close();
        }
    }
}
