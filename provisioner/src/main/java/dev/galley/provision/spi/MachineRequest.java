package dev.galley.provision.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the loop asks a provider for: a fresh machine with this name, tagged so that a reaper can find it later.
 *
 * @param name     the machine's (and the Chef node's) name, unique in the run: "web-1a2b3c-1"
 * @param runId    the converge run it belongs to
 * @param tags     tags every resource gets (owner, run id, spec, expires-at), as the provider can store them
 * @param settings the provider's settings from the plan (image, instance type, template, ...)
 */
public record MachineRequest(String name, String runId, Map<String, String> tags, Map<String, Object> settings) {
    public MachineRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runId, "runId");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
