package dev.galley.chef.internal.cookbook;

import static dev.galley.chef.internal.cookbook.ScriptedTransport.API;
import static dev.galley.chef.internal.cookbook.ScriptedTransport.SERVER;
import static dev.galley.chef.internal.cookbook.ScriptedTransport.json;
import static dev.galley.chef.internal.cookbook.ScriptedTransport.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.chef.ChefApiException;
import dev.galley.chef.ChefClient;
import dev.galley.chef.ChefConflictException;
import dev.galley.chef.ChefForbiddenException;
import dev.galley.chef.ChefServerUrl;
import dev.galley.chef.CookbookUpload;
import dev.galley.chef.Cookbooks;
import dev.galley.chef.RequestSigner;
import dev.galley.chef.RetryPolicy;
import dev.galley.chef.SigningVersion;
import dev.galley.chef.internal.ChefHttp;
import dev.galley.chef.internal.Json;
import dev.galley.chef.spi.TransportRequest;
import dev.galley.chef.spi.TransportResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload conversation, checked request by request against a scripted erchef-like server. */
class CookbookUploadProtocolTest {
    static final String S3 = "https://s3.example.com/bookshelf/";

    @TempDir
    Path cookbook;

    @BeforeEach
    void cookbook() throws IOException {
        Files.writeString(cookbook.resolve("metadata.json"),
                "{\"name\":\"demo\",\"version\":\"1.0.0\",\"dependencies\":{\"apt\":\">= 7.0.0\"}}");
        Files.createDirectories(cookbook.resolve("recipes"));
        Files.writeString(cookbook.resolve("recipes/default.rb"), "package 'demo'\n");
        Files.writeString(cookbook.resolve("README.md"), "# demo\n");
    }

    /**
     * A server with API versions 0..maxApi that already holds the README's content and hands out file URLs from
     * {@code fileUrls} (MD5 → URL); the commit answers come from {@code commits}, then 200.
     */
    static Function<TransportRequest, TransportResponse> server(int maxApi, Function<String, String> fileUrls,
            Deque<Integer> commits, Function<TransportRequest, TransportResponse> manifestPut) {
        String readme = Checksums.md5Hex("# demo\n".getBytes(StandardCharsets.UTF_8));
        return r -> {
            String path = r.uri().getRawPath();
            if (r.method().equals("POST") && path.equals(API + "/sandboxes")) {
                ObjectNode answer = Json.MAPPER.createObjectNode();
                answer.put("sandbox_id", "sb1").put("uri", SERVER + "/sandboxes/sb1");
                ObjectNode checksums = answer.putObject("checksums");
                tree(r.body()).path("checksums").fieldNames().forEachRemaining(md5 -> {
                    ObjectNode c = checksums.putObject(md5).put("needs_upload", !md5.equals(readme));
                    if (!md5.equals(readme)) {
                        c.put("url", fileUrls.apply(md5));
                    }
                });
                return json(201, answer.toString(), maxApi);
            }
            if (r.method().equals("PUT") && path.equals(API + "/sandboxes/sb1")) {
                Integer status = commits.poll();
                return status == null ? json(200, "{\"guid\":\"sb1\",\"is_completed\":true}", maxApi)
                        : json(status, "{\"error\":[\"checksums not uploaded yet\"]}", maxApi);
            }
            if (r.method().equals("PUT") && path.startsWith(API + "/cookbooks/")) {
                return manifestPut.apply(r);
            }
            if (r.method().equals("PUT") && !path.startsWith(API + "/")) {
                return raw(200, "text/plain", new byte[0]);
            }
            if (r.method().equals("PUT") && path.startsWith(API + "/file_store/")) {
                return json(200, "{}", maxApi);
            }
            return json(404, "{\"error\":[\"no such thing\"]}", maxApi);
        };
    }

    static Function<TransportRequest, TransportResponse> created(int maxApi) {
        return r -> json(201, new String(r.body(), StandardCharsets.UTF_8), maxApi);
    }

    static String presigned(String md5) {
        return S3 + "checksum-" + md5 + "?AWSAccessKeyId=AKIDEXAMPLE&Expires=1700000000&Signature=SECRETSIG";
    }

    @Test
    void upload_sendsOnlyMissingFiles_toPresignedUrls_unsigned_asChefSendsThem() throws IOException {
        ScriptedTransport t = new ScriptedTransport(server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(), created(2)));
        CookbookUpload result;
        try (ChefClient chef = t.client()) {
            result = chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        }

