package dev.galley.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A password, token or key that must never reach a log, a report, an exception message or {@code toString()}.
 *
 * <p>The value is held as bytes and handed out only through {@link #apply(Function)} or {@link #bytes()};
 * {@link #toString()} names where it came from and nothing else.</p>
 */
public final class Secret {
    private final byte[] value;
    private final String origin;

    private Secret(byte[] value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /** A secret given directly, for example from a prompt; {@code origin} says where it came from. */
    public static Secret of(String value, String origin) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.getBytes(StandardCharsets.UTF_8), Objects.requireNonNull(origin, "origin"));
    }

    /**
     * Reads a secret file the way Chef does: the whole file, surrounding whitespace stripped.
     *
     * @throws GalleyException (bad input) if the file is missing, unreadable or empty
     */
    public static Secret fromFile(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw GalleyException.badInput("secret file " + file + " does not exist: check the path");
        } catch (IOException e) {
            throw GalleyException.badInput("cannot read secret file " + file + ": " + e.getMessage());
        }
        // Ruby's String#strip, as Chef applies it: ASCII whitespace and NUL off both ends, bytes kept as they are
        // (a secret made with 'openssl rand 512 > secret' is binary).
        int from = 0;
        int to = raw.length;
        while (from < to && isRubySpace(raw[from])) {
            from++;
        }
        while (to > from && isRubySpace(raw[to - 1])) {
            to--;
        }
        java.util.Arrays.fill(raw, 0, from, (byte) 0);
        if (from == to) {
            throw GalleyException.badInput("secret file " + file + " is empty: it must hold the secret");
        }
        byte[] value = java.util.Arrays.copyOfRange(raw, from, to);
        java.util.Arrays.fill(raw, (byte) 0);
        return new Secret(value, "file " + file);
    }

    private static boolean isRubySpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f' || b == 0;
    }

    /**
     * Reads a secret from an environment variable.
     *
     * @throws GalleyException (bad input) if the variable is unset or empty
     */
    public static Secret fromEnvironment(String name, Map<String, String> environment) {
        String v = environment.get(name);
        if (v == null || v.isEmpty()) {
            throw GalleyException.badInput("environment variable " + name + " is not set: it must hold the secret");
        }
        return new Secret(v.getBytes(StandardCharsets.UTF_8), "environment variable " + name);
    }

    /** Hands the secret's bytes to {@code use} without letting them escape into a String by accident. */
    public <T> T apply(Function<byte[], T> use) {
        byte[] copy = bytes();
        try {
            return use.apply(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /** A copy of the secret's bytes; the caller should clear it after use. */
    public byte[] bytes() {
        return value.clone();
    }

    /** Where the secret came from (a file, a variable), safe to show. */
    public String origin() {
        return origin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return value.length;
    }

    @Override
    public String toString() {
        return "Secret[" + origin + "]";
    }
}
