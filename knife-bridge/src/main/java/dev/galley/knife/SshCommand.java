package dev.galley.knife;

import dev.galley.core.GalleyException;
import dev.galley.ssh.ExecResult;
import dev.galley.ssh.HostKeyPolicy;
import dev.galley.ssh.KnownHosts;
import dev.galley.ssh.OutputLine;
import dev.galley.ssh.SshClient;
import dev.galley.ssh.SshFanOut;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galley ssh QUERY COMMAND}: one command on every node a search finds (or on a list of hosts), output
 * prefixed by host, as {@code knife ssh}.
 */
@Command(name = "ssh", sortOptions = false,
        description = {"Run a command on the nodes a search finds, or on a list of hosts (-m), as knife ssh does.",
            "",
            "Output lines come prefixed by the node name (knife prefixes the address); the remote stdout goes to "
                    + "stdout and the remote stderr to stderr (knife drops stderr, or mixes it in through a "
                    + "terminal). A summary line ends on stderr.",
            "Exit code: 0 when the command exited 0 everywhere; 3 when it failed on a host (non-zero exit or a "
                    + "signal); else 4 when a host could not be reached, refused its host key or authentication, "
                    + "had no address, or ran past --command-timeout; 2 for bad input. (knife exits with the highest "
                    + "remote exit code and ignores hosts it could not reach.)",
            "Host keys are checked against ~/.ssh/known_hosts: new hosts are added and a changed key is refused "
                    + "(accept_new); knife ssh's net-ssh default also skips the check for 127.0.0.1, Galley never "
                    + "does. No terminal is requested, so sudo cannot prompt for a password."})
public final class SshCommand extends KnifeCommand {
    private static final Set<String> KNIFE_TERMINAL_MODES = Set.of("interactive", "screen", "tmux", "macterm", "cssh");
    private static final int MAX_LISTED_FAILURES = 10;

    @Option(names = {"-x", "--ssh-user"}, paramLabel = "USERNAME",
            description = "The user to log in as (default: knife[:ssh_user], else $USER).")
    String user;

    @Option(names = {"-i", "--ssh-identity-file"}, paramLabel = "IDENTITY_FILE",
            description = "The private key to log in with (default: knife[:ssh_identity_file], else ~/.ssh/id_ed25519,"
                    + " id_ecdsa and id_rsa).")
    Path identityFile;

    @Option(names = {"-a", "--attribute"}, paramLabel = "ATTR",
            description = "The node attribute holding the address, dotted (ipaddress, cloud.public_ipv4). Default: "
                    + "knife[:ssh_attribute], else cloud.public_hostname when set, else fqdn.")
    String attribute;

    @Option(names = "--prefix-attribute", paramLabel = "ATTR",
            description = "The node attribute to prefix output lines with (default: the node name).")
    String prefixAttribute;

    @Option(names = {"-m", "--manual-list"},
            description = "QUERY is a space-separated list of hosts ([user@]host[:port]) instead of a search.")
    boolean manual;

    @Option(names = {"-C", "--concurrency"}, paramLabel = "NUM",
            description = "How many hosts at once (default 50; knife's default is all at once).")
    Integer concurrency;

    @Option(names = {"-p", "--ssh-port"}, paramLabel = "PORT",
            description = "The SSH port for every host (default: knife[:ssh_port], else the node's "
                    + "cloud.public_ssh_port, else 22).")
    Integer port;

    @Option(names = {"-t", "--ssh-timeout"}, paramLabel = "SECONDS",
            description = "How long connecting to a host may take, handshake and login included (default 120, as "
                    + "knife).")
    Integer sshTimeout;

    @Option(names = "--command-timeout", paramLabel = "SECONDS",
            description = "How long the command may run on a host before it is stopped (default 3600).")
    Integer commandTimeout;

    @Option(names = "--ssh-verify-host-key", paramLabel = "VALUE",
            description = "Host key checking: always (must be in known_hosts), accept_new (default: add new hosts, "
                    + "refuse changed keys) or never (no check, with a warning).")
    String verifyHostKey;

    @Option(names = "--host-key-verify", negatable = true,
            description = "knife ssh's switch: --no-host-key-verify is --ssh-verify-host-key never.")
    Boolean hostKeyVerify;

