package dev.galley.ssh;

import dev.galley.core.GalleyException;
import java.util.Locale;

/**
 * How a host's key is checked against known_hosts, as knife's {@code --ssh-verify-host-key} and net-ssh name it.
 */
public enum HostKeyPolicy {
    /** Accept any key without looking (with a warning): for throwaway hosts only. */
    NEVER,
    /** Add unknown hosts to known_hosts; refuse a key that differs from a known one. */
    ACCEPT_NEW,
    /** The host must be in known_hosts with this key. */
    ALWAYS;

    /**
     * Parses knife's names: {@code always}, {@code accept_new}, {@code never}, and also
     * {@code accept_new_or_local_tunnel}, taken as {@code accept_new} (Galley never skips the check for loopback).
     *
     * @throws GalleyException (bad input) for anything else
     */
    public static HostKeyPolicy parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "never", "false", "no" -> NEVER;
            case "accept_new", "accept_new_or_local_tunnel" -> ACCEPT_NEW;
            case "always", "true", "yes" -> ALWAYS;
            default -> throw GalleyException.badInput("unknown host key verification '" + value
                    + "': use always, accept_new or never");
        };
    }

    /** knife's spelling. */
    public String knifeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
