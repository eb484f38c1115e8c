package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.lab.GoiardiServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the stub-server tests assume about goiardi, checked against the real one: its gaps and older forms. */
@ExtendWith(ChefLabExtension.class)
class GoiardiFallbacksIT {

    @Test
    void status_isNamedAsAnEndpointGoiardiLacks(ChefClient chef) {
        assertThatThrownBy(() -> chef.serverInfo().status())
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageContaining("answered 200 with an empty body")
                .hasMessageContaining("does not implement /_status");
    }

    @Test
    void requiredRecipe_isNamedAsAnEndpointGoiardiLacks(ChefClient chef) {
        assertThatThrownBy(() -> chef.serverInfo().requiredRecipe())
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageContaining("does not implement /required_recipe");
    }

    @Test
    void apiVersions_areGoiardis0To1_andTheClientSettlesOn1(ChefClient chef) {
        assertThat(chef.serverInfo().apiVersions()).isEqualTo(new ApiVersionRange(0, 1));
        assertThat(chef.apiVersion()).isEqualTo(1);
    }

    @Test
    void clientCreateAndRegenerate_returnKeysThatSign(ChefClient chef, GoiardiServer server) {
        ActorCredentials created = chef.clients().create("fallback-web1", false, Optional.empty());
        ActorCredentials rotated = chef.clients().regenerateKey("fallback-web1");

        assertThat(created.privateKey()).isPresent();
        assertThat(rotated.privateKey()).isPresent();
        assertThat(rotated.privateKey().get().publicKeyPem()).isNotEqualTo(created.privateKey().get().publicKeyPem());
        try (ChefClient asNode = ChefLabExtension.adminBuilder(server).user("fallback-web1")
                .key(rotated.privateKey().get()).build()) {
            assertThat(asNode.nodes().list()).isNotNull();
        }
        try (ChefClient withOldKey = ChefLabExtension.adminBuilder(server).user("fallback-web1")
                .key(created.privateKey().get()).build()) {
            assertThatThrownBy(() -> withOldKey.nodes().list()).isInstanceOf(ChefUnauthorizedException.class);
        }
    }

    @Test
    void authenticate_fallsBackToGoiardisNameField(ChefClient chef) {
        chef.users().create(Map.of("name", "fallback-alice", "password", "s3cret-fallback", "admin", false));

        assertThat(chef.users().authenticate("fallback-alice", "s3cret-fallback")).isTrue();
        assertThat(chef.users().authenticate("fallback-alice", "wrong-password")).isFalse();
    }
}
