package org.xenctl.cli;

import java.time.Duration;
import java.util.Map;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.libvirt.NativeLoading;
import org.xenctl.libvirt.UriResolver;

/** The real sessions: the URI from -c or the defaults chain, opened through libvirt. */
public final class LibvirtSessions implements SessionSource {
    private final UriResolver resolver;
    private final Duration connectTimeout;

    public LibvirtSessions(Map<String, String> environment) {
        this.resolver = UriResolver.forProcess(environment);
        this.connectTimeout = connectTimeout(environment.get("XENCTL_CONNECT_TIMEOUT"));
    }

    /** $XENCTL_CONNECT_TIMEOUT, whole seconds; the default when unset or not a positive number. */
    private static Duration connectTimeout(String seconds) {
        if (seconds != null && seconds.matches("[0-9]{1,6}") && Integer.parseInt(seconds) > 0) {
            return Duration.ofSeconds(Integer.parseInt(seconds));
        }
        // Not LibvirtHypervisor's: every process makes a session source, and commands on files load no libvirt class.
        return ConnectOptions.DEFAULT_CONNECT_TIMEOUT;
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
        try {
            return resolver.resolve(explicitUri).uri();
        } catch (org.xenctl.domain.XenctlException e) {
            return null;  // No URI configured at all: nothing remote is named.
        }
    }

    @Override
    public Session open(String explicitUri, ConnectOptions options) {
        UriResolver.Resolved resolved = resolver.resolve(explicitUri);
        return new Session(LibvirtHypervisor.open(resolved.uri(), options, connectTimeout), resolved.source(),
                false);
    }
}
