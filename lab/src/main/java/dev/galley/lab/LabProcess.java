package dev.galley.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server process the lab started: known by its PID and start time (so a recycled PID is never mistaken for it),
 * its output in a log file, stopped by PID with SIGTERM and, after a grace period, SIGKILL. Closing is idempotent.
 *
 * <p>Processes are started in their own session ({@code setsid}), so that one started by {@code galley lab up}
 * outlives the command and the terminal, and stopping it never touches anything else.</p>
 */
public final class LabProcess implements AutoCloseable {
    private final String name;
    private final long pid;
    private final Instant started;
    private final Path log;
    private final Process process;

    private LabProcess(String name, long pid, Instant started, Path log, Process process) {
        this.name = name;
        this.pid = pid;
        this.started = started;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code command} in {@code workDir}, output appended to {@code log}, input from /dev/null.
     */
    public static LabProcess start(String name, List<String> command, Path workDir, Path log, Map<String, String> env) {
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            Instant started = p.info().startInstant().orElse(Instant.now());
            return new LabProcess(name, p.pid(), started, log, p);
        } catch (IOException e) {
            throw new LabException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Finds a process started earlier (by another galley command), if it still runs and is the same process.
     */
    public static Optional<LabProcess> adopt(String name, long pid, Instant started, Path log) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant().map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 2000)
                        .orElse(false))
                .map(h -> new LabProcess(name, pid, started, log, null));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public Instant started() {
        return started;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return handle().map(ProcessHandle::isAlive).orElse(false);
    }

    /** The exit code, once the process has ended (only known for processes this JVM started). */
    public Optional<Integer> exitCode() {
        return process != null && !process.isAlive() ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** The last lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Why the process is no longer running, or null while it runs. */
    public String deathReason() {
        if (alive()) {
            return null;
        }
        return name + " exited" + exitCode().map(c -> " with code " + c).orElse("") + "; log " + log + ": "
                + logTail(5);
    }

    /** Stops the process: SIGTERM, then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        Optional<ProcessHandle> h = handle();
        if (h.isEmpty() || !h.get().isAlive()) {
            return;
        }
        h.get().destroy();
        try {
            h.get().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            h.get().destroyForcibly();
            try {
                h.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h.get().destroyForcibly();
        } catch (ExecutionException e) {
            h.get().destroyForcibly();
        }
    }

    private Optional<ProcessHandle> handle() {
        if (process != null) {
            return Optional.of(process.toHandle());
        }
        return ProcessHandle.of(pid).filter(h -> h.info().startInstant()
                .map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 2000).orElse(false));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return name + "[pid " + pid + "]";
    }
}
