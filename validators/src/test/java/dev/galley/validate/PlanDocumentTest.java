package dev.galley.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanDocumentTest {
    /** A section as a module would define it. */
    record Db(String host, int port, SecretRef password, List<String> tables, Optional<Mode> mode) {
    }

    enum Mode { FAST, SAFE }

    record Section(List<Db> nodes) {
    }

    private static Path plan(Path dir, String yaml) throws Exception {
        return Files.writeString(dir.resolve("plan.yaml"), yaml);
    }

    @Test
    void section_bindsStrictly_andSecretsResolveFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pw"), "s3cret\n");
        PlanDocument p = PlanDocument.read(plan(dir, """
                mysql:
                  nodes:
                    - host: db1
                      port: 3306
                      password: {env: DB1_PW}
                      tables: [a, b]
                    - host: db2
                      port: 3307
                      password: {file: pw}
                      tables: []
                      mode: safe
                """));

        Section s = p.section("mysql", Section.class).orElseThrow();

        assertThat(s.nodes()).extracting(Db::host).containsExactly("db1", "db2");
        assertThat(s.nodes().get(1).mode()).contains(Mode.SAFE);
        assertThat(new String(s.nodes().get(0).password().resolve(Map.of("DB1_PW", "x"), p.directory()).bytes(),
                StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(new String(s.nodes().get(1).password().resolve(Map.of(), p.directory()).bytes(),
                StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(p.section("mongo", Section.class)).isEmpty();
    }

    @Test
    void unknownKey_namesLineColumnPathAndTheKnownKeys(@TempDir Path dir) throws Exception {
        PlanDocument p = PlanDocument.read(plan(dir, """
                mysql:
                  nodes:
                    - host: db1
                      port: 3306
                      pasword: {env: X}
                """));

        assertThatThrownBy(() -> p.section("mysql", Section.class))
                .isInstanceOfSatisfying(GalleyException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BAD_INPUT))
                .hasMessageContaining("plan.yaml:5:7: unknown key 'pasword' in mysql.nodes[0]")
                .hasMessageContaining("the keys there are host, mode, password, port, tables");
    }

    @Test
    void wrongType_namesThePathAndWhatIsAccepted(@TempDir Path dir) throws Exception {
        PlanDocument p = PlanDocument.read(plan(dir, """
                mysql:
                  nodes:
                    - host: db1
                      port: three-three-oh-six
                      password: {env: X}
                """));

        assertThatThrownBy(() -> p.section("mysql", Section.class))
                .hasMessageContaining("plan.yaml:4:")
                .hasMessageContaining("mysql.nodes[0].port must be a whole number, not 'three-three-oh-six'");
    }

    @Test
    void aSecretWrittenInThePlan_isRefused(@TempDir Path dir) throws Exception {
        PlanDocument p = PlanDocument.read(plan(dir, """
                mysql:
                  nodes:
                    - host: db1
                      port: 3306
                      password: hunter2
                """));

        assertThatThrownBy(() -> p.section("mysql", Section.class)).hasMessageContaining("mysql.nodes[0].password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unknownSection_andBrokenYaml_areOneLineWithTheirPlace(@TempDir Path dir) throws Exception {
        PlanDocument p = PlanDocument.read(plan(dir, "mysql: {}\nmongodb: {}\n"));
        assertThatThrownBy(() -> p.requireOnlySections(List.of("mysql", "mongo")))
                .hasMessageContaining("plan.yaml:2:1: unknown plan section 'mongodb'");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "mysql:\n  nodes: [a, b\n");
        assertThatThrownBy(() -> PlanDocument.read(broken)).hasMessageContaining("broken.yaml:")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> PlanDocument.read(dir.resolve("none.yaml"))).hasMessageContaining("does not exist");
    }
}
