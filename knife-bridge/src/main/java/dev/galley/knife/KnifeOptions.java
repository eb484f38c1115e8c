package dev.galley.knife;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every knife-style command takes, spelled as knife spells them; given anywhere on the command line
 * ({@code galley -F json node list} and {@code galley node list -F json} are the same).
 */
public final class KnifeOptions {
    @Option(names = {"-s", "--server-url"}, scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Chef server URL (overrides chef_server_url).")
    String serverUrl;

    @Option(names = {"-u", "--user"}, scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "API client or user name to sign requests as (overrides node_name).")
    String user;

    @Option(names = {"-k", "--key"}, scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "Private key file to sign with (overrides client_key).")
    Path key;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "CONFIG",
            description = "knife configuration file to read (default: knife's search order).")
    Path config;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
            description = "Credentials profile to use (default: $CHEF_PROFILE, ~/.chef/context, 'default').")
    String profile;

    /** What picocli puts in {@link #environment} for a bare {@code -E} (knife's {@code node show -E} flag). */
    static final String BARE = "<bare -E>";

    // knife's -E takes a value everywhere except in 'node show', where it is a flag (show only the environment);
    // one inherited option cannot be both, so the value is optional and a bare -E is remembered as BARE.
    @Option(names = {"-E", "--environment"}, scope = ScopeType.INHERIT, paramLabel = "ENVIRONMENT", arity = "0..1",
            fallbackValue = BARE, description = "Chef environment, for commands that take one.")
    String environment;

    @Option(names = {"-F", "--format"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            converter = FormatConverter.class, defaultValue = "summary",
            description = "Output format: summary (default), text, json or yaml.")
    OutputFormat format;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
            description = "Answer yes to every confirmation (for scripts).")
    boolean yes;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Do not colour the output.")
    boolean noColor;

    @Option(names = "--disable-editing", scope = ScopeType.INHERIT,
            description = "Do not open an editor; take the data as it is (knife's --disable-editing).")
    boolean disableEditing;

    @Option(names = "--signing", scope = ScopeType.INHERIT, paramLabel = "VERSION",
            description = "Signing protocol: 1.0, 1.1 or 1.3 (default 1.3, or authentication_protocol_version).")
    String signing;

    @Option(names = "--insecure", scope = ScopeType.INHERIT,
            description = "Do not verify the server's TLS certificate (this command only).")
    boolean insecure;

    public String serverUrl() {
        return serverUrl;
    }

    public String user() {
        return user;
    }

    public Path key() {
        return key;
    }

    public Path config() {
        return config;
    }

    public String profile() {
        return profile;
    }

    /** The environment named with {@code -E ENVIRONMENT}; null when not given or given without a name. */
    public String environment() {
        return BARE.equals(environment) ? null : environment;
    }

    /** Whether {@code -E} was given at all, with or without a name. */
    public boolean environmentGiven() {
        return environment != null;
    }

    public OutputFormat format() {
        return format == null ? OutputFormat.SUMMARY : format;
    }

    public boolean yes() {
        return yes;
    }

    public boolean noColor() {
        return noColor;
    }

    public boolean disableEditing() {
        return disableEditing;
    }

    public String signing() {
        return signing;
    }

    public boolean insecure() {
        return insecure;
    }

    /** Lets {@code -F} take knife's names and first letters. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}
