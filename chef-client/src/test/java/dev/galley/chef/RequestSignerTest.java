package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.internal.crypto.JdkRsa;
import dev.galley.chef.internal.crypto.OpenSslRsa;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestSignerTest {
    static final Clock ORACLE_TIME = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    static String resource(String name) {
        try (InputStream in = RequestSignerTest.class.getResourceAsStream("/oracle/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChefKey testKey() {
        return ChefKey.fromPem(resource("test-key.pem"), "test-key.pem");
    }

    static Map<String, String> goldenHeaders(SigningVersion v) {
        return Arrays.stream(resource("get_nodes_v" + v.text() + ".headers").split("\n"))
                .filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2),
                        (a, b) -> b, LinkedHashMap::new));
    }

    static String goldenCanonical(SigningVersion v) {
        String dump = resource("get_nodes_v" + v.text() + ".canonical");
        int start = dump.indexOf("----\n") + 5;
        return dump.substring(start, dump.lastIndexOf("\n----"));
    }

    @ParameterizedTest
    @EnumSource(SigningVersion.class)
    void sign_matchesMixlibGoldenHeadersByteForByte(SigningVersion v) {
        RequestSigner signer = new RequestSigner("admin", testKey(), v, ORACLE_TIME);

        SignedHeaders headers = signer.sign("GET", "/organizations/acme/nodes", new byte[0], 1);

        assertThat(headers.headers()).containsExactlyInAnyOrderEntriesOf(goldenHeaders(v));
    }

    @ParameterizedTest
    @EnumSource(SigningVersion.class)
    void canonicalRequest_matchesMixlibStringToSign(SigningVersion v) {
        RequestSigner signer = new RequestSigner("admin", testKey(), v, ORACLE_TIME);
        String emptyHash = v == SigningVersion.V1_3 ? "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
                : "2jmj7l5rSw0yVb/vlWAYkK/YBwk=";

        // The oracle signed "//organizations/acme/nodes/" in the reference notes and "/organizations/acme/nodes" here:
        // both canonicalise to the same string.
        assertThat(signer.canonicalRequest("get", "//organizations//acme/nodes/", emptyHash, "2024-01-01T00:00:00Z", 1))
                .isEqualTo(goldenCanonical(v));
    }

    @Test
    void jdkAndOpenSslEnginesProduceIdenticalSignatures() {
        assertThat(OpenSslRsa.unavailableReason())
                .as("the OpenSSL bridge must load in the test JVM (built with gcc, run with native access)")
                .isNull();
        ChefKey key = testKey();
        var jdk = new JdkRsa((java.security.interfaces.RSAPrivateCrtKey) privateKeyOf(key));
        byte[] msg = "Method:GET\nPath:/nodes".getBytes(StandardCharsets.UTF_8);

        assertThat(key.ops().signSha256(msg)).isEqualTo(jdk.signSha256(msg));
        assertThat(key.ops().privateEncrypt(msg)).isEqualTo(jdk.privateEncrypt(msg));
        assertThat(key.signingEngine()).startsWith("OpenSSL 3");
    }

    @Test
    void canonicalPath_collapsesSlashesAndDropsOneTrailingSlashAndTheQuery() {
        assertThat(RequestSigner.canonicalPath("//nodes")).isEqualTo("/nodes");
        assertThat(RequestSigner.canonicalPath("/nodes/")).isEqualTo("/nodes");
        assertThat(RequestSigner.canonicalPath("/")).isEqualTo("/");
        assertThat(RequestSigner.canonicalPath("/search/node?q=role:web&rows=5")).isEqualTo("/search/node");
    }

    @Test
    void sign_alwaysSendsTheServerApiVersionItSigned() {
        RequestSigner signer = new RequestSigner("admin", testKey(), SigningVersion.V1_3, ORACLE_TIME);

        assertThat(signer.sign("GET", "/nodes", new byte[0], 2).headers())
                .containsEntry("X-Ops-Server-API-Version", "2");
    }

    @Test
    void sign_protocol10_refusesACanonicalStringLongerThanTheKeyCanEncrypt() {
        RequestSigner signer = new RequestSigner("u".repeat(200), testKey(), SigningVersion.V1_0, ORACLE_TIME);

        assertThatThrownBy(() -> signer.sign("GET", "/nodes", new byte[0], 1))
                .isInstanceOf(ChefKeyException.class)
                .hasMessageContaining("use signing protocol 1.3");
    }

    @Test
    void signedHeadersToString_neverShowsTheSignature() {
        SignedHeaders h = new RequestSigner("admin", testKey(), SigningVersion.V1_1, ORACLE_TIME)
                .sign("GET", "/nodes", new byte[0], 1);

        assertThat(h.toString()).contains("X-Ops-Userid=admin").doesNotContain(h.headers().get("X-Ops-Authorization-1"));
    }

    private static java.security.PrivateKey privateKeyOf(ChefKey key) {
        try {
            return dev.galley.chef.internal.crypto.PemKeys.privateKey(key.privateKeyPem());
        } catch (dev.galley.chef.internal.crypto.PemKeys.KeyFormatException e) {
            throw new AssertionError(e);
        }
    }
}
