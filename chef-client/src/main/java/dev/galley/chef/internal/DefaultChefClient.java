package dev.galley.chef.internal;

import dev.galley.chef.Acls;
import dev.galley.chef.ApiVersionRange;
import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefClientBuilder;
import dev.galley.chef.ChefServerUrl;
import dev.galley.chef.Clients;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.DataBags;
import dev.galley.chef.Environments;
import dev.galley.chef.Groups;
import dev.galley.chef.Nodes;
import dev.galley.chef.Organizations;
import dev.galley.chef.Policies;
import dev.galley.chef.RawRequests;
import dev.galley.chef.RequestSigner;
import dev.galley.chef.Roles;
import dev.galley.chef.Search;
import dev.galley.chef.ServerInfo;
import dev.galley.chef.SigningVersion;
import dev.galley.chef.Users;
import dev.galley.chef.internal.http.TrustStores;
import dev.galley.chef.internal.http.SocketTransport;
import dev.galley.chef.spi.Transport;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client: one request pipeline shared by every endpoint family.
 */
public final class DefaultChefClient implements ChefClient {
    private final ChefHttp http;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Nodes nodes;
    private final Roles roles;
    private final Environments environments;
    private final DataBags dataBags;
    private final Clients clients;
    private final Users users;
    private final Cookbooks cookbooks;
    private final Search search;
    private final Organizations organizations;
    private final Groups groups;
    private final Acls acls;
    private final Policies policies;
    private final ServerInfo serverInfo;
    private final RawRequests raw;

    public DefaultChefClient(ChefClientBuilder.Settings s) {
        RequestSigner signer = new RequestSigner(s.user(), s.key(), s.signing(), s.clock());
        Transport transport = s.transport().orElseGet(() ->
                new SocketTransport(s.connectTimeout(), TrustStores.build(s.tls()), s.proxy()));
        this.http = new ChefHttp(s.serverUrl(), signer, transport, s.retry(), s.readTimeout(), s.chefVersionHeader());
        this.nodes = new DefaultNodes(http);
        this.roles = new DefaultRoles(http);
        this.environments = new DefaultEnvironments(http);
        this.dataBags = new DefaultDataBags(http);
        this.clients = new DefaultClients(http);
        this.users = new DefaultUsers(http);
        this.cookbooks = new DefaultCookbooks(http);
        this.search = new DefaultSearch(http);
        this.organizations = new DefaultOrganizations(http);
        this.groups = new DefaultGroups(http);
        this.acls = new DefaultAcls(http);
        this.policies = new DefaultPolicies(http);
        this.serverInfo = new DefaultServerInfo(http);
        this.raw = new DefaultRawRequests(http);
    }

    @Override
    public ChefServerUrl serverUrl() {
        return http.server();
    }

    @Override
    public String user() {
        return http.signer().userId();
    }

    @Override
    public SigningVersion signingVersion() {
        return http.signer().version();
    }

    @Override
    public int apiVersion() {
        return http.versions().current();
    }

    @Override
    public Optional<ApiVersionRange> serverApiVersions() {
        return http.versions().serverRange();
    }

    @Override
    public String signingEngine() {
        return http.signer().key().signingEngine();
    }

    @Override
    public Nodes nodes() {
        return nodes;
    }

    @Override
    public Roles roles() {
        return roles;
    }

    @Override
    public Environments environments() {
        return environments;
    }

    @Override
    public DataBags dataBags() {
        return dataBags;
    }

    @Override
    public Clients clients() {
        return clients;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Cookbooks cookbooks() {
        return cookbooks;
    }

    @Override
    public Search search() {
        return search;
    }

    @Override
    public Organizations organizations() {
        return organizations;
    }

    @Override
    public Groups groups() {
        return groups;
    }

    @Override
    public Acls acls() {
        return acls;
    }

    @Override
    public Policies policies() {
        return policies;
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    @Override
    public RawRequests raw() {
        return raw;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "ChefClient[" + user() + " @ " + serverUrl() + ", signing " + signingVersion() + "]";
    }
}
