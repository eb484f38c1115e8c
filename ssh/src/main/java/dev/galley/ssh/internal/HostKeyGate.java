package dev.galley.ssh.internal;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import dev.galley.ssh.HostKeyPolicy;
import dev.galley.ssh.HostKeyVerdict;
import dev.galley.ssh.KnownHosts;
import dev.galley.ssh.KnownHostsEntry;
import dev.galley.ssh.SshPublicKey;
import dev.galley.ssh.SshTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * JSch's host key hook for one connection: asks {@link KnownHosts} under the policy and keeps the verdict, so that a
 * refusal can be reported with the verdict's message rather than JSch's. JSch runs with StrictHostKeyChecking=yes
 * and never adds keys itself.
 */
final class HostKeyGate implements HostKeyRepository {
    private final KnownHosts knownHosts;
    private final HostKeyPolicy policy;
    private final SshTarget target;
    private volatile HostKeyVerdict verdict;

    HostKeyGate(KnownHosts knownHosts, HostKeyPolicy policy, SshTarget target) {
        this.knownHosts = knownHosts;
        this.policy = policy;
        this.target = target;
    }

    /** The verdict on the key the host offered; null before the key exchange. */
    HostKeyVerdict verdict() {
        return verdict;
    }

    @Override
    public int check(String host, byte[] key) {
        HostKeyVerdict v = knownHosts.verify(target.host(), target.port(), SshPublicKey.fromBlob(key), policy);
        verdict = v;
        if (v.accepted()) {
            return OK;
        }
        return v instanceof HostKeyVerdict.Changed ? CHANGED : NOT_INCLUDED;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never called with StrictHostKeyChecking=yes; KnownHosts adds keys itself
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.userFile().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** The known keys of the host, so that JSch asks first for key types known_hosts holds. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        if (policy == HostKeyPolicy.NEVER) {
            return new HostKey[0];
        }
        List<HostKey> out = new ArrayList<>();
        for (KnownHostsEntry e : knownHosts.entriesFor(target.host(), target.port())) {
            if (e.marker() != KnownHostsEntry.Marker.NONE || (type != null && !type.equals(e.key().type()))) {
                continue;
            }
            try {
                out.add(new HostKey(host, e.key().blob()));
            } catch (JSchException unknownType) {
                // a key type JSch does not know cannot be preferred
            }
        }
        return out.toArray(new HostKey[0]);
    }
}
