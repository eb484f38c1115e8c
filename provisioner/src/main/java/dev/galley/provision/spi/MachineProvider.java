package dev.galley.provision.spi;

import java.time.Duration;
import java.util.List;

/**
 * Creates and destroys the machines the convergence loop cooks on: local nspawn containers, existing hosts, EC2
 * instances, Proxmox VMs.
 *
 * <p>The contract that keeps runs from leaking machines (Test Kitchen's worst problem): the loop records a machine
 * in the journal <em>before</em> {@link #create}; a provider gives every resource the request's tags, so
 * {@link #sweep} finds what a killed run left; {@link #destroy} of something already gone succeeds; and a half-made
 * machine (create failed after the resource existed) can be destroyed with the same {@link #resourceIdFor}
 * the journal recorded.</p>
 */
public interface MachineProvider extends AutoCloseable {

    /** The provider's name in the plan. */
    String name();

    /**
     * The id the resource will have (or a handle to find it by) before it exists, for the journal; providers whose
     * ids are assigned at creation return the name and find the resource by tags when destroying.
     */
    String resourceIdFor(MachineRequest request);

    /**
     * Creates a fresh machine and waits until it answers SSH, within the deadline.
     *
     * @throws ProvisioningException with the reason (quota, image missing, SSH never came up)
     */
    Machine create(MachineRequest request, Duration deadline);

    /** Reboots the machine and waits until it answers SSH again with a new boot. */
    void reboot(Machine machine, Duration deadline);

    /** Destroys the machine; nothing there any more is success. */
    void destroy(String resourceId, Duration deadline);

    /** Resource ids of every machine this provider holds that carries all these tags (for the reaper). */
    List<String> sweep(java.util.Map<String, String> tags);

    @Override
    default void close() {
    }
}
