package dev.galley.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.galley.ssh.OutputLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cutting a channel's bytes into lines as they arrive. */
class LineSinkTest {
    final List<String> lines = new ArrayList<>();
    final AtomicInteger closes = new AtomicInteger();
    final LineSink sink = new LineSink(OutputLine.Stream.STDOUT, l -> lines.add(l.text()), closes::incrementAndGet);

    @Test
    void handsOnEachLineAsSoonAsItEnds_acrossWrites() {
        write("one\ntw");
        assertThat(lines).containsExactly("one");

        write("o\r\nthree\n\nfour");
        assertThat(lines).containsExactly("one", "two", "three", "");

        sink.close();
        sink.close();
        assertThat(lines).containsExactly("one", "two", "three", "", "four");
        assertThat(closes).hasValue(1);
    }

    @Test
    void keepsMultiByteCharactersSplitBetweenWrites() {
        byte[] b = bytes("né\n");
        sink.write(b, 0, 2);
        sink.write(b, 2, b.length - 2);

        assertThat(lines).containsExactly("né");
    }

    @Test
    void cutsVeryLongLinesIntoPieces() {
        byte[] big = bytes("x".repeat(LineSink.MAX_LINE + 10) + "\n");
        sink.write(big, 0, big.length);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LineSink.MAX_LINE);
        assertThat(lines.get(1)).hasSize(10);
    }

    private void write(String s) {
        byte[] b = bytes(s);
        sink.write(b, 0, b.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
