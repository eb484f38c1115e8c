package dev.galley.ssh.internal;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import dev.galley.core.Deadline;
import dev.galley.ssh.ExecResult;
import dev.galley.ssh.HostKeyVerdict;
import dev.galley.ssh.OutputLine;
import dev.galley.ssh.SshException;
import dev.galley.ssh.SshSession;
import dev.galley.ssh.SshTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An open JSch session: commands on exec channels with output streamed line by line, files over SFTP.
 */
final class JschSession implements SshSession {
    private final Session session;
    private final SshTarget target;
    private final HostKeyVerdict hostKey;
    private final Duration channelOpenTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    JschSession(Session session, SshTarget target, HostKeyVerdict hostKey, Duration channelOpenTimeout) {
        this.session = session;
        this.target = target;
        this.hostKey = hostKey;
        this.channelOpenTimeout = channelOpenTimeout;
    }

    @Override
    public SshTarget target() {
        return target;
    }

    @Override
    public HostKeyVerdict hostKey() {
        return hostKey;
    }

    @Override
    public ExecResult exec(String command, Consumer<OutputLine> lines, Duration timeout) {
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(timeout);
        ChannelExec ch = open("exec", ChannelExec.class);
        Object delivery = new Object();
        Consumer<OutputLine> oneAtATime = l -> {
            synchronized (delivery) {
                lines.accept(l);
            }
        };
        // JSch closes both streams when the channel closes (after the exit status has arrived), so the latch also
        // says that every line has been delivered.
        CountDownLatch streamsClosed = new CountDownLatch(2);
        LineSink out = new LineSink(OutputLine.Stream.STDOUT, oneAtATime, streamsClosed::countDown);
        LineSink err = new LineSink(OutputLine.Stream.STDERR, oneAtATime, streamsClosed::countDown);
        ch.setCommand(command.getBytes(StandardCharsets.UTF_8));
        ch.setOutputStream(out);
        ch.setExtOutputStream(err);
        try {
            OutputStream stdin = ch.getOutputStream();
            ch.connect(openBudget(deadline));
            stdin.close(); // the command reads end of file, as under ssh -n
        } catch (JSchException | IOException e) {
            ch.disconnect();
            if (deadline.expired()) {
                return new ExecResult.TimedOut(timeout, since(started));
            }
            throw channelFailure("run a command on", e);
        }
        try {
            if (!streamsClosed.await(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                stop(ch);
                return new ExecResult.TimedOut(timeout, since(started));
            }
        } catch (InterruptedException e) {
            stop(ch);
            Thread.currentThread().interrupt();
            return new ExecResult.TimedOut(timeout, since(started));
        }
        ch.disconnect();
        Duration elapsed = since(started);
        String signal = ch.getExitSignal();
        if (signal != null && !signal.isEmpty()) {
            return new ExecResult.Signalled(signal, elapsed);
        }
        int status = ch.getExitStatus();
        return status >= 0 ? new ExecResult.Exited(status, elapsed) : new ExecResult.Lost(elapsed);
    }

    /** Asks the remote side to end the command, then closes the channel (which ends the output streams). */
    private static void stop(ChannelExec ch) {
        try {
            ch.sendSignal("TERM");
        } catch (Exception e) {
            // the channel may already be gone; closing it is what matters
        }
        ch.disconnect();
    }

    @Override
    public void upload(Path local, String remotePath, int mode, Duration timeout) {
        byte[] content;
        try {
            content = Files.readAllBytes(local);
        } catch (NoSuchFileException e) {
            throw new SshException(SshException.Kind.PROTOCOL, target, "cannot copy " + local + " to " + target
                    + ": it does not exist", e);
        } catch (IOException e) {
            throw new SshException(SshException.Kind.PROTOCOL, target, "cannot read " + local + ": "
                    + e.getMessage(), e);
        }
        upload(content, remotePath, mode, timeout);
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode, Duration timeout) {
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("not a file mode: " + Integer.toOctalString(mode));
        }
        Deadline deadline = Deadline.after(timeout);
        ChannelSftp sftp = open("sftp", ChannelSftp.class);
        String tmp = remotePath + ".galley-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Watchdog watchdog = Watchdog.start("sftp-" + target, timeout, sftp::disconnect)) {
            try {
                sftp.connect(openBudget(deadline));
                // Created empty, given its mode, then filled: the content never sits under a wider mode.
                sftp.put(InputStream.nullInputStream(), tmp, ChannelSftp.OVERWRITE);
                sftp.chmod(mode, tmp);
                sftp.put(new ByteArrayInputStream(content), tmp, ChannelSftp.OVERWRITE);
                rename(sftp, tmp, remotePath);
            } catch (JSchException | SftpException e) {
                try {
                    sftp.rm(tmp);
                } catch (SftpException | RuntimeException ignored) {
                    // best effort: the temporary file may not exist
                }
                if (watchdog.fired()) {
                    throw new SshException(SshException.Kind.TIMEOUT, target, "copying to " + target + ":"
                            + remotePath + " did not finish within " + Durations.text(timeout), e);
                }
                throw new SshException(SshException.Kind.PROTOCOL, target, "cannot copy to " + target + ":"
                        + remotePath + ": " + e.getMessage(), e);
            } finally {
                sftp.disconnect();
            }
        }
    }

    private static void rename(ChannelSftp sftp, String from, String to) throws SftpException {
        try {
            sftp.rename(from, to);
        } catch (SftpException e) {
            // Plain SFTP v3 will not rename over an existing file; without OpenSSH's posix-rename, replace it.
            sftp.rm(to);
            sftp.rename(from, to);
        }
    }

    private <C> C open(String type, Class<C> kind) {
        try {
            return kind.cast(session.openChannel(type));
        } catch (JSchException e) {
            throw channelFailure("open a channel to", e);
        }
    }

    private int openBudget(Deadline deadline) {
        long ms = Math.min(deadline.remaining().toMillis(), channelOpenTimeout.toMillis());
        return (int) Math.max(1, ms);
    }

    private SshException channelFailure(String what, Exception e) {
        String why = session.isConnected() ? e.getMessage() : "the session is closed (" + e.getMessage() + ")";
        return new SshException(SshException.Kind.PROTOCOL, target, "cannot " + what + " " + target + ": " + why, e);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.disconnect();
        }
    }

    @Override
    public String toString() {
        return "ssh " + target;
    }
}
