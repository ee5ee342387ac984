package org.xenctl.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * Decides which libvirt URI to open when the user gave none: {@code XENCTL_DEFAULT_URI}, then
 * {@code LIBVIRT_DEFAULT_URI}, then {@code uri_default} in xenctl.conf, then {@code xen:///system} on a Xen dom0.
 */
public final class UriResolver {
    public static final Path XEN_CAPABILITIES = Path.of("/proc/xen/capabilities");

    /** A URI and where it came from, so `version` and error messages can tell the user why this host. */
    public record Resolved(String uri, String source) { }

    private final Map<String, String> environment;
    private final Optional<String> configuredUri;
    private final String configFile;
    private final Path xenCapabilities;

    /**
     * @param configuredUri uri_default from {@code configFile} (xenctl.conf), if it sets one
     * @param configFile the file that was read, named in messages
     */
    public UriResolver(Map<String, String> environment, Optional<String> configuredUri, String configFile,
                       Path xenCapabilities) {
        this.environment = Map.copyOf(environment);
        this.configuredUri = configuredUri;
        this.configFile = configFile;
        this.xenCapabilities = xenCapabilities;
    }

    public Resolved resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return new Resolved(explicit.strip(), "--connect");
        }
        for (String variable : List.of("XENCTL_DEFAULT_URI", "LIBVIRT_DEFAULT_URI")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return new Resolved(value.strip(), variable);
            }
        }
        if (configuredUri.isPresent()) {
            return new Resolved(configuredUri.get(), configFile + " (uri_default)");
        }
        if (isXenDom0()) {
            return new Resolved("xen:///system", XEN_CAPABILITIES + " (this is a Xen dom0)");
        }
        throw new XenctlException(ErrorCode.NO_URI,
                "no hypervisor to connect to: this machine is not a Xen dom0 and no URI is configured",
                "give one with -c URI (xen:///system on a dom0, xen+ssh://root@HOST/system for a remote one), "
                        + "set XENCTL_DEFAULT_URI, or put uri_default = \"URI\" in " + configFile
                        + "; try xenctl without Xen with -c test:///default");
    }

    private boolean isXenDom0() {
        try {
            return Files.readString(xenCapabilities).contains("control_d");
        } catch (IOException e) {
            return false;
        }
    }
}
