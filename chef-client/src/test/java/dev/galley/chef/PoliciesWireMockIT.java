package dev.galley.chef;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.galley.chef.testing.ChefStubServer.erchef;
import static dev.galley.chef.testing.ChefStubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.testing.ChefSignature;
import dev.galley.chef.testing.ChefStubServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Policyfile objects (policies, policy groups, cookbook artifacts) and principals, all in the organization. */
class PoliciesWireMockIT {
    @RegisterExtension
    static final ChefStubServer chef = new ChefStubServer();

    private static final String ORG = "/organizations/acme";
    private static final String REVISION = "9a1e0f2d7c3b4a5e6f708192a3b4c5d6e7f80912";
    private static final String REVISION_JSON = json(Map.of("revision_id", REVISION, "name", "appserver",
            "run_list", List.of("recipe[app::default]"),
            "cookbook_locks", Map.of("app", Map.of("version", "1.2.0", "identifier", "ab12"))));

    private static void stub(String method, String path, String answer) {
        var mapping = method.equals("DELETE") ? delete(urlPathEqualTo(ORG + path)) : get(urlPathEqualTo(ORG + path));
        chef.wiremock().stubFor(mapping.willReturn(erchef(answer)));
    }

    @Test
    void policies_listGetRevisionAndDeletes() {
        Map<String, Object> revisions = Map.of("revisions", Map.of(REVISION, Map.of()));
        stub("GET", "/policies", json(Map.of(
                "appserver", Map.of("uri", chef.orgUrl() + "/policies/appserver",
                        "revisions", Map.of(REVISION, Map.of())),
                "db", Map.of("uri", chef.orgUrl() + "/policies/db", "revisions", Map.of()))));
        stub("GET", "/policies/appserver", json(revisions));
        stub("GET", "/policies/appserver/revisions/" + REVISION, REVISION_JSON);
        stub("DELETE", "/policies/appserver/revisions/" + REVISION, REVISION_JSON);
        stub("DELETE", "/policies/appserver", json(revisions));
        Policies policies = chef.client().policies();

        assertThat(policies.list()).containsExactly("appserver", "db");
        assertThat(policies.get("appserver").path("revisions").has(REVISION)).isTrue();
        assertThat(policies.revision("appserver", REVISION).path("run_list").get(0).asText())
                .isEqualTo("recipe[app::default]");
        assertThat(policies.deleteRevision("appserver", REVISION).path("revision_id").asText()).isEqualTo(REVISION);
        assertThat(policies.delete("appserver").path("revisions").has(REVISION)).isTrue();

        assertThat(chef.requests()).extracting(r -> chef.verify(r)).extracting(ChefSignature::method,
                ChefSignature::path).containsExactly(
                        tuple("GET", ORG + "/policies"),
                        tuple("GET", ORG + "/policies/appserver"),
                        tuple("GET", ORG + "/policies/appserver/revisions/" + REVISION),
                        tuple("DELETE", ORG + "/policies/appserver/revisions/" + REVISION),
                        tuple("DELETE", ORG + "/policies/appserver"));
    }

    @Test
    void policyGroups_listGetPinnedPolicyAndDelete() {
        Map<String, Object> dev = Map.of("uri", chef.orgUrl() + "/policy_groups/dev",
                "policies", Map.of("appserver", Map.of("revision_id", REVISION)));
        stub("GET", "/policy_groups", json(Map.of("dev", dev, "prod", Map.of("uri", chef.orgUrl()
                + "/policy_groups/prod", "policies", Map.of()))));
        stub("GET", "/policy_groups/dev", json(dev));
        stub("GET", "/policy_groups/dev/policies/appserver", REVISION_JSON);
        stub("DELETE", "/policy_groups/dev", json(dev));
        Policies policies = chef.client().policies();

        assertThat(policies.groups()).containsExactly("dev", "prod");
        assertThat(policies.group("dev").path("policies").path("appserver").path("revision_id").asText())
                .isEqualTo(REVISION);
        assertThat(policies.groupPolicy("dev", "appserver").path("revision_id").asText()).isEqualTo(REVISION);
        assertThat(policies.deleteGroup("dev").path("uri").asText()).endsWith("/policy_groups/dev");

        assertThat(chef.requests()).extracting(r -> chef.verify(r).path()).containsExactly(
                ORG + "/policy_groups", ORG + "/policy_groups/dev", ORG + "/policy_groups/dev/policies/appserver",
                ORG + "/policy_groups/dev");
    }

    @Test
    void cookbookArtifacts_listAndGetByIdentifier() {
        stub("GET", "/cookbook_artifacts", json(Map.of("app", Map.of("url", chef.orgUrl() + "/cookbook_artifacts/app",
                "versions", List.of(Map.of("url", chef.orgUrl() + "/cookbook_artifacts/app/ab12",
                        "identifier", "ab12"))))));
        stub("GET", "/cookbook_artifacts/app/ab12", json(Map.of("name", "app", "identifier", "ab12",
                "version", "1.2.0", "metadata", Map.of("name", "app", "version", "1.2.0"))));
        Policies policies = chef.client().policies();

        JsonNode all = policies.cookbookArtifacts();
        JsonNode app = policies.cookbookArtifact("app", "ab12");

        assertThat(all.path("app").path("versions").get(0).path("identifier").asText()).isEqualTo("ab12");
        assertThat(app.path("version").asText()).isEqualTo("1.2.0");
        assertThat(chef.requests()).extracting(r -> chef.verify(r).path())
                .containsExactly(ORG + "/cookbook_artifacts", ORG + "/cookbook_artifacts/app/ab12");
    }

    @Test
    void principal_saysWhetherANameIsAUserOrAClient() {
        stub("GET", "/principals/alice", json(Map.of("principals", List.of(Map.of("name", "alice", "type", "user",
                "public_key", chef.key().publicKeyPem(), "authz_id", "0123abcd", "org_member", true)))));

        JsonNode principal = chef.client().serverInfo().principal("alice");

        assertThat(principal.path("principals").get(0).path("type").asText()).isEqualTo("user");
        assertThat(chef.verify(chef.onlyRequest()).path()).isEqualTo(ORG + "/principals/alice");
    }
}