    @Parameters(index = "0", paramLabel = "QUERY", description = "A node search query, or hosts with -m.")
    String query;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND",
            description = "The command to run (its words are joined with spaces; quote it).")
    List<String> command;

    @Override
    protected int run(KnifeSession session) throws InterruptedException {
        String cmd = String.join(" ", command);
        if (command.size() == 1 && KNIFE_TERMINAL_MODES.contains(cmd)) {
            throw GalleyException.badInput("galley ssh does not open terminals (knife ssh's " + cmd + " mode): give a"
                    + " command to run");
        }
        Settings s = settings(session);
        SshClient.Builder b = SshClient.builder().home(session.console().home())
                .knownHosts(KnownHosts.forHome(session.console().home())).hostKeyPolicy(s.policy)
                .connectTimeout(s.connectTimeout);
        s.identity.ifPresent(b::identityFile);
        List<SshHosts.Entry> hosts;
        List<SshFanOut.HostResult> results;
        try (SshClient ssh = b.build()) { // the keys are checked before anything else happens
            hosts = manual ? SshHosts.manual(query, s.user, s.port) : searchHosts(session, s);
            if (s.policy == HostKeyPolicy.NEVER) {
                session.info("galley: warning: host keys are not checked (--ssh-verify-host-key never): anyone "
                        + "between you and the hosts can pose as them");
            }
            List<SshFanOut.Host> reachable = new ArrayList<>();
            for (SshHosts.Entry e : hosts) {
                if (e.target().isPresent()) {
                    reachable.add(new SshFanOut.Host(e.label(), e.target().get()));
                } else {
                    session.info("galley: " + e.label() + ": no address in " + e.missing() + ": not run (choose the "
                            + "address attribute with -a)");
                }
            }
            HostOutput printer = new HostOutput(session, hosts.stream().mapToInt(e -> e.label().length()).max()
                    .orElse(0));
            results = new SshFanOut(ssh, s.concurrency, s.commandTimeout).run(reachable, cmd, printer);
        }
        return summarize(session, hosts, results);
    }

    private List<SshHosts.Entry> searchHosts(KnifeSession session, Settings s) {
        String address = attribute != null ? attribute
                : session.config().knifeSetting("ssh_attribute").map(Object::toString).orElse(null);
        List<SshHosts.Entry> found = SshHosts.search(session.chef().search().query("node", SshHosts.fuzzify(query)),
                address, prefixAttribute, s.user, s.port);
        if (found.isEmpty()) {
            throw GalleyException.badInput("no nodes returned from search '" + query + "': check the query with "
                    + "'galley search node \"" + query + "\"'");
        }
        if (found.stream().allMatch(e -> e.target().isEmpty())) {
            throw GalleyException.badInput(found.size() + (found.size() == 1 ? " node" : " nodes") + " found, but "
                    + "none has the attribute " + found.get(0).missing() + " to connect to: choose another with -a "
                    + "(-a ipaddress)");
        }
        return found;
    }

    private int summarize(KnifeSession session, List<SshHosts.Entry> hosts, List<SshFanOut.HostResult> results) {
        List<String> failures = new ArrayList<>();
        boolean commandFailed = false;
        int succeeded = 0;
        int next = 0;
        for (SshHosts.Entry e : hosts) {
            if (e.target().isEmpty()) {
                failures.add(e.label() + ": no address");
                continue;
            }
            SshFanOut.HostResult r = results.get(next++);
            if (r.succeeded()) {
                succeeded++;
                continue;
            }
            failures.add(r.host().label() + ": " + r.describe());
            if (r instanceof SshFanOut.HostResult.Ran ran
                    && (ran.result() instanceof ExecResult.Exited || ran.result() instanceof ExecResult.Signalled)) {
                commandFailed = true;
            }
        }
        StringBuilder line = new StringBuilder().append(hosts.size()).append(hosts.size() == 1 ? " host: " : " hosts: ")
                .append(succeeded).append(" succeeded");
        if (!failures.isEmpty()) {
            line.append(", ").append(failures.size()).append(" failed (")
                    .append(String.join(", ", failures.subList(0, Math.min(failures.size(), MAX_LISTED_FAILURES))));
            if (failures.size() > MAX_LISTED_FAILURES) {
                line.append(", and ").append(failures.size() - MAX_LISTED_FAILURES).append(" more");
            }
            line.append(')');
        }
        session.info(line.toString());
        if (failures.isEmpty()) {
            return 0;
        }
        return commandFailed ? 3 : 4;
    }

    /** The options with knife's configuration and defaults applied. */
    private record Settings(String user, Optional<Path> identity, Optional<Integer> port, HostKeyPolicy policy,
            int concurrency, Duration connectTimeout, Duration commandTimeout) {
    }

    private Settings settings(KnifeSession session) {
        String u = user != null ? user : setting(session, "ssh_user")
                .orElseGet(() -> session.console().env().getOrDefault("USER", System.getProperty("user.name")));
        Optional<Path> identity = Optional.ofNullable(identityFile).map(Path::toString)
                .or(() -> setting(session, "ssh_identity_file"))
                .map(p -> p.startsWith("~/") ? session.console().home().resolve(p.substring(2))
                        : session.console().cwd().resolve(p));
        Optional<Integer> p = Optional.ofNullable(port).or(() -> setting(session, "ssh_port").map(v -> number(v,
                "knife[:ssh_port]")));
        p.ifPresent(v -> positive(v, 65535, "-p/--ssh-port"));
        HostKeyPolicy policy;
        if (verifyHostKey != null) {
            policy = HostKeyPolicy.parse(verifyHostKey);
        } else if (hostKeyVerify != null) {
            policy = hostKeyVerify ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.NEVER;
        } else {
            policy = setting(session, "ssh_verify_host_key").map(HostKeyPolicy::parse).orElse(HostKeyPolicy.ACCEPT_NEW);
        }
        int c = concurrency != null ? concurrency : 50;
        positive(c, 10_000, "-C/--concurrency");
        int connect = sshTimeout != null ? sshTimeout : setting(session, "ssh_timeout")
                .map(v -> number(v, "knife[:ssh_timeout]")).orElse(120);
        positive(connect, Integer.MAX_VALUE, "-t/--ssh-timeout");
        int run = commandTimeout != null ? commandTimeout : 3600;
        positive(run, Integer.MAX_VALUE, "--command-timeout");
        return new Settings(u.strip(), identity, p, policy, c, Duration.ofSeconds(connect), Duration.ofSeconds(run));
    }

    /** A knife[:name] setting; with -m no Chef configuration is needed, so a missing one is no error. */
    private Optional<String> setting(KnifeSession session, String name) {
        try {
            return session.config().knifeSetting(name).map(Object::toString);
        } catch (GalleyException e) {
            if (manual) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static int number(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw GalleyException.badInput(what + " is '" + value + "', not a number");
        }
    }

    private static void positive(int value, int max, String option) {
        if (value < 1 || value > max) {
            throw GalleyException.badInput(option + " must be between 1 and " + max + ": " + value);
        }
    }

    /** Prints each host's lines as knife does: the host in cyan, padded to the longest name, then the line. */
    private static final class HostOutput implements SshFanOut.Listener {
        private final KnifeSession session;
        private final int width;

        HostOutput(KnifeSession session, int width) {
            this.session = session;
            this.width = width;
        }

        @Override
        public void line(SshFanOut.Host host, OutputLine line) {
            String name = session.color() ? "\u001b[36m" + host.label() + "\u001b[0m" : host.label();
            String prefix = name + " ".repeat(width - host.label().length() + 1);
            var w = line.stream() == OutputLine.Stream.STDOUT ? session.console().out() : session.console().err();
            synchronized (session.console()) {
                w.println(prefix + line.text());
                w.flush();
            }
        }

        @Override
        public void finished(SshFanOut.HostResult result) {
            String message = switch (result) {
                case SshFanOut.HostResult.Failed f -> f.error().getMessage();
                case SshFanOut.HostResult.Ran r when r.result() instanceof ExecResult.TimedOut t ->
                        "the command " + t.describe() + " (--command-timeout) and was stopped";
                case SshFanOut.HostResult.Ran r when r.result() instanceof ExecResult.Lost l -> l.describe();
                case SshFanOut.HostResult.Ran r -> null;
            };
            if (message != null) {
                synchronized (session.console()) {
                    session.info("galley: " + result.host().label() + ": " + message);
                }
            }
        }
    }
}
