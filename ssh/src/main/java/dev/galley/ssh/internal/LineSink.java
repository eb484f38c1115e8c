package dev.galley.ssh.internal;

import dev.galley.ssh.OutputLine;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The stream JSch writes a channel's output into: cut into lines (LF or CRLF) and handed on as they complete; the
 * last, unterminated line when the stream closes. Very long lines are handed on in pieces of {@link #MAX_LINE}.
 */
final class LineSink extends OutputStream {
    static final int MAX_LINE = 64 * 1024;

    private final OutputLine.Stream stream;
    private final Consumer<OutputLine> lines;
    private final Runnable onClose;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean closed;

    LineSink(OutputLine.Stream stream, Consumer<OutputLine> lines, Runnable onClose) {
        this.stream = stream;
        this.lines = lines;
        this.onClose = onClose;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            pending.write(b);
            if (pending.size() >= MAX_LINE) {
                emit();
            }
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                pending.write(b, start, i - start);
                emit();
                start = i + 1;
            } else if (pending.size() + (i - start) >= MAX_LINE) {
                pending.write(b, start, i - start);
                emit();
                start = i;
            }
        }
        pending.write(b, start, off + len - start);
    }

    private void emit() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        lines.accept(new OutputLine(stream, new String(bytes, 0, n, StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pending.size() > 0) {
            emit();
        }
        onClose.run();
    }
}
