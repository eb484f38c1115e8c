package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.galley.chef.testing.ChefSignature;
import dev.galley.chef.testing.ChefStubServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Organizations and their users: global endpoints, whichever organization chef_server_url names. */
class OrganizationsWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final ChefKey VALIDATOR_KEY = ChefKey.generate(2048);

    private static String signedPath() {
        return chef.verify(chef.onlyRequest()).path();
    }

    @Test
    void list_readsOrganizationNamesFromTheServerRoot() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations")).willReturn(erchef(json(Map.of(
                "widgets", chef.rootUrl() + "/organizations/widgets", "acme", chef.orgUrl())))));

        assertThat(chef.client().organizations().list()).containsExactly("acme", "widgets");
        assertThat(signedPath()).isEqualTo("/organizations");
    }

    @Test
    void get_readsTheOrganization() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/widgets")).willReturn(erchef(json(Map.of(
                "name", "widgets", "full_name", "Widgets Inc.", "guid", "f1e2d3")))));

        assertThat(chef.client().organizations().get("widgets").path("full_name").asText()).isEqualTo("Widgets Inc.");
        assertThat(signedPath()).isEqualTo("/organizations/widgets");
    }

    @Test
    void create_returnsTheValidatorsCredentials_withoutShowingTheKey() {
        String privatePem = VALIDATOR_KEY.privateKeyPem();
        chef.wiremock().stubFor(post(urlPathEqualTo("/organizations"))
                .withRequestBody(equalToJson("{\"name\":\"widgets\",\"full_name\":\"Widgets Inc.\"}"))
                .willReturn(erchef(201, json(Map.of("clientname", "widgets-validator", "private_key", privatePem,
                        "uri", chef.rootUrl() + "/organizations/widgets")))));

        ActorCredentials validator = chef.client().organizations().create("widgets", "Widgets Inc.");

        assertThat(validator.name()).isEqualTo("widgets-validator");
        assertThat(validator.uri()).isEqualTo(URI.create(chef.rootUrl() + "/organizations/widgets"));
        assertThat(validator.privateKey()).map(ChefKey::publicKeyPem).contains(VALIDATOR_KEY.publicKeyPem());
        assertThat(validator.toString()).doesNotContain("PRIVATE KEY")
                .doesNotContain(privatePem.lines().skip(3).findFirst().orElseThrow());
        assertThat(signedPath()).isEqualTo("/organizations");
    }

    @Test
    void create_withoutFullName_isRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> chef.client().organizations().create("widgets", " "))
                .isInstanceOf(ChefException.class)
                .hasMessageContaining("organization 'widgets' has no full name");
        assertThat(chef.requests()).isEmpty();
    }

    @Test
    void delete_deletesFromTheServerRoot() {
        chef.wiremock().stubFor(delete(urlPathEqualTo("/organizations/widgets"))
                .willReturn(erchef(json(Map.of("name", "widgets", "full_name", "Widgets Inc.")))));

        assertThat(chef.client().organizations().delete("widgets").path("name").asText()).isEqualTo("widgets");
        assertThat(signedPath()).isEqualTo("/organizations/widgets");
    }

    @Test
    void users_readsTheAssociationsOfAnyOrganization() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/widgets/users")).willReturn(erchef(json(List.of(
                Map.of("user", Map.of("username", "bob")), Map.of("user", Map.of("username", "alice")))))));

        assertThat(chef.client().organizations().users("widgets")).containsExactly("alice", "bob");
        assertThat(signedPath()).isEqualTo("/organizations/widgets/users");
    }

    @Test
    void addUser_removeUser_invite_sendWhatErchefExpects() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/organizations/widgets/users"))
                .withRequestBody(equalToJson("{\"username\":\"alice\"}")).willReturn(erchef(201, "{}")));
        chef.wiremock().stubFor(delete(urlPathEqualTo("/organizations/widgets/users/alice"))
                .willReturn(erchef("{\"username\":\"alice\"}")));
        chef.wiremock().stubFor(post(urlPathEqualTo("/organizations/widgets/association_requests"))
                .withRequestBody(equalToJson("{\"user\":\"bob\"}"))
                .willReturn(erchef(201, json(Map.of("uri", chef.rootUrl()
                        + "/organizations/widgets/association_requests/1a2b", "organization_user",
                        Map.of("username", "bob"))))));
        ChefClient client = chef.client();

        client.organizations().addUser("widgets", "alice");
        client.organizations().removeUser("widgets", "alice");
        client.organizations().invite("widgets", "bob");

        assertThat(chef.requests()).extracting(r -> chef.verify(r)).extracting(ChefSignature::method,
                ChefSignature::path).containsExactly(
                        tuple("POST", "/organizations/widgets/users"),
                        tuple("DELETE", "/organizations/widgets/users/alice"),
                        tuple("POST", "/organizations/widgets/association_requests"));
    }
}