        assertThat(result.filesUploaded()).containsExactly("metadata.json", "recipes/default.rb");
        assertThat(result.filesPresent()).containsExactly("README.md");
        JsonNode sandbox = tree(t.to("POST", SERVER + "/sandboxes").get(0).body());
        assertThat(sandbox.path("checksums").size()).isEqualTo(3);
        sandbox.path("checksums").forEach(v -> assertThat(v.isNull()).isTrue());

        List<TransportRequest> puts = t.to("PUT", S3);
        assertThat(puts).hasSize(2);
        assertThat(new String(puts.stream().filter(p -> p.uri().toString().contains(md5("package 'demo'\n")))
                .findFirst().orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("package 'demo'\n");
        for (TransportRequest put : puts) {
            assertThat(put.headers()).containsEntry("Content-Type", "application/x-binary");
            assertThat(put.headers().get("Content-MD5")).isEqualTo(Base64.getEncoder().encodeToString(
                    HexFormat.of().parseHex(Checksums.md5Hex(put.body()))));
            assertThat(put.uri().getRawQuery()).contains("Signature=SECRETSIG");
            assertThat(ScriptedTransport.hasChefSignature(put)).isFalse();
        }
    }

    @Test
    void upload_underApiV2_savesAnAllFilesManifest_afterTheCommit() throws IOException {
        ScriptedTransport t = new ScriptedTransport(server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(), created(2)));
        try (ChefClient chef = t.client()) {
            chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        }

        List<String> order = t.requests.stream().filter(r -> r.uri().toString().startsWith(SERVER))
                .map(r -> r.method() + " " + r.uri().getRawPath().substring(API.length())).toList();
        assertThat(order).containsExactly("POST /sandboxes", "PUT /sandboxes/sb1", "PUT /cookbooks/demo/1.0.0");
        assertThat(tree(t.to("PUT", SERVER + "/sandboxes/sb1").get(0).body()))
                .isEqualTo(Json.MAPPER.readTree("{\"is_completed\":true}"));
        TransportRequest save = t.to("PUT", SERVER + "/cookbooks/").get(0);
        assertThat(save.headers()).containsEntry("X-Ops-Server-API-Version", "2");
        assertThat(save.uri().getRawQuery()).isNull();
        JsonNode manifest = tree(save.body());
        assertThat(manifest.has("recipes")).isFalse();
        assertThat(manifest.path("all_files").findValuesAsText("name"))
                .containsExactlyInAnyOrder("root_files/README.md", "root_files/metadata.json", "recipes/default.rb");
        assertThat(manifest.path("frozen?").asBoolean()).isFalse();
        assertThat(manifest.path("metadata").path("dependencies").path("apt").asText()).isEqualTo(">= 7.0.0");
    }

    @Test
    void upload_toAServerWithApiV1_sendsSegments_andSignsUploadsUnderChefServerUrl() throws IOException {
        ScriptedTransport t = new ScriptedTransport(server(1, md5 -> SERVER + "/file_store/" + md5,
                new ArrayDeque<>(), created(1)));
        try (ChefClient chef = t.client()) {
            chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        }

        List<TransportRequest> files = t.to("PUT", SERVER + "/file_store/");
        assertThat(files).hasSize(2).allSatisfy(put -> {
            assertThat(put.headers()).containsEntry("X-Ops-Userid", "alice").containsKey("X-Ops-Authorization-1");
            assertThat(put.headers()).containsEntry("Content-Type", "application/x-binary");
        });
        TransportRequest save = t.to("PUT", SERVER + "/cookbooks/").get(0);
        assertThat(save.headers()).containsEntry("X-Ops-Server-API-Version", "1");
        JsonNode manifest = tree(save.body());
        assertThat(manifest.has("all_files")).isFalse();
        assertThat(manifest.path("recipes").findValuesAsText("path")).containsExactly("recipes/default.rb");
        assertThat(manifest.path("root_files").findValuesAsText("name")).containsExactly("README.md", "metadata.json");
    }

    @Test
    void commit_isRetriedWhileTheServerAnswers503Or400() throws IOException {
        ScriptedTransport t = new ScriptedTransport(server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(List.of(503, 503, 503, 400, 503)), created(2)));
        try (ChefClient chef = t.client()) {
            chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        }

