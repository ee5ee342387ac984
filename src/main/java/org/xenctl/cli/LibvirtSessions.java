package org.xenctl.cli;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.XenctlException;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.libvirt.NativeLoading;
import org.xenctl.libvirt.UriResolver;

/** The real sessions: the URI from -c or the defaults chain, opened through libvirt. */
public final class LibvirtSessions implements SessionSource {
    private final ConfiguredDefaults defaults;

    LibvirtSessions(ConfiguredDefaults defaults) {
        this.defaults = defaults;
    }

    /** libvirt.so loads on another thread while the command line is parsed. */
    @Override
    public void expect() {
        loadAhead();
    }

    /** The same before any session source exists: the process's entry point starts it before anything else. */
    static void loadAhead() {
        NativeLoading.startInBackground();
    }

    @Override
    public String uriFor(String explicitUri) {
        if (explicitUri != null && !explicitUri.isBlank()) {
            return explicitUri.strip();
        }
        try {
            return defaults.uriResolver().resolve(null).uri();
        } catch (XenctlException e) {
            return null;  // No URI configured at all (or a broken file, reported when a session opens).
        }
    }

    @Override
    public Session open(String explicitUri, ConnectOptions options) {
        UriResolver.Resolved resolved = defaults.uriResolver().resolve(explicitUri);
        return new Session(LibvirtHypervisor.open(resolved.uri(), options, defaults.connectTimeout()),
                resolved.source(), false);
    }
}
