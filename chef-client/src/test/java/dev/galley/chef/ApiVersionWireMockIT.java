package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.API_VERSION;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.versionHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.galley.chef.testing.ChefStubServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** X-Ops-Server-API-Version negotiation against erchef-like and goiardi-like servers (reference §2). */
class ApiVersionWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final String NODES = "/organizations/acme/nodes";

    /** erchef's 406 for a version outside its range: the range in the header and in the error document. */
    private static ResponseDefinitionBuilder notAcceptable(int sent, int min, int max) {
        return aResponse().withStatus(406)
                .withHeader("Content-Type", "application/json")
                .withHeader(API_VERSION, "{\"min_version\":\"" + min + "\",\"max_version\":\"" + max
                        + "\",\"request_version\":\"" + sent + "\",\"response_version\":\"-1\"}")
                .withBody("{\"error\":\"invalid-x-ops-server-api-version\",\"message\":\"Specified version " + sent
                        + " not supported\",\"min_version\":" + min + ",\"max_version\":" + max + "}");
    }

    private static List<String> sentVersions() {
        return chef.requests().stream().map(r -> r.getHeader(API_VERSION)).toList();
    }

    @Test
    void firstRequest_asksForVersion2_andSignsIt() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).willReturn(erchef("{}")));
        ChefClient client = chef.client();

        client.nodes().list();

        assertThat(chef.verify(chef.onlyRequest()).apiVersion()).isEqualTo(2);
        assertThat(client.serverApiVersions()).contains(new ApiVersionRange(0, 2));
    }

    @Test
    void answerHeaderWithMax1_makesTheNextRequestUse1() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).willReturn(erchef(200, "{}", 0, 1)));
        ChefClient client = chef.client();

        client.nodes().list();
        client.nodes().list();

        assertThat(sentVersions()).containsExactly("2", "1");
        assertThat(chef.verify(chef.requests().get(1)).apiVersion()).isEqualTo(1);
        assertThat(client.apiVersion()).isEqualTo(1);
        assertThat(client.serverApiVersions()).contains(new ApiVersionRange(0, 1));
    }

    @Test
    void notAcceptable_isRetriedOnceWithTheServersBestVersion_signedAnew() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).withHeader(API_VERSION, equalTo("2"))
                .willReturn(notAcceptable(2, 0, 1)));
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).withHeader(API_VERSION, equalTo("1"))
                .willReturn(erchef(200, "{\"web1\":\"u\"}", 0, 1)));
        ChefClient client = chef.client();

        assertThat(client.nodes().list()).containsExactly("web1");

        List<LoggedRequest> requests = chef.requests();
        assertThat(requests).hasSize(2);
        assertThat(chef.verify(requests.get(0)).apiVersion()).isEqualTo(2);
        assertThat(chef.verify(requests.get(1)).apiVersion()).isEqualTo(1);
        // Protocol 1.3 signs the version, so a re-sent copy of the first signature would not verify above; the
        // headers differ as well.
        assertThat(requests.get(1).getHeader("X-Ops-Authorization-1"))
                .isNotEqualTo(requests.get(0).getHeader("X-Ops-Authorization-1"));
        assertThat(client.apiVersion()).isEqualTo(1);
    }

    @Test
    void notAcceptable_onAPost_isSentAgainWithTheCommonVersion_becauseTheServerDidNothing() {
        chef.wiremock().stubFor(post(urlPathEqualTo("/organizations/acme/clients"))
                .withHeader(API_VERSION, equalTo("2")).willReturn(notAcceptable(2, 0, 1)));
        chef.wiremock().stubFor(post(urlPathEqualTo("/organizations/acme/clients"))
                .withHeader(API_VERSION, equalTo("1")).willReturn(erchef(201,
                        "{\"uri\":\"" + chef.orgUrl() + "/clients/web1\"}", 0, 1)));

        chef.client().clients().create("web1", false, Optional.of(chef.key().publicKeyPem()));

        assertThat(sentVersions()).containsExactly("2", "1");
        assertThat(chef.requests()).allSatisfy(chef::verify);
    }

    @Test
    void notAcceptable_withNoCommonVersion_namesWhatEachSideSpeaks() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).willReturn(notAcceptable(2, 3, 4)));

        assertThatThrownBy(() -> chef.client().nodes().list())
                .isInstanceOf(ChefApiException.class)
                .hasMessageContaining("GET " + chef.orgUrl() + "/nodes answered 406")
                .hasMessageContaining("Specified version 2 not supported")
                .hasMessageContaining("the server speaks 3..4")
                .hasMessageContaining("Galley speaks 0..2")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((ChefApiException) e).status()).isEqualTo(406));
        assertThat(chef.requests()).hasSize(1);
    }

    @Test
    void serverThatNeverSendsTheHeader_getsVersion2Once_then1_andStaysThere() {
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        ChefClient client = chef.client();

        client.nodes().list();
        client.nodes().list();
        client.nodes().list();

        assertThat(sentVersions()).containsExactly("2", "1", "1");
        assertThat(client.apiVersion()).isEqualTo(1);
        assertThat(client.serverApiVersions()).isEmpty();
    }

    @Test
    void goiardiLikeServer_silentFor2_answeringFor1_settlesOnItsRange() {
        // goiardi 0.11.10 echoes the header only for requests of version 0 or 1 (reference §2).
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).withHeader(API_VERSION, equalTo("2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        chef.wiremock().stubFor(get(urlPathEqualTo(NODES)).withHeader(API_VERSION, equalTo("1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader(API_VERSION, "{\"min_version\": \"0\", \"max_version\": \"1\", "
                                + "\"request_version\": \"1\", \"response_version\": \"1\"}")
                        .withBody("{}")));
        ChefClient client = chef.client();

        client.nodes().list();
        client.nodes().list();

        assertThat(sentVersions()).containsExactly("2", "1");
        assertThat(client.serverApiVersions()).contains(new ApiVersionRange(0, 1));
    }

    @Test
    void apiVersions_onAServerWithoutServerApiVersionEndpoint_learnsTheRangeFromAnAnswerHeader() {
        // goiardi: an empty 200 for /server_api_version (unknown path), a header on answers to version 1.
        chef.wiremock().stubFor(get(urlPathEqualTo("/server_api_version")).willReturn(aResponse().withStatus(200)));
        chef.wiremock().stubFor(get(urlPathEqualTo("/organizations/acme/environments/_default"))
                .willReturn(erchef(200, "{\"name\":\"_default\"}", 0, 1)));

        assertThat(chef.client().serverInfo().apiVersions()).isEqualTo(new ApiVersionRange(0, 1));
        assertThat(sentVersions()).containsExactly("2", "1");
    }

    @Test
    void apiVersions_onErchef_readsServerApiVersion() {
        chef.wiremock().stubFor(get(urlPathEqualTo("/server_api_version"))
                .willReturn(erchef("{\"min_api_version\":0,\"max_api_version\":2}")));

        assertThat(chef.client().serverInfo().apiVersions()).isEqualTo(new ApiVersionRange(0, 2));
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo("/server_api_version");
    }
}
