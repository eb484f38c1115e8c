package dev.galley.knife;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.core.Fault;
import dev.galley.core.GalleyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The JSON a create or edit stores, as knife's {@code edit_data} gets it: from {@code --input FILE} (Galley's
 * non-interactive way), unchanged with {@code --disable-editing}, or from {@code $VISUAL}/{@code $EDITOR} when
 * Galley runs on a terminal.
 */
final class ObjectEditor {
    private ObjectEditor() {
    }

    /**
     * @param input    the --input file, or null
     * @param template what the editor starts from (and what --disable-editing stores)
     * @param command  "node create", for the message that asks for --input
     */
    static ObjectNode obtain(KnifeSession session, Path input, ObjectNode template, String command) {
        if (input != null) {
            return ObjectFiles.parse(session.console().cwd().resolve(input));
        }
        if (session.options().disableEditing()) {
            return template;
        }
        String editor = editor(session);
        if (editor == null) {
            throw GalleyException.badInput("'galley " + command + "' needs --input FILE with the JSON to store"
                    + " (an editor opens only on a terminal with $EDITOR set)");
        }
        return edit(editor, template);
    }

    /** $VISUAL, else $EDITOR, when there is a terminal to run it on; null otherwise. */
    static String editor(KnifeSession session) {
        if (!session.console().terminal()) {
            return null;
        }
        for (String variable : new String[] {"VISUAL", "EDITOR"}) {
            String value = session.console().env().get(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Runs the editor on a private temporary file holding the JSON, as knife does, and reads the result back. */
    static ObjectNode edit(String editor, ObjectNode template) {
        Path file = null;
        try {
            file = Files.createTempFile("knife-edit-", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Output.json(template) + "\n", StandardCharsets.UTF_8);
            // Through the shell, as knife's system("#{editor} #{file}"), so EDITOR="code --wait" works.
            Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "galley-edit", file.toString())
                    .inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                throw GalleyException.badInput("the editor (" + editor + ") exited with code " + code
                        + ": nothing was changed");
            }
            return ObjectFiles.parse(Files.readAllBytes(file), "the edited JSON");
        } catch (IOException e) {
            throw GalleyException.badInput("cannot run the editor (" + editor + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GalleyException(Fault.UNAVAILABLE, "interrupted while the editor ran: nothing was changed");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temporary file in the system's temp directory; nothing to tell the user
                }
            }
        }
    }
}
