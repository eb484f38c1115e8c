package dev.galley.cli;

import dev.galley.chef.ChefKey;
import dev.galley.knife.Console;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * A hidden command the launcher runs once per build to record an AppCDS archive: it runs typical commands end to
 * end (knife configuration in a throwaway home, signing, a request to a throwaway in-process answerer on loopback,
 * JSON output), so that later starts map those classes instead of loading them one by one.
 */
@Command(name = "__cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
    /** Command lines that touch the classes everyday commands load; "@" stands for the config file. */
    static final List<List<String>> TRAINING = List.of(
            List.of("--help"),
            List.of("-c", "@", "raw", "/nodes"),
            List.of("-c", "@", "-F", "json", "raw", "/nodes/training"),
            List.of("-c", "@", "config", "show"));

    private final Console console;

    CdsTrainingCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("galley-cds-");
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answer(server));
            Path chef = Files.createDirectories(home.resolve(".chef"));
            Files.writeString(chef.resolve("training.pem"), ChefKey.generate(2048).privateKeyPem());
            Path config = Files.writeString(chef.resolve("config.rb"), """
                    current_dir = File.dirname(__FILE__)
                    node_name "training"
                    client_key "#{current_dir}/training.pem"
                    chef_server_url "http://127.0.0.1:%d"
                    knife[:editor] = ENV.fetch('EDITOR', 'vi')
                    """.formatted(server.getLocalPort()));
            Files.writeString(chef.resolve("credentials"), "[default]\nclient_name = \"training\"\n");
            for (List<String> line : TRAINING) {
                String[] args = line.stream().map(a -> a.equals("@") ? config.toString() : a).toArray(String[]::new);
                Console quiet = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                        new ByteArrayInputStream(new byte[0]), Map.of("HOME", home.toString()), home, home, false);
                Main.run(quiet, args);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        SshTraining.run();
        console.out().println("trained");
        return ExitCodes.OK;
    }

    /** Answers every request on every connection with a small node document, until the socket closes. */
    private static void answer(ServerSocket server) {
        byte[] body = "{\"name\":\"training\",\"chef_environment\":\"_default\",\"run_list\":[\"recipe[a]\"],\"normal\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (skipRequest(in)) {
                    out.write(head);
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static boolean skipRequest(InputStream in) throws IOException {
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return true;
    }
}
