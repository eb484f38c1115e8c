package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectEditorTest {
    @TempDir
    Path dir;

    static final ObjectNode TEMPLATE = JsonNodeFactory.instance.objectNode().put("name", "web1");

    KnifeSession session(boolean terminal, Map<String, String> env, boolean disableEditing) {
        KnifeOptions options = new KnifeOptions();
        options.disableEditing = disableEditing;
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), env, dir, dir, terminal);
        return new KnifeSession(console, options);
    }

    Path script(String body) throws Exception {
        Path p = dir.resolve("editor.sh");
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void edit_runsTheEditorOnTheJson_andReadsWhatItSaved() throws Exception {
        // The "editor" checks it got the template, then writes a changed node into the file it was given.
        Path editor = script("grep -q '\"name\": \"web1\"' \"$1\" || exit 9\n"
                + "printf '{\"name\": \"web1\", \"run_list\": [\"recipe[x]\"]}' > \"$1\"\n");

        ObjectNode edited = ObjectEditor.edit(editor.toString(), TEMPLATE);

        assertThat(edited.get("run_list").get(0).asText()).isEqualTo("recipe[x]");
    }

    @Test
    void edit_aFailingEditor_orBrokenJson_changesNothing() throws Exception {
        Path failing = script("exit 3\n");
        Path breaking = dir.resolve("breaking.sh");
        Files.writeString(breaking, "#!/bin/sh\nprintf '{\"name\": ' > \"$1\"\n");
        Files.setPosixFilePermissions(breaking, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> ObjectEditor.edit(failing.toString(), TEMPLATE))
                .hasMessage("the editor (" + failing + ") exited with code 3: nothing was changed");
        assertThatThrownBy(() -> ObjectEditor.edit(breaking.toString(), TEMPLATE))
                .hasMessageStartingWith("the edited JSON is not valid JSON at line 1");
    }

    @Test
    void obtain_usesVisualBeforeEditor_onlyOnATerminal() throws Exception {
        Path visual = script("printf '{\"name\": \"from-visual\"}' > \"$1\"\n");
        Map<String, String> env = Map.of("VISUAL", visual.toString(), "EDITOR", "false");

        assertThat(ObjectEditor.obtain(session(true, env, false), null, TEMPLATE, "node edit").get("name").asText())
                .isEqualTo("from-visual");
        assertThatThrownBy(() -> ObjectEditor.obtain(session(false, env, false), null, TEMPLATE, "node edit"))
                .hasMessageStartingWith("'galley node edit' needs --input FILE");
    }

    @Test
    void obtain_takesTheInputFile_orTheTemplateWithDisableEditing() throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), "{\"name\": \"from-file\"}");

        assertThat(ObjectEditor.obtain(session(false, Map.of(), false), Path.of("in.json"), TEMPLATE, "node create")
                .get("name").asText()).isEqualTo("from-file");
        assertThat(ObjectEditor.obtain(session(false, Map.of(), true), null, TEMPLATE, "node create"))
                .isSameAs(TEMPLATE);
        assertThat(input).exists();
    }
}
