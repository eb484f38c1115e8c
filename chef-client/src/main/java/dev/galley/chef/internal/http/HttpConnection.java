package dev.galley.chef.internal.http;

import dev.galley.chef.spi.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection: writes a request, reads the whole response (Content-Length, chunked, or until close),
 * and says whether the connection may carry another request. Used by one thread at a time.
 */
final class HttpConnection implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 256;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long lastUsed = System.nanoTime();
    private boolean broken;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** The answer to one exchange, and whether the connection can be used again. */
    record Result(TransportResponse response, boolean reusable) {
    }

    /** Thrown when the connection failed before any byte of the answer arrived (a stale keep-alive connection). */
    static final class NothingReceived extends IOException {
        private static final long serialVersionUID = 1L;

        NothingReceived(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Nanoseconds since the connection was last used. */
    long idleNanos() {
        return System.nanoTime() - lastUsed;
    }

    boolean broken() {
        return broken || socket.isClosed();
    }

    /**
     * Sends one request and reads its answer.
     *
     * @param target  the request target: origin form ("/nodes?x=1"), or absolute form through an HTTP proxy
     * @param host    the Host header value
     * @param headers the request's headers (never Host or Content-Length)
     */
    Result exchange(String method, String target, String host, Map<String, String> headers, byte[] body,
            Duration readTimeout) throws IOException {
        boolean answered = false;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, readTimeout.toMillis())));
            writeRequest(method, target, host, headers, body);
            int first = peek();
            if (first < 0) {
                throw new EOFException("the server closed the connection without answering");
            }
            answered = true;
            Result r = readResponse(method);
            lastUsed = System.nanoTime();
            if (!r.reusable()) {
                close();
            }
            return r;
        } catch (SocketTimeoutException e) {
            broken = true;
            throw e; // a timeout is not a stale connection: the server may still be working on the request
        } catch (IOException e) {
            broken = true;
            throw answered ? e : new NothingReceived(e);
        }
    }

    private void writeRequest(String method, String target, String host, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(512 + 64 * headers.size());
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body.length > 0 || method.equals("PUT") || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body.length <= 64 * 1024) {
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            out.write(all); // one segment for small requests
        } else {
            out.write(h);
            out.write(body);
        }
        out.flush();
    }

    /**
     * Writes a CONNECT request (for an HTTPS tunnel through a proxy) and reads the proxy's answer.
     */
    TransportResponse connect(String authority, Map<String, String> headers, Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        writeRequest("CONNECT", authority, authority, headers, new byte[0]);
        return readResponse("CONNECT").response();
    }

    private Result readResponse(String method) throws IOException {
        while (true) {
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: '" + shorten(statusLine) + "'");
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: '" + shorten(statusLine) + "'");
            }
            Map<String, List<String>> headers = readHeaders();
            if (status >= 100 && status < 200) {
                continue; // an interim answer (100 Continue, 103 Early Hints): the real one follows
            }
            boolean http10 = parts[0].equals("HTTP/1.0");
            String connection = first(headers, "connection").toLowerCase(Locale.ROOT);
            boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
            byte[] body;
            boolean noBody = method.equals("HEAD") || status == 204 || status == 304
                    || (method.equals("CONNECT") && status / 100 == 2);
            if (noBody) {
                body = new byte[0];
            } else if (first(headers, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
                body = readChunked();
            } else if (!first(headers, "content-length").isEmpty()) {
                long length;
                try {
                    length = Long.parseLong(first(headers, "content-length").strip());
                } catch (NumberFormatException e) {
                    throw new IOException("a malformed Content-Length: " + first(headers, "content-length"));
                }
                if (length < 0 || length > Integer.MAX_VALUE - 16) {
                    throw new IOException("a Content-Length out of range: " + length);
                }
                body = readFully((int) length);
            } else {
                body = readToEnd();
                keepAlive = false;
            }
            return new Result(new TransportResponse(status, headers, body), keepAlive && !broken);
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (n >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines in the answer");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("a malformed header line: '" + shorten(line) + "'");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
    }

    private static String first(Map<String, List<String>> headers, String lowerName) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(lowerName) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return "";
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        while (true) {
            String line = readLine();
            int semi = line.indexOf(';');
            String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("a malformed chunk size: '" + shorten(line) + "'");
            }
            if (size < 0) {
                throw new IOException("a negative chunk size");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: not used by the Chef API
                }
                return body.toByteArray();
            }
            body.write(readFully(size));
            if (!readLine().isEmpty()) {
                throw new IOException("a chunk not followed by CRLF");
            }
        }
    }

    private int peek() throws IOException {
        if (pos < limit) {
            return buf[pos] & 0xff;
        }
        return fill() ? buf[pos] & 0xff : -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos >= limit && !fill()) {
                throw new EOFException("the connection closed in the middle of the answer");
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            line.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
            if (line.length() > MAX_LINE) {
                throw new IOException("an answer line longer than " + MAX_LINE + " bytes");
            }
            if (pos < limit) {
                pos++; // the '\n'
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
        }
    }

    private byte[] readFully(int length) throws IOException {
        byte[] out = new byte[length];
        int have = Math.min(length, limit - pos);
        System.arraycopy(buf, pos, out, 0, have);
        pos += have;
        while (have < length) {
            int n = in.read(out, have, length - have);
            if (n < 0) {
                throw new EOFException("the connection closed after " + have + " of " + length + " body bytes");
            }
            have += n;
        }
        return out;
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        body.write(buf, pos, limit - pos);
        pos = limit;
        body.write(in.readAllBytes());
        return body.toByteArray();
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Override
    public void close() {
        broken = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do about a socket that will not close
        }
    }
}
