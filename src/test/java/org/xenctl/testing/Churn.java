package org.xenctl.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.xenctl.libvirt.LibvirtHypervisor;

/**
 * Transient domains created and destroyed over and over on another thread, until closed: a busy host under a
 * command that lists, so that some domain it listed is gone by the time it asks about it.
 */
public final class Churn implements AutoCloseable {
    private static final int DOMAINS = 40;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public Churn(LibvirtHypervisor host) {
        thread = new Thread(() -> {
            while (running.get()) {
                List<String> created = new ArrayList<>();
                for (int i = 0; i < DOMAINS; i++) {
                    created.add(host.createTransient("<domain type='test'><name>churn-" + i + "</name><memory>"
                            + "131072</memory><os><type>hvm</type></os></domain>", false).uuid());
                }
                created.forEach(host::destroy);
            }
        }, "churn");
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
