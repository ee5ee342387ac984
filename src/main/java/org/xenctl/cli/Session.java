package org.xenctl.cli;

import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Lifecycle;

/**
 * An open connection for one command, with the URI and where it came from. Closing it closes the connection
 * unless the session is shared (batch), whose owner closes it.
 */
public final class Session implements AutoCloseable {
    private final Hypervisor hypervisor;
    private final String uriSource;
    private final boolean shared;

    Session(Hypervisor hypervisor, String uriSource, boolean shared) {
        this.hypervisor = hypervisor;
        this.uriSource = uriSource;
        this.shared = shared;
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    public Lifecycle lifecycle() {
        return new Lifecycle(hypervisor);
    }

    public String uriSource() {
        return uriSource;
    }

    Session shared() {
        return new Session(hypervisor, uriSource, true);
    }

    @Override
    public void close() {
        if (!shared) {
            hypervisor.close();
        }
    }
}
