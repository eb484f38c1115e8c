package dev.galley.provision.spi;

import dev.galley.core.Fault;
import dev.galley.core.GalleyException;

/**
 * A provider could not create, reboot or destroy a machine. Counted as an infrastructure error, never against the
 * cookbook.
 */
public class ProvisioningException extends GalleyException {
    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message) {
        super(Fault.UNAVAILABLE, message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(Fault.UNAVAILABLE, message, cause);
    }
}
