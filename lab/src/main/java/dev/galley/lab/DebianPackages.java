package dev.galley.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Debian packages a lab component needs, on first use, when the process may (root or passwordless
 * sudo); otherwise fails with the exact command to run. Never skips.
 */
public final class DebianPackages {
    private static final Logger log = LoggerFactory.getLogger(DebianPackages.class);
    private static final Object LOCK = new Object();
    private static boolean updated;

    private DebianPackages() {
    }

    /** Whether a package is installed (dpkg says "install ok installed"). */
    public static boolean installed(String pkg) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", pkg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("install ok installed");
        } catch (IOException e) {
            throw new LabException("cannot run dpkg-query: the lab needs a Debian system (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while checking Debian packages");
        }
    }

    /**
     * Makes sure every package is installed.
     *
     * @throws LabException with the command to run when they are missing and cannot be installed from here
     */
    public static void ensure(String... packages) {
        synchronized (LOCK) {
            List<String> missing = new ArrayList<>();
            for (String p : packages) {
                if (!installed(p)) {
                    missing.add(p);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            String command = "apt-get install -y " + String.join(" ", missing);
            List<String> prefix = privilegePrefix();
            if (prefix == null) {
                throw new LabException("the lab needs Debian packages " + missing + " and cannot install them without "
                        + "root: run 'sudo " + command + "'");
            }
            log.info("installing Debian packages {}", missing);
            if (!updated) {
                run(prefix, List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-qq"), "apt-get update");
                updated = true;
            }
            List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y",
                    "-qq", "--no-install-recommends"));
            install.addAll(missing);
            run(prefix, install, command);
        }
    }

    private static List<String> privilegePrefix() {
        if ("root".equals(System.getProperty("user.name"))) {
            return List.of("env", "DEBIAN_FRONTEND=noninteractive");
        }
        try {
            Process p = new ProcessBuilder("sudo", "-n", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return List.of("sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive");
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void run(List<String> prefix, List<String> command, String shown) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new LabException("'" + shown + "' did not finish within 20 minutes");
            }
            if (p.exitValue() != 0) {
                throw new LabException("'" + shown + "' failed with exit code " + p.exitValue() + ": "
                        + tail(out, 3));
            }
        } catch (IOException e) {
            throw new LabException("cannot run '" + shown + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running '" + shown + "'");
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
