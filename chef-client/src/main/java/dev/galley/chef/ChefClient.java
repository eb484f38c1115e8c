package dev.galley.chef;

import dev.galley.chef.internal.DefaultChefClient;
import java.util.Optional;

/**
 * A client of one Chef Infra Server (or goiardi), signing every request as one user or client.
 *
 * <p>Built with {@link #builder()}, from explicit settings or from knife's configuration; safe for concurrent use;
 * close it when done. Calls are grouped by endpoint family, noun first:</p>
 *
 * <pre>{@code
 * try (ChefClient chef = ChefClient.builder().knifeConfig(KnifeConfigLoader.load()).build()) {
 *     Node web1 = chef.nodes().get("web1");
 *     chef.nodes().updateRunList("web1", rl -> rl.add(List.of(RunListItem.role("web")), Optional.empty()));
 *     chef.search().query("node", "role:db").stream().forEach(...);
 * }
 * }</pre>
 *
 * <p>Every call has a timeout; idempotent calls are retried on connection failures and 429/5xx answers, signed
 * anew each time; failures raise {@link ChefApiException} (typed for 401, 403, 404, 409, 412),
 * {@link ChefUnexpectedResponseException} or {@link ChefTransportException}, each with a message naming the
 * request and what to do.</p>
 */
public interface ChefClient extends AutoCloseable {

    static ChefClientBuilder builder() {
        return new ChefClientBuilder();
    }

    /** The server this client talks to. */
    ChefServerUrl serverUrl();

    /** The user or client name that signs. */
    String user();

    SigningVersion signingVersion();

    /** The server API version the next request will be sent with (negotiated, see {@link ApiVersionRange}). */
    int apiVersion();

    /** The server's supported API versions once an answer told them. */
    Optional<ApiVersionRange> serverApiVersions();

    /** Which RSA implementation signs: "OpenSSL 3.0.x ..." or "JDK 21...". */
    String signingEngine();

    Nodes nodes();

    Roles roles();

    Environments environments();

    DataBags dataBags();

    Clients clients();

    Users users();

    Cookbooks cookbooks();

    Search search();

    Organizations organizations();

    Groups groups();

    Acls acls();

    Policies policies();

    ServerInfo serverInfo();

    RawRequests raw();

    /** Releases connections; idempotent. */
    @Override
    void close();

    /** Creates a client from a builder; used by {@link ChefClientBuilder#build()}. */
    static ChefClient create(ChefClientBuilder.Settings settings) {
        return new DefaultChefClient(settings);
    }
}
