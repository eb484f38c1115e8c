package dev.galley.ssh.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations as messages write them: "250 ms", "1 s", "1.5 s". */
public final class Durations {
    private Durations() {
    }

    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
