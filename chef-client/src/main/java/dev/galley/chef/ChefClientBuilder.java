package dev.galley.chef;

import dev.galley.chef.spi.Transport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link ChefClient}. Every setting has a safe default except the server, the user and the key, which
 * come from explicit calls or from a {@link KnifeConfig}; explicit calls win over the configuration, as knife's
 * command-line flags win over knife.rb.
 */
public final class ChefClientBuilder {
    private ChefServerUrl serverUrl;
    private String user;
    private KeySource key;
    private SigningVersion signing;
    private TlsSettings tls;
    private ProxySettings proxy;
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout;
    private Clock clock = Clock.systemUTC();
    private Transport transport;
    private String chefVersionHeader = "18.8.0";
    private KnifeConfig config;

    ChefClientBuilder() {
    }

    /**
     * The settings a built client uses; for {@link dev.galley.chef.internal.DefaultChefClient}.
     *
     * @param serverUrl         the server
     * @param user              who signs
     * @param key               with which key
     * @param signing           which signing protocol
     * @param tls               certificate trust
     * @param proxy             proxies
     * @param retry             retry policy
     * @param connectTimeout    connect timeout
     * @param readTimeout       read timeout
     * @param clock             the clock signatures use
     * @param transport         a custom transport, or empty for the default
     * @param chefVersionHeader the X-Chef-Version header value
     */
    public record Settings(ChefServerUrl serverUrl, String user, ChefKey key, SigningVersion signing, TlsSettings tls,
            ProxySettings proxy, RetryPolicy retry, Duration connectTimeout, Duration readTimeout, Clock clock,
            Optional<Transport> transport, String chefVersionHeader) {
    }

    /** Takes server, user, key, signing protocol, TLS, proxies and timeout from knife's configuration. */
    public ChefClientBuilder knifeConfig(KnifeConfig knifeConfig) {
        this.config = Objects.requireNonNull(knifeConfig, "knifeConfig");
        return this;
    }

    public ChefClientBuilder serverUrl(String url) {
        this.serverUrl = ChefServerUrl.parse(url);
        return this;
    }

    public ChefClientBuilder serverUrl(ChefServerUrl url) {
        this.serverUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /** The user or client name that signs requests. */
    public ChefClientBuilder user(String name) {
        this.user = Objects.requireNonNull(name, "name");
        return this;
    }

    public ChefClientBuilder key(ChefKey chefKey) {
        this.key = new KeySource.Loaded(Objects.requireNonNull(chefKey, "chefKey"));
        return this;
    }

    public ChefClientBuilder keyFile(Path file) {
        this.key = new KeySource.File(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** The signing protocol (default 1.3, or the configuration's {@code authentication_protocol_version}). */
    public ChefClientBuilder signing(SigningVersion version) {
        this.signing = Objects.requireNonNull(version, "version");
        return this;
    }

    public ChefClientBuilder tls(TlsSettings settings) {
        this.tls = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Turns certificate verification off for this client only (knife {@code --insecure} / verify_none). */
    public ChefClientBuilder insecure() {
        this.tls = currentTls().withVerifyPeer(false);
        return this;
    }

    public ChefClientBuilder proxy(ProxySettings settings) {
        this.proxy = Objects.requireNonNull(settings, "settings");
        return this;
    }

    public ChefClientBuilder retry(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy, "policy");
        return this;
    }

    public ChefClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connect timeout");
        return this;
    }

    /** How long to wait for an answer (default 60 s, or the configuration's {@code rest_timeout}). */
    public ChefClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "read timeout");
        return this;
    }

    /** The clock signatures are timestamped with (for tests, and to reproduce skew). */
    public ChefClientBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /** A transport other than the default (HttpURLConnection-based) one. */
    public ChefClientBuilder transport(Transport t) {
        this.transport = Objects.requireNonNull(t, "transport");
        return this;
    }

    /** The {@code X-Chef-Version} header sent (the Chef version this client presents as). */
    public ChefClientBuilder chefVersionHeader(String version) {
        this.chefVersionHeader = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * Builds the client; the key is read now.
     *
     * @throws ChefConfigException when the server, user or key is missing
     * @throws ChefKeyException    when the key cannot be used
     */
    public ChefClient build() {
        ChefServerUrl url = serverUrl != null ? serverUrl : config != null ? config.chefServerUrl() : null;
        if (url == null) {
            throw new ChefConfigException("no Chef server URL: set chef_server_url in knife's configuration or "
                    + "pass --server-url");
        }
        String who = user != null ? user : config != null ? config.nodeName() : null;
        if (who == null || who.isBlank()) {
            throw new ChefConfigException("no user or client name to sign requests as: set node_name (or client_name "
                    + "in credentials) or pass --user");
        }
        KeySource keySource = key != null ? key : config != null ? config.clientKey() : null;
        if (keySource == null) {
            throw new ChefConfigException("no private key for '" + who + "': set client_key in knife's configuration "
                    + "or pass --key");
        }
        SigningVersion version = signing != null ? signing
                : config != null ? config.signingVersion().orElse(SigningVersion.V1_3) : SigningVersion.V1_3;
        Duration read = readTimeout != null ? readTimeout
                : config != null ? config.restTimeout().orElse(Duration.ofSeconds(60)) : Duration.ofSeconds(60);
        ProxySettings proxies = proxy != null ? proxy
                : config != null ? config.proxy() : ProxySettings.fromEnvironment(System.getenv());
        return ChefClient.create(new Settings(url, who, keySource.load(), version, currentTls(), proxies, retry,
                connectTimeout, read, clock, Optional.ofNullable(transport), chefVersionHeader));
    }

    private TlsSettings currentTls() {
        return tls != null ? tls : config != null ? config.tls() : TlsSettings.defaults();
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }
}
