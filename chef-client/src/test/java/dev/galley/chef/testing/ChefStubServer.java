package dev.galley.chef.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefClientBuilder;
import dev.galley.chef.ChefKey;
import dev.galley.chef.ProxySettings;
import dev.galley.chef.RetryPolicy;
import dev.galley.chef.SigningVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server on a loopback port, scripted per test as an erchef (Chef Infra Server 12+), and real
 * {@link ChefClient}s signed for it as {@value #USER} of organization {@value #ORG}; for what goiardi cannot do.
 *
 * <p>Register it with {@code @RegisterExtension static final ChefStubServer chef = new ChefStubServer();}: the server
 * starts once per test class, its stubs and journal are reset before each test, and clients built through it are
 * closed after each test.</p>
 */
public final class ChefStubServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    public static final String ORG = "acme";
    public static final String USER = "pivotal";
    public static final String API_VERSION = "X-Ops-Server-API-Version";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChefKey key = ChefKey.generate(2048);
    private final List<ChefClient> clients = new ArrayList<>();
    private WireMockServer wiremock;

    @Override
    public void beforeAll(ExtensionContext context) {
        wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (wiremock != null) {
            wiremock.stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        wiremock.resetAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients.forEach(ChefClient::close);
        clients.clear();
    }

    public WireMockServer wiremock() {
        return wiremock;
    }

    /** The key clients sign with. */
    public ChefKey key() {
        return key;
    }

    /** http://127.0.0.1:PORT, {@code chef_server_root}. */
    public String rootUrl() {
        return "http://127.0.0.1:" + wiremock.port();
    }

    /** http://127.0.0.1:PORT/organizations/acme, {@code chef_server_url}. */
    public String orgUrl() {
        return rootUrl() + "/organizations/" + ORG;
    }

    /** A builder preset for this server: organization URL, user, key, no proxies, quick retries, protocol 1.3. */
    public ChefClientBuilder builder() {
        return ChefClient.builder()
                .serverUrl(orgUrl())
                .user(USER)
                .key(key)
                .signing(SigningVersion.V1_3)
                .proxy(ProxySettings.none())
                .retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)));
    }

    /** A client built from {@link #builder()}, closed after the test. */
    public ChefClient client() {
        return register(builder().build());
    }

    public ChefClient client(SigningVersion signing) {
        return register(builder().signing(signing).build());
    }

    /** Registers a client built elsewhere for closing after the test. */
    public ChefClient register(ChefClient client) {
        clients.add(client);
        return client;
    }

    /** Every request the server received in this test, oldest first. */
    public List<LoggedRequest> requests() {
        // WireMock lists the newest first.
        List<LoggedRequest> all = new ArrayList<>(wiremock.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .toList());
        Collections.reverse(all);
        return all;
    }

    /** The one request the server received in this test. */
    public LoggedRequest onlyRequest() {
        List<LoggedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, the server received " + all.size() + ": "
                    + all.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
        }
        return all.get(0);
    }

    /** Verifies a received request's signature with this server's client key. */
    public ChefSignature verify(LoggedRequest request) {
        return ChefSignature.verify(request, key.publicKey());
    }

    /** erchef's answer header: the range it speaks, as strings, as erchef writes them. */
    public static String versionHeader(int min, int max, int request) {
        return "{\"min_version\":\"" + min + "\",\"max_version\":\"" + max + "\",\"request_version\":\"" + request
                + "\",\"response_version\":\"" + request + "\"}";
    }

    /** A JSON answer as erchef 12+ sends it (API versions 0..2). */
    public static ResponseDefinitionBuilder erchef(int status, String json) {
        return erchef(status, json, 0, 2);
    }

    /** A JSON answer from a server speaking API versions {@code min..max}. */
    public static ResponseDefinitionBuilder erchef(int status, String json, int min, int max) {
        return WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader(API_VERSION, versionHeader(min, max, max))
                .withBody(json);
    }

    /** A value (maps, lists, strings with PEM newlines) written as JSON for a stub's answer. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A 200 JSON answer as erchef sends it. */
    public static ResponseDefinitionBuilder erchef(String json) {
        return erchef(200, json);
    }
}
