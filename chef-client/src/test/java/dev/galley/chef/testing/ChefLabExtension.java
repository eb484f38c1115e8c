package dev.galley.chef.testing;

import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefClientBuilder;
import dev.galley.chef.ChefKey;
import dev.galley.chef.ProxySettings;
import dev.galley.chef.RetryPolicy;
import dev.galley.chef.SigningVersion;
import dev.galley.chef.TlsSettings;
import dev.galley.lab.GoiardiExtension;
import dev.galley.lab.GoiardiServer;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * A goiardi server for the test class (as {@link GoiardiExtension}) and, as a parameter, a {@link ChefClient}
 * signed as its admin with protocol 1.3, quick retries, and no proxies.
 */
public class ChefLabExtension extends GoiardiExtension {

    public ChefLabExtension() {
    }

    public ChefLabExtension(GoiardiServer.Options options) {
        super(options);
    }

    /** A builder for the lab server's admin, for tests that need other settings. */
    public static ChefClientBuilder adminBuilder(GoiardiServer server) {
        ChefClientBuilder b = ChefClient.builder()
                .serverUrl(server.url().toString())
                .user(GoiardiServer.ADMIN)
                .key(ChefKey.fromFile(server.adminKey()))
                .signing(SigningVersion.V1_3)
                .proxy(ProxySettings.none())
                .retry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)));
        server.caCertificate().ifPresent(ca -> b.tls(TlsSettings.defaults().withCaFile(ca)));
        return b;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChefClient.class || super.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == ChefClient.class) {
            ChefClient client = adminBuilder(server(context)).build();
            context.getStore(ExtensionContext.Namespace.create(ChefLabExtension.class, context.getUniqueId()))
                    .put(ChefClient.class, (AutoCloseable) client::close);
            return client;
        }
        return super.resolveParameter(parameter, context);
    }
}
