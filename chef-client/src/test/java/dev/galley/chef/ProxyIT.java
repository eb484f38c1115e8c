package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import dev.galley.lab.HttpProxyServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests through a real forwarding proxy (tinyproxy), as http_proxy / no_proxy configure it. */
@ExtendWith(ChefLabExtension.class)
class ProxyIT {

    @Test
    void httpProxy_carriesTheRequests(GoiardiServer server) {
        try (HttpProxyServer proxy = HttpProxyServer.start(Optional.empty());
             ChefClient chef = ChefLabExtension.adminBuilder(server)
                     .proxy(ProxySettings.of(proxy.url(Optional.empty()), null, null, "test")).build()) {
            assertThat(chef.environments().list()).contains("_default");

            assertThat(proxy.log()).contains("127.0.0.1:" + server.port() + "/environments");
        }
    }

    @Test
    void noProxy_bypassesTheProxyForMatchingHosts(GoiardiServer server) {
        try (HttpProxyServer proxy = HttpProxyServer.start(Optional.empty());
             ChefClient chef = ChefLabExtension.adminBuilder(server)
                     .proxy(ProxySettings.of(proxy.url(Optional.empty()), null, "localhost,127.0.0.0/8", "test"))
                     .build()) {
            assertThat(chef.environments().list()).contains("_default");

            assertThat(proxy.log()).doesNotContain("/environments");
        }
    }

    @Test
    void proxyCredentials_fromTheProxyUrl_areSentToTheProxyOnly(GoiardiServer server) {
        Optional<String> login = Optional.of("galley:s3cret");
        try (HttpProxyServer proxy = HttpProxyServer.start(login);
             ChefClient withLogin = ChefLabExtension.adminBuilder(server)
                     .proxy(ProxySettings.of(proxy.url(login), null, null, "test")).build();
             ChefClient withoutLogin = ChefLabExtension.adminBuilder(server).retry(RetryPolicy.none())
                     .proxy(ProxySettings.of(proxy.url(Optional.empty()), null, null, "test")).build()) {
            assertThat(withLogin.environments().list()).contains("_default");

            assertThatThrownBy(() -> withoutLogin.environments().list())
                    .isInstanceOf(ChefApiException.class)
                    .hasMessageContaining("407");
        }
    }

    @Test
    void httpsProxy_tunnelsTlsWithConnect_withAndWithoutCredentials() {
        Optional<String> login = Optional.of("galley:s3cret");
        try (GoiardiServer tls = GoiardiServer.start(GoiardiServer.Options.defaults().withTls());
             HttpProxyServer open = HttpProxyServer.start(Optional.empty());
             HttpProxyServer guarded = HttpProxyServer.start(login);
             ChefClient viaOpen = ChefLabExtension.adminBuilder(tls)
                     .proxy(ProxySettings.of(null, open.url(Optional.empty()), null, "test")).build();
             ChefClient viaGuarded = ChefLabExtension.adminBuilder(tls)
                     .proxy(ProxySettings.of(null, guarded.url(login), null, "test")).build();
             ChefClient refused = ChefLabExtension.adminBuilder(tls).retry(RetryPolicy.none())
                     .proxy(ProxySettings.of(null, guarded.url(Optional.empty()), null, "test")).build()) {
            assertThat(viaOpen.environments().list()).contains("_default");
            assertThat(open.log()).contains("CONNECT").contains("127.0.0.1:" + tls.port());
            assertThat(viaGuarded.environments().list()).contains("_default");
            assertThatThrownBy(() -> refused.environments().list()).isInstanceOf(ChefApiException.class)
                    .hasMessageContaining("407");
        }
    }

    @Test
    void proxySettings_neverShowThePassword() {
        ProxySettings p = ProxySettings.of("http://galley:s3cret@proxy:3128", null, null, "test");

        assertThat(p.toString()).contains("galley:***@proxy").doesNotContain("s3cret");
    }
}
