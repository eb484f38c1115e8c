package dev.galley.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this Galley build, for {@code --version}, User-Agent headers and report documents.
 */
public final class GalleyVersion {
    private static final String VERSION = read();

    private GalleyVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = GalleyVersion.class.getResourceAsStream("galley.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
