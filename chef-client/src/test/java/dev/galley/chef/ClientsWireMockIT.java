package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.API_VERSION;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static dev.galley.chef.testing.ChefStubServer.versionHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.galley.chef.testing.ChefStubServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients in the v1 form (chef_key) and the v0 form (private_key at the top), and v0-only key regeneration. */
class ClientsWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final ChefKey SERVER_MADE = ChefKey.generate(2048);
    private static final String CLIENTS = "/organizations/acme/clients";
    private static final String WEB1_JSON = json(Map.of("name", "web1", "clientname", "web1", "validator", false,
            "orgname", "acme", "json_class", "Chef::ApiClient", "chef_type", "client"));

    @Test
    void create_v1_asksForAKey_andReadsItFromTheChefKeyObject() {
        chef.wiremock().stubFor(post(urlPathEqualTo(CLIENTS))
                .withRequestBody(equalToJson("{\"name\":\"web1\",\"validator\":false,\"create_key\":true}"))
                .willReturn(erchef(201, json(Map.of("uri", chef.orgUrl() + "/clients/web1", "chef_key", Map.of(
                        "name", "default", "public_key", SERVER_MADE.publicKeyPem(),
                        "private_key", SERVER_MADE.privateKeyPem(), "expiration_date", "infinity"))))));

        ActorCredentials created = chef.client().clients().create("web1", false, Optional.empty());

        assertThat(created.name()).isEqualTo("web1");
        assertThat(created.uri()).isEqualTo(URI.create(chef.orgUrl() + "/clients/web1"));
        assertThat(created.privateKey()).map(ChefKey::publicKeyPem).contains(SERVER_MADE.publicKeyPem());
        assertThat(created.publicKey()).contains(SERVER_MADE.publicKeyPem());
        assertThat(created.toString()).doesNotContain("PRIVATE KEY");
        assertThat(chef.verify(chef.onlyRequest()).apiVersion()).isEqualTo(2);
    }

    @Test
    void create_onAV0Server_retriesAtV0_andReadsThePrivateKeyAtTheTop() {
        chef.wiremock().stubFor(post(urlPathEqualTo(CLIENTS)).withHeader(API_VERSION, equalTo("2"))
                .willReturn(aResponse().withStatus(406).withHeader("Content-Type", "application/json")
                        .withHeader(API_VERSION, versionHeader(0, 0, 2))
                        .withBody("{\"error\":\"invalid-x-ops-server-api-version\",\"message\":\"Specified version 2 "
                                + "not supported\",\"min_version\":0,\"max_version\":0}")));
        chef.wiremock().stubFor(post(urlPathEqualTo(CLIENTS)).withHeader(API_VERSION, equalTo("0"))
                .willReturn(erchef(201, json(Map.of("uri", chef.orgUrl() + "/clients/web1",
                        "private_key", SERVER_MADE.privateKeyPem())), 0, 0)));

        ActorCredentials created = chef.client().clients().create("web1", false, Optional.empty());

        assertThat(created.privateKey()).map(ChefKey::publicKeyPem).contains(SERVER_MADE.publicKeyPem());
        assertThat(created.publicKey()).isEmpty();
        assertThat(chef.requests()).extracting(r -> chef.verify(r).apiVersion()).containsExactly(2, 0);
    }

    @Test
    void create_withOwnPublicKey_sendsIt_andNoKeyComesBack() {
        String pem = chef.key().publicKeyPem();
        chef.wiremock().stubFor(post(urlPathEqualTo(CLIENTS))
                .withRequestBody(equalToJson(json(Map.of("name", "ci", "validator", true, "public_key", pem))))
                .willReturn(erchef(201, json(Map.of("uri", chef.orgUrl() + "/clients/ci", "chef_key", Map.of(
                        "name", "default", "public_key", pem, "expiration_date", "infinity"))))));

        ActorCredentials created = chef.client().clients().create("ci", true, Optional.of(pem));

        assertThat(created.privateKey()).isEmpty();
        assertThat(created.publicKey()).contains(pem);
    }

    @Test
    void regenerateKey_isSentPinnedToApiV0_signedAsV0_andReturnsTheNewKey() {
        chef.wiremock().stubFor(get(urlPathEqualTo(CLIENTS + "/web1")).willReturn(erchef(WEB1_JSON)));
        chef.wiremock().stubFor(put(urlPathEqualTo(CLIENTS + "/web1")).withHeader(API_VERSION, equalTo("0"))
                .withRequestBody(equalToJson("{\"name\":\"web1\",\"validator\":false,\"private_key\":true}"))
                .willReturn(erchef(json(Map.of("name", "web1", "validator", false,
                        "private_key", SERVER_MADE.privateKeyPem())))));
        ChefClient client = chef.client();

        ActorCredentials rotated = client.clients().regenerateKey("web1");

        assertThat(rotated.privateKey()).map(ChefKey::publicKeyPem).contains(SERVER_MADE.publicKeyPem());
        List<LoggedRequest> requests = chef.requests();
        assertThat(requests).extracting(r -> r.getMethod().getName()).containsExactly("GET", "PUT");
        assertThat(chef.verify(requests.get(1)).apiVersion()).isZero();
        assertThat(client.apiVersion()).as("the pin is for that one request").isEqualTo(2);
    }

    @Test
    void regenerateKey_onAServerWithoutV0_saysToUseTheKeysApi_andChangesNothing() {
        chef.wiremock().stubFor(get(urlPathEqualTo(CLIENTS + "/web1"))
                .willReturn(erchef(200, WEB1_JSON, 1, 2)));

        assertThatThrownBy(() -> chef.client().clients().regenerateKey("web1"))
                .isInstanceOf(ChefException.class)
                .hasMessageContaining("client 'web1'")
                .hasMessageContaining("needs server API version 0 and the server speaks 1..2")
                .hasMessageContaining("keys API");
        assertThat(chef.requests()).extracting(r -> r.getMethod().getName()).containsExactly("GET");
    }

    @Test
    void get_readsTheClientObject_andDelete_returnsIt() {
        chef.wiremock().stubFor(get(urlPathEqualTo(CLIENTS + "/web1")).willReturn(erchef(WEB1_JSON)));
        chef.wiremock().stubFor(delete(urlPathEqualTo(CLIENTS + "/web1"))
                .willReturn(erchef(WEB1_JSON)));
        ChefClient client = chef.client();

        ApiClient web1 = client.clients().get("web1");
        ApiClient deleted = client.clients().delete("web1");

        assertThat(web1.name()).isEqualTo("web1");
        assertThat(web1.validator()).isFalse();
        assertThat(web1.extra()).containsEntry("orgname", "acme");
        assertThat(deleted.name()).isEqualTo("web1");
        assertThat(chef.requests()).allSatisfy(r -> assertThat(chef.verify(r).path()).isEqualTo(CLIENTS + "/web1"));
    }
}
