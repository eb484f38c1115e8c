package dev.galley.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes SSH key pairs with OpenSSH's {@code ssh-keygen} (Debian package {@code openssh-client}), for lab hosts and
 * the clients that log in to them.
 */
public final class SshKeygen {
    /** The key formats a private key file can be written in. */
    public enum Format {
        /** OpenSSH's own format ("BEGIN OPENSSH PRIVATE KEY"), ssh-keygen's default. */
        OPENSSH,
        /** PEM ("BEGIN RSA PRIVATE KEY", "BEGIN EC PRIVATE KEY"), as older tools and cloud consoles write. */
        PEM
    }

    private SshKeygen() {
    }

    /**
     * Writes a new key pair without passphrase: {@code file} (mode 0600) and {@code file.pub}; an existing pair is
     * replaced.
     *
     * @param type "ed25519", "rsa", "ecdsa"
     */
    public static Path generate(Path file, String type, Format format) {
        DebianPackages.ensure("openssh-client");
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(publicKeyOf(file));
        } catch (IOException e) {
            throw new LabException("cannot replace " + file + ": " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "galley-lab",
                "-f", file.toString()));
        if (format == Format.PEM) {
            cmd.addAll(List.of("-m", "PEM"));
        }
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "2048"));
        }
        run(cmd, "ssh-keygen -t " + type);
        return file;
    }

    /** The public key file next to a private key ({@code key.pub}). */
    public static Path publicKeyOf(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** The "type base64" part of a public key file, without its comment. */
    public static String publicKeyText(Path privateKey) {
        try {
            String[] f = Files.readString(publicKeyOf(privateKey)).strip().split("\\s+");
            return f[0] + " " + f[1];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new LabException("cannot read the public key of " + privateKey + ": " + e.getMessage(), e);
        }
    }

    static void run(List<String> cmd, String shown) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LabException("'" + shown + "' did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new LabException("'" + shown + "' failed with exit code " + p.exitValue() + ": "
                        + DebianPackages.tail(out, 3));
            }
        } catch (IOException e) {
            throw new LabException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running '" + shown + "'");
        }
    }
}