        assertThat(t.to("PUT", SERVER + "/sandboxes/sb1")).hasSize(6);
        assertThat(t.to("PUT", SERVER + "/cookbooks/")).hasSize(1);
    }

    @Test
    void commit_givesUp_whenTheServerNeverSeesTheFilesBeforeTheDeadline() throws IOException {
        Deque<Integer> forever = new ArrayDeque<>() {
            @Override
            public Integer poll() {
                return 400;
            }
        };
        ScriptedTransport t = new ScriptedTransport(server(2, CookbookUploadProtocolTest::presigned, forever,
                created(2)));
        ChefHttp http = new ChefHttp(ChefServerUrl.parse(SERVER), new RequestSigner("alice",
                ScriptedTransport.testKey(), SigningVersion.V1_3, Clock.systemUTC()), t, RetryPolicy.none(),
                Duration.ofSeconds(5), "18.0.0");
        CookbookUploader uploader = new CookbookUploader(http, Duration.ofMillis(600));

        assertThatThrownBy(() -> uploader.upload(cookbook, Cookbooks.UploadOptions.defaults()))
                .isInstanceOf(ChefApiException.class)
                .hasMessageStartingWith("the server did not accept the uploaded files of demo 1.0.0 within 600 ms")
                .hasMessageContaining("checksums not uploaded yet")
                .hasMessageEndingWith("upload again, and if it keeps failing check the server's file store")
                .hasMessageNotContaining("\n");
        assertThat(t.to("PUT", SERVER + "/cookbooks/")).isEmpty();
    }

    @Test
    void upload_ofAFrozenVersion_raisesConflictSayingFrozenAndWhatToDo() {
        ScriptedTransport t = new ScriptedTransport(server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(), r -> json(409, "{\"error\":[\"The cookbook demo at version 1.0.0 is frozen. Use "
                        + "the 'force' option to override.\"]}", 2)));
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults()))
                    .isInstanceOf(ChefConflictException.class)
                    .hasMessageStartingWith("cookbook demo 1.0.0 is frozen on the server and cannot be overwritten")
                    .hasMessageEndingWith("bump the version in its metadata, or upload with --force")
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(((ChefConflictException) e).status()).isEqualTo(409));
        }
    }

    @Test
    void upload_withForceAndFreeze_addsForceTrue_andMarksTheManifestFrozen() throws IOException {
        ScriptedTransport t = new ScriptedTransport(server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(), created(2)));
        CookbookUpload result;
        try (ChefClient chef = t.client()) {
            result = chef.cookbooks().upload(cookbook, new Cookbooks.UploadOptions(true, true, 1));
        }

        TransportRequest save = t.to("PUT", SERVER + "/cookbooks/").get(0);
        assertThat(save.uri().getRawQuery()).isEqualTo("force=true");
        assertThat(tree(save.body()).path("frozen?").asBoolean()).isTrue();
        assertThat(result.frozen()).isTrue();
    }

    @Test
    void fileUpload_isRetried_afterAServerError() throws IOException {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Function<TransportRequest, TransportResponse> base = server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(), created(2));
        ScriptedTransport t = new ScriptedTransport(r -> r.uri().toString().startsWith(S3)
                && failedOnce.add(r.uri().getRawPath()) ? raw(500, "application/xml", "<Error/>".getBytes()) : base.apply(r));
        try (ChefClient chef = t.client()) {
            chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults());
        }

        assertThat(t.to("PUT", S3)).hasSize(4);
        assertThat(t.to("PUT", SERVER + "/cookbooks/")).hasSize(1);
    }

    @Test
    void fileUpload_refused_namesTheFile_andKeepsThePresignatureOutOfTheMessage() {
        Function<TransportRequest, TransportResponse> base = server(2, CookbookUploadProtocolTest::presigned,
                new ArrayDeque<>(), created(2));
        ScriptedTransport t = new ScriptedTransport(r -> r.uri().toString().startsWith(S3)
                ? raw(403, "application/xml", ("<Error><Code>AccessDenied</Code><Message>Request has expired"
                        + "</Message></Error>").getBytes(StandardCharsets.UTF_8))
                : base.apply(r));
        try (ChefClient chef = t.client()) {
            assertThatThrownBy(() -> chef.cookbooks().upload(cookbook, Cookbooks.UploadOptions.defaults()))
                    .isInstanceOf(ChefForbiddenException.class)
                    .hasMessageStartingWith("PUT " + S3 + "checksum-")
                    .hasMessageContaining(" of demo 1.0.0) answered 403: <Error><Code>AccessDenied</Code>")
                    .hasMessageNotContaining("SECRETSIG")
                    .hasMessageNotContaining("AKIDEXAMPLE")
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("(metadata.json of", "(recipes/default.rb of"));
        }
        assertThat(t.to("PUT", SERVER + "/cookbooks/")).isEmpty();
    }

    private static String md5(String content) {
        return Checksums.md5Hex(content.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode tree(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
