package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.chef.testing.ChefStubServer;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The keys API (server API v1) of a client, in the organization, and of a user, under the server root. */
class ActorKeysWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    /** The key a stubbed server "generates". */
    private static final ChefKey SERVER_MADE = ChefKey.generate(2048);

    /** Whose keys: where they live and how the client reaches them. */
    enum Actor {
        CLIENT("web1", "/organizations/acme/clients/web1/keys", c -> c.clients().keys("web1")),
        USER("alice", "/users/alice/keys", c -> c.users().keys("alice"));

        final String name;
        final String path;
        final Function<ChefClient, ActorKeys> keys;

        Actor(String name, String path, Function<ChefClient, ActorKeys> keys) {
            this.name = name;
            this.path = path;
            this.keys = keys;
        }
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void list_readsNamesUrisAndExpiry(Actor actor) {
        String base = chef.rootUrl() + actor.path;
        chef.wiremock().stubFor(get(urlPathEqualTo(actor.path)).willReturn(erchef(json(List.of(
                Map.of("name", "default", "uri", base + "/default", "expired", false),
                Map.of("name", "old", "uri", base + "/old", "expired", true))))));

        List<ActorKeys.Summary> keys = actor.keys.apply(chef.client()).list();

        assertThat(keys).containsExactly(new ActorKeys.Summary("default", base + "/default", false),
                new ActorKeys.Summary("old", base + "/old", true));
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo(actor.path);
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void get_readsThePublicKeyAndItsExpiration(Actor actor) {
        String pem = SERVER_MADE.publicKeyPem();
        chef.wiremock().stubFor(get(urlPathEqualTo(actor.path + "/default")).willReturn(erchef(json(Map.of(
                "name", "default", "public_key", pem, "expiration_date", "infinity")))));

        ActorKeys.Key key = actor.keys.apply(chef.client()).get("default");

        assertThat(key).isEqualTo(new ActorKeys.Key("default", pem, "infinity"));
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo(actor.path + "/default");
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void create_withServerMadeKey_returnsThePrivateKey_butNeverShowsIt(Actor actor) {
        String uri = chef.rootUrl() + actor.path + "/laptop";
        String privatePem = SERVER_MADE.privateKeyPem();
        chef.wiremock().stubFor(post(urlPathEqualTo(actor.path))
                .withRequestBody(equalToJson(
                        "{\"name\":\"laptop\",\"create_key\":true,\"expiration_date\":\"infinity\"}"))
                .willReturn(erchef(201, json(Map.of("name", "laptop", "uri", uri, "private_key", privatePem,
                        "expiration_date", "infinity")))));

        ActorCredentials created = actor.keys.apply(chef.client()).create("laptop", Optional.empty(), Optional.empty());

        assertThat(created.name()).as("credentials name whose key it is").isEqualTo(actor.name);
        assertThat(created.privateKey()).map(ChefKey::publicKeyPem).contains(SERVER_MADE.publicKeyPem());
        assertThat(created.uri()).isEqualTo(URI.create(uri));
        String secretLine = privatePem.lines().skip(2).findFirst().orElseThrow();
        assertThat(created.toString()).contains("with a new private key").doesNotContain("PRIVATE")
                .doesNotContain(secretLine);
        assertThat(created.privateKey().orElseThrow().toString()).doesNotContain(secretLine);
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo(actor.path);
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void create_withOwnPublicKeyAndExpiry_sendsBoth_andGetsNoPrivateKey(Actor actor) {
        String pem = chef.key().publicKeyPem();
        String uri = chef.rootUrl() + actor.path + "/ci";
        chef.wiremock().stubFor(post(urlPathEqualTo(actor.path))
                .withRequestBody(equalToJson(json(Map.of("name", "ci", "public_key", pem,
                        "expiration_date", "2030-01-01T00:00:00Z"))))
                .willReturn(erchef(201, json(Map.of("uri", uri)))));

        ActorCredentials created = actor.keys.apply(chef.client()).create("ci", Optional.of(pem),
                Optional.of(Instant.parse("2030-01-01T00:00:00.750Z")));

        assertThat(created.privateKey()).isEmpty();
        assertThat(created.uri()).isEqualTo(URI.create(uri));
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void create_answerWithoutUri_pointsAtTheKeyWhereItLives(Actor actor) {
        chef.wiremock().stubFor(post(urlPathEqualTo(actor.path)).willReturn(erchef(201, "{}")));

        ActorCredentials created = actor.keys.apply(chef.client()).create("ci",
                Optional.of(chef.key().publicKeyPem()), Optional.empty());

        assertThat(created.uri()).isEqualTo(URI.create(chef.rootUrl() + actor.path + "/ci"));
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void delete_removesTheNamedKey(Actor actor) {
        chef.wiremock().stubFor(delete(urlPathEqualTo(actor.path + "/old"))
                .willReturn(erchef(json(Map.of("name", "old", "expiration_date", "infinity")))));

        actor.keys.apply(chef.client()).delete("old");

        var signature = chef.verify(chef.onlyRequest());
        assertThat(signature.method()).isEqualTo("DELETE");
        assertThat(signature.path()).isEqualTo(actor.path + "/old");
    }
}
