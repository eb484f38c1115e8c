package dev.galley.provision.spi;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine a provider created and that answers SSH: how to reach it and who it is to the provider.
 *
 * @param provider       the provider's name in the plan
 * @param resourceId     the provider's id for it (container name, EC2 instance id, Proxmox VM id)
 * @param name           the machine's name (also its Chef node name)
 * @param host           the address to SSH to
 * @param port           the SSH port
 * @param sshUser        the user to log in as
 * @param identityFile   the private key to log in with
 * @param hostKeyFingerprint the SSH host key's SHA256 fingerprint when the provider knows it (pinned, so the first
 *                       connection is verified too); empty means trust on first use for this fresh machine
 */
public record Machine(String provider, String resourceId, String name, String host, int port, String sshUser,
        Path identityFile, Optional<String> hostKeyFingerprint) {
    public Machine {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sshUser, "sshUser");
        Objects.requireNonNull(identityFile, "identityFile");
        hostKeyFingerprint = hostKeyFingerprint == null ? Optional.empty() : hostKeyFingerprint;
    }
}
