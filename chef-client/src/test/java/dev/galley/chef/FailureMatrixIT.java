package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.testing.ChefLabExtension;
import dev.galley.core.Fault;
import dev.galley.lab.FaultProxy;
import dev.galley.lab.GoiardiServer;
import dev.galley.lab.LoopbackPorts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The failures a user meets, against a real goiardi (through a fault-injecting proxy where the fault must be
 * made): each raises the typed exception with a message that says what happened and what to do.
 */
@ExtendWith(ChefLabExtension.class)
class FailureMatrixIT {

    @Test
    void unauthorized_wrongKey_namesTheUserAndTheKeySource(GoiardiServer server) {
        try (ChefClient chef = ChefLabExtension.adminBuilder(server).key(ChefKey.generate(2048)).build()) {
            assertThatThrownBy(() -> chef.nodes().list())
                    .isInstanceOfSatisfying(ChefUnauthorizedException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.clockSkew()).hasValueSatisfying(s -> assertThat(s.abs()).isLessThan(Duration.ofMinutes(1)));
                    })
                    .hasMessageContaining("answered 401 Unauthorized")
                    .hasMessageContaining("did not accept the signature of 'admin'")
                    .hasMessageContaining("check that the key belongs to that user");
        }
    }

    @Test
    void unauthorized_clockSkew_saysHowFarAndWhichWay(GoiardiServer server) {
        Clock twentyMinutesSlow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        try (ChefClient chef = ChefLabExtension.adminBuilder(server).clock(twentyMinutesSlow).build()) {
            assertThatThrownBy(() -> chef.nodes().list())
                    .isInstanceOfSatisfying(ChefUnauthorizedException.class, e -> assertThat(e.clockSkew())
                            .hasValueSatisfying(s -> assertThat(s).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(21))))
                    .hasMessageContaining("this machine's clock is 20 minutes behind the server's")
                    .hasMessageContaining("NTP");
        }
    }

    @Test
    void notFound_unknownObject(ChefClient chef) {
        assertThatThrownBy(() -> chef.roles().get("no-such-role"))
                .isInstanceOfSatisfying(ChefNotFoundException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BAD_INPUT))
                .hasMessageContaining("/roles/no-such-role answered 404 Not Found");
    }

    @Test
    void conflict_existingObject(ChefClient chef) {
        chef.roles().create(Role.named("twice"));

        assertThatThrownBy(() -> chef.roles().create(Role.named("twice")))
                .isInstanceOf(ChefConflictException.class)
                .hasMessageContaining("answered 409 Conflict");
    }

    @Test
    void preconditionFailed_unsolvableCookbookDependencies(ChefClient chef) {
        assertThatThrownBy(() -> chef.environments().solveCookbooks("_default", RunList.of("recipe[not-uploaded]")))
                .isInstanceOf(ChefPreconditionFailedException.class)
                .hasMessageContaining("answered 412 Precondition Failed")
                .hasMessageContaining("not-uploaded");
    }

    @Test
    void payloadTooLarge_saysHowBigTheBodyWas(ChefClient chef) {
        Node huge = Node.named("huge").withNormal(Map.of("blob", "x".repeat(1_200_000)));

        assertThatThrownBy(() -> chef.nodes().create(huge))
                .isInstanceOf(ChefApiException.class)
                .hasMessageContaining("413")
                .hasMessageContaining("refused a body of");
    }

    @Test
    void serverError_thenSuccess_isRetriedForReads(GoiardiServer server) {
        try (FaultProxy proxy = FaultProxy.start(server.port());
             ChefClient chef = viaProxy(server, proxy)) {
            proxy.then(FaultProxy.respond(503, "{\"error\":[\"warming up\"]}"));

            assertThat(chef.nodes().list()).isNotNull();
            assertThat(proxy.seen()).hasSize(2);
        }
    }

    @Test
    void serverError_onCreate_isNotRetried(GoiardiServer server) {
        try (FaultProxy proxy = FaultProxy.start(server.port());
             ChefClient chef = viaProxy(server, proxy)) {
            proxy.then(FaultProxy.respond(503, "{\"error\":[\"busy\"]}"));

            assertThatThrownBy(() -> chef.nodes().create(Node.named("once")))
                    .isInstanceOf(ChefApiException.class)
                    .hasMessageContaining("POST")
                    .hasMessageContaining("503 Service Unavailable: busy");
            assertThat(proxy.seen()).hasSize(1);
        }
    }

    @Test
    void tooManyRequests_honoursRetryAfter(GoiardiServer server) {
        try (FaultProxy proxy = FaultProxy.start(server.port());
             ChefClient chef = viaProxy(server, proxy)) {
            proxy.then(new FaultProxy.Fault.Respond(429, Map.of("Retry-After", "1"), "{}"));

            assertThat(chef.roles().list()).isNotNull();
            assertThat(proxy.seen()).hasSize(2);
        }
    }

    @Test
    void connectionReset_isRetriedForReads_andReportedWhenRetriesRunOut(GoiardiServer server) {
        try (FaultProxy proxy = FaultProxy.start(server.port());
             ChefClient chef = viaProxy(server, proxy);
             ChefClient once = ChefLabExtension.adminBuilder(server).serverUrl("http://127.0.0.1:" + proxy.port())
                     .retry(RetryPolicy.none()).build()) {
            proxy.then(FaultProxy.reset());
            assertThat(chef.environments().list()).contains("_default");

            proxy.then(FaultProxy.reset());
            assertThatThrownBy(() -> once.environments().list())
                    .isInstanceOf(ChefTransportException.class)
                    .hasMessageContaining("GET http://127.0.0.1:" + proxy.port() + "/environments");
            assertThat(proxy.seen()).as("one attempt only: nothing re-sent behind the client's back").hasSize(3);
        }
    }

    @Test
    void slowServer_pastTheReadTimeout_failsWithTheTimeoutNamed(GoiardiServer server) {
        try (FaultProxy proxy = FaultProxy.start(server.port());
             ChefClient chef = ChefLabExtension.adminBuilder(server).serverUrl("http://127.0.0.1:" + proxy.port())
                     .retry(RetryPolicy.none()).readTimeout(Duration.ofMillis(300)).build()) {
            proxy.then(FaultProxy.delay(Duration.ofSeconds(3)));

            assertThatThrownBy(() -> chef.nodes().list())
                    .isInstanceOfSatisfying(ChefTransportException.class,
                            e -> assertThat(e.fault()).isEqualTo(Fault.UNAVAILABLE))
                    .hasMessageContaining("no answer within the read timeout");
        }
    }

    @Test
    void connectionRefused_saysTheServerIsNotRunning(GoiardiServer server) {
        int closed = LoopbackPorts.free();
        try (ChefClient chef = ChefLabExtension.adminBuilder(server).serverUrl("http://127.0.0.1:" + closed)
                .retry(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> chef.nodes().list())
                    .isInstanceOf(ChefTransportException.class)
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("is the Chef server running");
        }
    }

    @Test
    void emptyAnswerForAnUnimplementedEndpoint_isNamedAsSuch(ChefClient chef) {
        assertThatThrownBy(() -> chef.serverInfo().status())
                .isInstanceOf(ChefUnexpectedResponseException.class)
                .hasMessageContaining("answered 200 with an empty body")
                .hasMessageContaining("does not implement /_status");
    }

    private static ChefClient viaProxy(GoiardiServer server, FaultProxy proxy) {
        return ChefLabExtension.adminBuilder(server).serverUrl("http://127.0.0.1:" + proxy.port()).build();
    }
}
