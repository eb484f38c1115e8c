package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.core.Fault;
import dev.galley.lab.GoiardiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS against goiardi serving a certificate from a throwaway lab CA. */
class TlsIT {
    @RegisterExtension
    static ChefLabExtension chef = new ChefLabExtension(GoiardiServer.Options.defaults().withTls());

    @Test
    void verifies_withTheCaFile(GoiardiServer server) {
        try (ChefClient client = ChefLabExtension.adminBuilder(server).build()) {
            assertThat(client.environments().list()).contains("_default");
        }
    }

    @Test
    void verifies_withTrustedCertsDir(GoiardiServer server, @TempDir Path trusted) throws Exception {
        Files.copy(server.caCertificate().orElseThrow(), trusted.resolve("lab-ca.crt"));
        try (ChefClient client = ChefLabExtension.adminBuilder(server)
                .tls(TlsSettings.defaults().withTrustedCertsDir(trusted)).build()) {
            assertThat(client.environments().list()).contains("_default");
        }
    }

    @Test
    void refusesAnUntrustedCertificate_andSaysHowToTrustIt(GoiardiServer server) {
        try (ChefClient client = ChefLabExtension.adminBuilder(server).tls(TlsSettings.defaults())
                .retry(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> client.environments().list())
                    .isInstanceOfSatisfying(ChefTransportException.class,
                            e -> assertThat(e.fault()).isEqualTo(Fault.BAD_INPUT))
                    .hasMessageContaining("certificate is not trusted")
                    .hasMessageContaining("galley ssl fetch");
        }
    }

    @Test
    void insecure_isScopedToTheOneClient(GoiardiServer server) {
        try (ChefClient insecure = ChefLabExtension.adminBuilder(server).tls(TlsSettings.defaults()).insecure().build();
             ChefClient strict = ChefLabExtension.adminBuilder(server).tls(TlsSettings.defaults())
                     .retry(RetryPolicy.none()).build()) {
            assertThat(insecure.environments().list()).contains("_default");

            // The insecure client's kept-alive connection must not be lent to the strict one.
            assertThatThrownBy(() -> strict.environments().list()).hasMessageContaining("certificate is not trusted");
            assertThat(insecure.environments().list()).contains("_default");
        }
    }
}
