package dev.galley.knife;

import dev.galley.core.GalleyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Questions knife asks on the terminal (which version?), asked on stderr and answered on stdin.
 */
final class Prompts {
    private Prompts() {
    }

    /**
     * Asks and returns the answer line, stripped.
     *
     * @param ifNoAnswer what to tell the user when stdin gives no answer (a script): how to ask without a question
     * @throws GalleyException (bad input) when there is no answer
     */
    static String ask(KnifeSession session, String question, String ifNoAnswer) {
        session.console().err().print(question + "\n");
        session.console().err().flush();
        String line = readLine(session.console().in());
        if (line == null || line.isBlank()) {
            throw GalleyException.badInput("no answer: " + ifNoAnswer);
        }
        return line.strip();
    }

    /** One line, read byte by byte so that later questions still find their answers on the stream. */
    static String readLine(InputStream in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    return b.toString(StandardCharsets.UTF_8);
                }
                b.write(c);
            }
        } catch (IOException e) {
            return null;
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }
}
