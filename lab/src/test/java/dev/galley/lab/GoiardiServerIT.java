package dev.galley.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoiardiServerIT {

    @Test
    void start_servesTheChefApiWithSignatureCheckingOn_andCloseStopsItByPid() throws Exception {
        Path dir;
        long pid;
        try (GoiardiServer server = GoiardiServer.start()) {
            dir = server.directory();
            pid = server.process().pid();
            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/nodes")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(unsigned.statusCode()).as("signature checking is on").isEqualTo(401);
            assertThat(Files.readString(server.adminKey())).contains("BEGIN RSA PRIVATE KEY");
            assertThat(Files.readString(server.writeKnifeConfig())).contains("chef_server_url  \"" + server.url());
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dir).doesNotExist();
    }

    @Test
    void start_withTls_servesHttpsSignedByTheLabCa() throws Exception {
        try (GoiardiServer server = GoiardiServer.start(GoiardiServer.Options.defaults().withTls())) {
            assertThat(server.url().getScheme()).isEqualTo("https");
            assertThat(server.caCertificate()).hasValueSatisfying(ca -> assertThat(ca).exists());
            assertThat(LoopbackPorts.listening(server.port())).isTrue();
        }
    }
}
