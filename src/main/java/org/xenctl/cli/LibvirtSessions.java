package org.xenctl.cli;

import java.util.Map;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.libvirt.NativeLoading;
import org.xenctl.libvirt.UriResolver;

/** The real sessions: the URI from -c or the defaults chain, opened through libvirt. */
public final class LibvirtSessions implements SessionSource {
    private final UriResolver resolver;

    public LibvirtSessions(Map<String, String> environment) {
        this.resolver = UriResolver.forProcess(environment);
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
    public Session open(String explicitUri, ConnectOptions options) {
        UriResolver.Resolved resolved = resolver.resolve(explicitUri);
        return new Session(LibvirtHypervisor.open(resolved.uri(), options), resolved.source(), false);
    }
}
