package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.core.GalleyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectFilesTest {
    @TempDir
    Path dir;

    static ObjectNode parse(String text) {
        return ObjectFiles.parse(text.getBytes(StandardCharsets.UTF_8), "f.json");
    }

    @Test
    void parse_namesTheLineAndColumnWhereTheJsonBreaks() {
        assertThatThrownBy(() -> parse("{\n  \"name\": \"a\"\n  \"run_list\": []\n}"))
                .isInstanceOf(GalleyException.class)
                .hasMessageStartingWith("f.json is not valid JSON at line 3, column 3: Unexpected character");
    }

    @Test
    void parse_refusesNonObjects_andEmptyFiles() {
        assertThatThrownBy(() -> parse("[1]")).hasMessage("f.json holds a JSON array, not an object");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("f.json is empty");
    }

    @Test
    void check_refusesAnotherKind_badNames_badRunLists_andBadConstraints() {
        assertThatThrownBy(() -> ObjectFiles.check("f.json", parse("{\"json_class\": \"Chef::Role\"}"),
                ObjectKind.NODE)).hasMessage("f.json holds a Chef::Role, not a node");
        assertThatThrownBy(() -> ObjectFiles.check("f.json", parse("{\"name\": \"a b\"}"), ObjectKind.ROLE))
                .hasMessageContaining("'a b' is not a valid role name");
        assertThatThrownBy(() -> ObjectFiles.check("f.json", parse("{\"run_list\": \"recipe[a]\"}"),
                ObjectKind.NODE)).hasMessageContaining("\"run_list\" must be an array");
        assertThatThrownBy(() -> ObjectFiles.check("f.json", parse("{\"env_run_lists\": {\"prod\": [1]}}"),
                ObjectKind.ROLE)).hasMessageContaining("\"env_run_lists.prod\" holds 1");
        assertThatThrownBy(() -> ObjectFiles.check("f.json", parse("{\"cookbook_versions\": {\"a\": \">> 1\"}}"),
                ObjectKind.ENVIRONMENT)).hasMessageContaining("'>> 1' for cookbook a is not a version constraint");
    }

    @Test
    void check_acceptsChefsConstraintOperators_andNodeNamesWithDots() {
        ObjectFiles.check("f.json", parse("{\"cookbook_versions\": {\"a\": \"= 1.0.0\", \"b\": \"~> 2.1\", "
                + "\"c\": \">= 0.1\", \"d\": \"1.2.3\", \"e\": \"< 3.0\"}}"), ObjectKind.ENVIRONMENT);
        ObjectFiles.check("f.json", parse("{\"name\": \"web1.example.com\"}"), ObjectKind.NODE);
    }

    @Test
    void checkNamed_fillsInAMissingName_andRefusesAnother() {
        assertThat(ObjectFiles.checkNamed("f.json", parse("{}"), ObjectKind.NODE, "web1").get("name").asText())
                .isEqualTo("web1");
        assertThatThrownBy(() -> ObjectFiles.checkNamed("f.json", parse("{\"name\": \"web2\"}"), ObjectKind.NODE,
                "web1")).hasMessageStartingWith("f.json is node[web2], not node[web1]: Galley does not rename");
    }

    @Test
    void locate_findsTheFileAsGiven_elseInTheRepoDirectory() throws Exception {
        Files.createDirectories(dir.resolve("roles"));
        Path inRepo = Files.writeString(dir.resolve("roles/web.json"), "{}");
        Path given = Files.writeString(dir.resolve("db.json"), "{}");

        assertThat(ObjectFiles.locate(dir, ObjectKind.ROLE, "web.json")).isEqualTo(inRepo);
        assertThat(ObjectFiles.locate(dir, ObjectKind.ROLE, "db.json")).isEqualTo(given);
        assertThatThrownBy(() -> ObjectFiles.locate(dir, ObjectKind.ROLE, "nope.json"))
                .hasMessage("cannot find file 'nope.json' in the current directory or in 'roles/nope.json'");
    }

    @Test
    void readNamed_refusesRubyAndOtherExtensions_andNamelessFiles() throws Exception {
        Path ruby = Files.writeString(dir.resolve("web.rb"), "name 'web'\n");
        Path yaml = Files.writeString(dir.resolve("web.yml"), "name: web\n");
        Path nameless = Files.writeString(dir.resolve("web.json"), "{\"description\": \"x\"}");

        assertThatThrownBy(() -> ObjectFiles.readNamed(ruby, ObjectKind.ROLE))
                .hasMessageStartingWith(ruby + " is a Ruby file: Galley reads JSON only and never runs Ruby");
        assertThatThrownBy(() -> ObjectFiles.readNamed(yaml, ObjectKind.ROLE))
                .hasMessage(yaml + ": a role file must end in .json");
        assertThatThrownBy(() -> ObjectFiles.readNamed(nameless, ObjectKind.ROLE))
                .hasMessageContaining("has no \"name\"");
    }
}
