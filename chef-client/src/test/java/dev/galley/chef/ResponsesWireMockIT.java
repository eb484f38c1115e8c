package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.galley.chef.testing.ChefStubServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers that are not the Chef API's JSON, and which failed requests are sent again. */
class ResponsesWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final String NODES = "/organizations/acme/nodes";

    @Test
    void emptyOkForStatus_isNamedAsAnEndpointThisServerLacks() {
        // goiardi's answer to every path it does not know: 200, no Content-Type, no body.
        chef.wiremock().stubFor(get(urlPathEqualTo("/_status")).willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> chef.client().serverInfo().status())
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageStartingWith("GET " + chef.rootUrl() + "/_status answered 200 with an empty body")
                .hasMessageContaining("this server does not implement /_status")
                .hasMessageContaining("goiardi")
                .hasMessageNotContaining("\n");
    }

    @Test
    void htmlNotFoundForAWrongOrganization_saysItIsAPage_andToCheckTheUrlAndOrganization() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme-typo/nodes")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html>\n<html><head><title>Chef Infra Server - 404</title></head>\n"
                        + "<body><h1>The object you are looking for could not be found</h1></body></html>")));
        ChefClient client = chef.register(chef.builder().serverUrl(chef.rootUrl() + "/organizations/acme-typo")
                .build());

        assertThatThrownBy(() -> client.nodes().list())
                .isInstanceOf(ChefNotFoundException.class)
                .hasMessageContaining("answered 404 with an HTML page")
                .hasMessageContaining("check chef_server_url")
                .hasMessageContaining("organization 'acme-typo'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void htmlOkPage_isNamedAsAPageNotTheChefApi() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Sign in to the proxy</body></html>")));

        assertThatThrownBy(() -> chef.client().nodes().list())
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageContaining("answered 200 with an HTML page instead of the Chef API's JSON");
    }

    @Test
    void tooManyRequests_withRetryAfter_isWaitedFor_thenSentAgainFreshlySigned() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":[\"slow down\"]}"))
                .willSetStateTo("open"));
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(erchef("{\"web1\":\"u\"}")));

        assertThat(chef.client().nodes().list()).containsExactly("web1");

        List<LoggedRequest> requests = chef.requests();
        assertThat(requests).hasSize(2).allSatisfy(chef::verify);
        // The client waited the second Retry-After asked for, so the retry carries a later, whole-second timestamp.
        assertThat(requests.get(1).getHeader("X-Ops-Timestamp"))
                .isGreaterThan(requests.get(0).getHeader("X-Ops-Timestamp"));
    }

    @Test
    void unavailableGet_isRetriedUpToThePolicysAttempts_andTheErrorSaysSo() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).willReturn(erchef(503,
                "{\"error\":[\"Service temporarily unavailable\"]}")));

        assertThatThrownBy(() -> chef.client().nodes().list())
                .isInstanceOf(ChefApiException.class)
                .hasMessageContaining("answered 503 Service Unavailable: Service temporarily unavailable")
                .hasMessageContaining("(after 3 attempts)");
        assertThat(chef.requests()).hasSize(3);
    }

    @Test
    void unavailablePost_isNotSentAgain() {
        chef.wiremock().stubFor(post(urlPathEqualTo(NODES)).willReturn(erchef(503,
                "{\"error\":[\"Service temporarily unavailable\"]}")));

        assertThatThrownBy(() -> chef.client().nodes().create(Node.named("web1")))
                .isInstanceOf(ChefApiException.class)
                .satisfies(e -> assertThat(((ChefApiException) e).status()).isEqualTo(503))
                .hasMessageContaining("POST " + chef.orgUrl() + "/nodes answered 503");
        assertThat(chef.requests()).hasSize(1);
    }

    @Test
    void unreadableCreateAnswer_neverPutsThePrivateKeyInTheMessage() {
        ChefKey made = ChefKey.generate(2048);
        String whole = json(Map.of("uri", chef.orgUrl() + "/clients/web1", "private_key", made.privateKeyPem()));
        // Cut short, as a dropped connection or a broken proxy would leave it.
        chef.wiremock().stubFor(post(urlPathEqualTo("/organizations/acme/clients"))
                .willReturn(erchef(201, whole.substring(0, whole.length() / 2))));

        assertThatThrownBy(() -> chef.client().clients().create("web1", false, Optional.empty()))
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageContaining("a body that is not JSON")
                .hasMessageContaining("(private key removed)")
                .hasMessageNotContaining(made.privateKeyPem().lines().skip(1).findFirst().orElseThrow())
                .satisfies(e -> assertThat(((ChefApiException) e).bodyExcerpt()).doesNotContain("MII"));
    }

    @Test
    void requiredRecipe_returnsTheRecipeText() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme/required_recipe")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/plain").withBody("package 'audit'\n")));

        assertThat(chef.client().serverInfo().requiredRecipe()).isEqualTo("package 'audit'\n");
    }

    @Test
    void requiredRecipe_emptyOkFromGoiardi_isAnEndpointItLacks_notAnEmptyRecipe() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme/required_recipe"))
                .willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> chef.client().serverInfo().requiredRecipe())
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageContaining("with an empty body where the Chef API sends the recipe text")
                .hasMessageContaining("goiardi");
    }
}
