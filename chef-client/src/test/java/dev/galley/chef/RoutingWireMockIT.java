package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.galley.chef.testing.ChefSignature;
import dev.galley.chef.testing.ChefStubServer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which calls go under chef_server_url (the organization) and which under chef_server_root, signed as sent. */
class RoutingWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    /** One call of one endpoint family, and the request it must make. */
    record Route(String label, String method, String path, String answer, Consumer<ChefClient> call) {
        boolean global() {
            return !path.startsWith("/organizations/" + ChefStubServer.ORG + "/");
        }

        @Override
        public String toString() {
            return label + " -> " + method + " " + path;
        }
    }

    static Stream<Route> routes() {
        String org = "/organizations/" + ChefStubServer.ORG;
        return Stream.of(
                new Route("nodes().list()", "GET", org + "/nodes", "{\"web1\":\"u\"}", c -> c.nodes().list()),
                new Route("roles().list()", "GET", org + "/roles", "{}", c -> c.roles().list()),
                new Route("environments().list()", "GET", org + "/environments", "{}", c -> c.environments().list()),
                new Route("dataBags().list()", "GET", org + "/data", "{}", c -> c.dataBags().list()),
                new Route("clients().list()", "GET", org + "/clients", "{}", c -> c.clients().list()),
                new Route("clients().keys().list()", "GET", org + "/clients/web1/keys", "[]",
                        c -> c.clients().keys("web1").list()),
                new Route("search().indexes()", "GET", org + "/search", "{}", c -> c.search().indexes()),
                new Route("groups().list()", "GET", org + "/groups", "{}", c -> c.groups().list()),
                new Route("acls().get()", "GET", org + "/nodes/web1/_acl", "{}", c -> c.acls().get("nodes", "web1")),
                new Route("policies().list()", "GET", org + "/policies", "{}", c -> c.policies().list()),
                new Route("policies().groups()", "GET", org + "/policy_groups", "{}", c -> c.policies().groups()),
                new Route("policies().cookbookArtifacts()", "GET", org + "/cookbook_artifacts", "{}",
                        c -> c.policies().cookbookArtifacts()),
                new Route("serverInfo().principal()", "GET", org + "/principals/alice", "{}",
                        c -> c.serverInfo().principal("alice")),
                new Route("raw().request()", "GET", org + "/nodes", "{}", c -> c.raw().request("GET", "/nodes", null)),
                new Route("users().list()", "GET", "/users", "{}", c -> c.users().list()),
                new Route("users().keys().list()", "GET", "/users/alice/keys", "[]",
                        c -> c.users().keys("alice").list()),
                new Route("users().authenticate()", "POST", "/authenticate_user", "{\"status\":\"linked\"}",
                        c -> c.users().authenticate("alice", "pw")),
                new Route("organizations().list()", "GET", "/organizations", "{}", c -> c.organizations().list()),
                new Route("organizations().users()", "GET", "/organizations/widgets/users", "[]",
                        c -> c.organizations().users("widgets")),
                new Route("serverInfo().status()", "GET", "/_status", "{\"status\":\"pong\"}",
                        c -> c.serverInfo().status()),
                new Route("serverInfo().license()", "GET", "/license", "{}", c -> c.serverInfo().license()),
                new Route("serverInfo().apiVersions()", "GET", "/server_api_version",
                        "{\"min_api_version\":0,\"max_api_version\":2}", c -> c.serverInfo().apiVersions()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyFamily_hitsItsScope_andSignsThePathItHits(Route route) {
        chef.wiremock().stubFor(any(urlPathEqualTo(route.path())).willReturn(erchef(route.answer())));

        route.call().accept(chef.client());

        LoggedRequest request = chef.onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo(route.method());
        ChefSignature signature = chef.verify(request);
        assertThat(signature.path()).isEqualTo(route.path());
        if (route.global()) {
            assertThat(signature.path()).doesNotContain("/organizations/" + ChefStubServer.ORG);
        } else {
            assertThat(signature.path()).startsWith("/organizations/" + ChefStubServer.ORG + "/");
        }
    }

    @ParameterizedTest
    @EnumSource(SigningVersion.class)
    void orgAndGlobalCalls_areSignedWithTheirOwnPath_inEveryProtocol(SigningVersion version) {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme/nodes")).willReturn(erchef("{}")));
        chef.wiremock().stubFor(get(urlPathEqualTo("/users")).willReturn(erchef("{\"alice\":\"u\"}")));
        ChefClient client = chef.client(version);

        client.nodes().list();
        assertThat(client.users().list()).containsExactly("alice");

        List<LoggedRequest> requests = chef.requests();
        ChefSignature org = chef.verify(requests.get(0));
        ChefSignature global = chef.verify(requests.get(1));
        assertThat(org.protocol()).isEqualTo(version.text());
        assertThat(org.path()).isEqualTo("/organizations/acme/nodes");
        assertThat(global.path()).isEqualTo("/users");
        assertThat(global.userId()).isEqualTo(ChefStubServer.USER);
    }

    @Test
    void serverUrlWithTrailingSlash_keepsTheOrganization_andGlobalCallsDropIt() {
        chef.wiremock().stubFor(any(urlPathEqualTo("/organizations/acme/nodes")).willReturn(erchef("{}")));
        chef.wiremock().stubFor(any(urlPathEqualTo("/license")).willReturn(erchef("{}")));
        ChefClient client = chef.register(chef.builder().serverUrl(chef.orgUrl() + "/").build());

        client.nodes().list();
        client.serverInfo().license();

        assertThat(chef.requests()).extracting(LoggedRequest::getUrl)
                .containsExactly("/organizations/acme/nodes", "/license");
    }

    @Test
    void status_parsesErchefsPongWithItsUpstreams() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/_status")).willReturn(erchef(
                "{\"status\":\"pong\",\"upstreams\":{\"chef_solr\":\"pong\",\"chef_sql\":\"pong\","
                        + "\"chef_index\":\"pong\",\"oc_chef_authz\":\"pong\"},\"keygen\":{\"keys\":10}}")));

        JsonNode status = chef.client().serverInfo().status();

        assertThat(status.path("status").asText()).isEqualTo("pong");
        assertThat(status.path("upstreams").path("chef_sql").asText()).isEqualTo("pong");
        assertThat(status.path("upstreams").size()).isEqualTo(4);
    }

    @Test
    void license_returnsTheServersLicenseDocument() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/license")).willReturn(erchef(
                "{\"limit_exceeded\":false,\"node_license\":25,\"node_count\":3,"
                        + "\"upgrade_url\":\"http://www.chef.io/contact/on-premises-simple\"}")));

        JsonNode license = chef.client().serverInfo().license();

        assertThat(license.path("node_license").asInt()).isEqualTo(25);
        assertThat(license.path("limit_exceeded").asBoolean(true)).isFalse();
    }

    @Test
    void signatureCheck_rejectsARequestSignedWithAnotherKey() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme/nodes")).willReturn(erchef("{}")));
        ChefClient impostor = chef.register(chef.builder().key(ChefKey.generate(2048)).build());

        impostor.nodes().list();

        assertThatThrownBy(() -> chef.verify(chef.onlyRequest()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("signature does not verify");
    }
}
