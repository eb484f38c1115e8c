package dev.galley.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP/1.1 proxy on loopback in front of a real server that injects network faults on request: answer a status
 * itself (a 503, a 429 with Retry-After), reset the connection, or hold the answer back. With no fault queued it
 * forwards the request unchanged. Each connection carries one request ({@code Connection: close}), so a fault
 * applies to exactly one request.
 */
public final class FaultProxy implements AutoCloseable {
    /** What to do with one request. */
    public sealed interface Fault {
        /** Answer this status, headers and body instead of the server. */
        record Respond(int status, Map<String, String> headers, String body) implements Fault {
        }

        /** Read the request, then reset the connection (TCP RST) without answering. */
        record Reset() implements Fault {
        }

        /** Forward the request, but hold the server's answer back this long. */
        record Delay(Duration delay) implements Fault {
        }
    }

    /** One request the proxy saw: method, path, and the fault applied (null when forwarded unchanged). */
    public record Seen(String method, String path, Fault fault) {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FaultProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Starts a proxy on a free loopback port forwarding to 127.0.0.1:targetPort. */
    public static FaultProxy start(int targetPort) {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            FaultProxy proxy = new FaultProxy(s, targetPort);
            proxy.workers.submit(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new LabException("cannot start the fault proxy: " + e.getMessage(), e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Queues faults for the next requests, in order. */
    public FaultProxy then(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    public static Fault respond(int status, String body) {
        return new Fault.Respond(status, Map.of("Content-Type", "application/json"), body);
    }

    public static Fault reset() {
        return new Fault.Reset();
    }

    public static Fault delay(Duration d) {
        return new Fault.Delay(d);
    }

    /** Every request seen so far, in order. */
    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                Socket client = listener.accept();
                workers.submit(() -> handle(client));
            } catch (IOException e) {
                if (!closed.get()) {
                    continue;
                }
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            byte[] request = readRequest(client.getInputStream());
            if (request.length == 0) {
                return;
            }
            String head = new String(request, 0, Math.min(request.length, 2048), StandardCharsets.ISO_8859_1);
            String[] line = head.substring(0, Math.max(0, head.indexOf("\r\n"))).split(" ");
            Fault fault = faults.poll();
            seen.add(new Seen(line.length > 0 ? line[0] : "", line.length > 1 ? line[1] : "", fault));
            switch (fault) {
                case Fault.Respond r -> respond(client.getOutputStream(), r);
                case Fault.Reset r -> {
                    client.setSoLinger(true, 0); // close() now sends RST
                }
                case Fault.Delay d -> {
                    byte[] answer = forward(request);
                    Thread.sleep(d.delay());
                    client.getOutputStream().write(answer);
                }
                case null -> client.getOutputStream().write(forward(request));
            }
            client.getOutputStream().flush();
        } catch (IOException e) {
            // the client went away (e.g. it timed out during a Delay): nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(OutputStream out, Fault.Respond r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(r.status()).append(" Injected\r\n");
        r.headers().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
    }

    /** Sends the request to the target on a fresh connection and returns its whole answer. */
    private byte[] forward(byte[] request) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            upstream.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            upstream.getOutputStream().write(request);
            upstream.getOutputStream().flush();
            return upstream.getInputStream().readAllBytes();
        }
    }

    /** Reads one request (head and Content-Length body) and rewrites it to close the connection afterwards. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return new byte[0];
            }
            headBytes.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : (b == '\r' ? 1 : 0);
        }
        String head = headBytes.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        StringBuilder rewritten = new StringBuilder();
        for (String h : head.split("\r\n")) {
            if (h.isEmpty()) {
                continue;
            }
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(h.indexOf(':') + 1).strip());
            }
            if (lower.startsWith("connection:") || lower.startsWith("keep-alive:")) {
                continue;
            }
            rewritten.append(h).append("\r\n");
        }
        rewritten.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(in.readNBytes(length));
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing a listener cannot fail in a way that matters here
            }
            workers.shutdownNow();
        }
    }
}
