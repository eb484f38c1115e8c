package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.testing.ChefStubServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users under the server root: Chef 12 and Chef 11/goiardi schemas, and both password-check dialects. */
class UsersWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final ChefKey SERVER_MADE = ChefKey.generate(2048);

    @Test
    void create_withChef12Fields_postsToTheServerRoot_askingForAKey() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", "alice");
        fields.put("display_name", "Alice Smith");
        fields.put("email", "alice@example.com");
        fields.put("first_name", "Alice");
        fields.put("last_name", "Smith");
        fields.put("password", "correct horse battery");
        Map<String, Object> expected = new LinkedHashMap<>(fields);
        expected.put("create_key", true);
        chef.wiremock().stubFor(post(urlPathEqualTo("/users")).withRequestBody(equalToJson(json(expected)))
                .willReturn(erchef(201, json(Map.of("uri", chef.rootUrl() + "/users/alice", "chef_key", Map.of(
                        "name", "default", "public_key", SERVER_MADE.publicKeyPem(),
                        "private_key", SERVER_MADE.privateKeyPem(), "expiration_date", "infinity"))))));

        ActorCredentials created = chef.client().users().create(fields);

        assertThat(created.name()).isEqualTo("alice");
        assertThat(created.uri()).isEqualTo(URI.create(chef.rootUrl() + "/users/alice"));
        assertThat(created.privateKey()).map(ChefKey::publicKeyPem).contains(SERVER_MADE.publicKeyPem());
        assertThat(created.toString()).doesNotContain("PRIVATE KEY").doesNotContain("correct horse");
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo("/users");
    }

    @Test
    void create_withChef11Fields_sendsThemUnchanged_andReadsTheTopLevelKey() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/users"))
                .withRequestBody(equalToJson("{\"name\":\"bob\",\"password\":\"pw-bob-123\",\"admin\":false}"))
                .willReturn(erchef(201, json(Map.of("uri", chef.rootUrl() + "/users/bob",
                        "private_key", SERVER_MADE.privateKeyPem())))));

        ActorCredentials created = chef.client().users()
                .create(Map.of("name", "bob", "password", "pw-bob-123", "admin", false));

        assertThat(created.name()).isEqualTo("bob");
        assertThat(created.privateKey()).isPresent();
    }

    @Test
    void get_readsAChef12User() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/users/alice")).willReturn(erchef(json(Map.of(
                "username", "alice", "display_name", "Alice Smith", "email", "alice@example.com",
                "first_name", "Alice", "last_name", "Smith")))));

        User alice = chef.client().users().get("alice");

        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.displayName()).contains("Alice Smith");
        assertThat(alice.email()).contains("alice@example.com");
        assertThat(alice.extra()).containsEntry("first_name", "Alice");
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo("/users/alice");
    }

    @Test
    void authenticate_onErchef_sendsUsername_andALinkedAnswerIsTrue() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/authenticate_user"))
                .withRequestBody(equalToJson("{\"username\":\"alice\",\"password\":\"pw\"}"))
                .willReturn(erchef(json(Map.of("status", "linked", "user", Map.of("username", "alice"))))));

        assertThat(chef.client().users().authenticate("alice", "pw")).isTrue();
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo("/authenticate_user");
    }

    @Test
    void authenticate_onErchef_wrongPasswordIsFalse() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/authenticate_user")).willReturn(erchef(401,
                "{\"error\":\"Failed to authenticate: Username and password incorrect\"}")));

        assertThat(chef.client().users().authenticate("alice", "nope")).isFalse();
        assertThat(chef.requests()).hasSize(1);
    }

    @Test
    void authenticate_onGoiardi_retriesWithName_afterUsernameIsRefused() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/authenticate_user"))
                .withRequestBody(equalToJson("{\"username\":\"alice\",\"password\":\"pw\"}"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":[\"Invalid key username in request body\"]}")));
        chef.wiremock().stubFor(post(urlPathEqualTo("/authenticate_user"))
                .withRequestBody(equalToJson("{\"name\":\"alice\",\"password\":\"pw\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"alice\",\"verified\":true}")));

        assertThat(chef.client().users().authenticate("alice", "pw")).isTrue();
        assertThat(chef.requests()).hasSize(2).allSatisfy(chef::verify);
    }

    @Test
    void authenticate_onGoiardi_unverifiedIsFalse() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/authenticate_user"))
                .withRequestBody(equalToJson("{\"username\":\"alice\",\"password\":\"nope\"}"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":[\"Invalid key username in request body\"]}")));
        chef.wiremock().stubFor(post(urlPathEqualTo("/authenticate_user"))
                .withRequestBody(equalToJson("{\"name\":\"alice\",\"password\":\"nope\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"alice\",\"verified\":false}")));

        assertThat(chef.client().users().authenticate("alice", "nope")).isFalse();
    }
}
