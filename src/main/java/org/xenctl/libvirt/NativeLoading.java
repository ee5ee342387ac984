package org.xenctl.libvirt;

/**
 * libvirt.so and the JNA bindings every command's first calls use, loaded on a second thread while the main thread
 * is still parsing the command line: in a fresh JVM each of the two takes a few tens of milliseconds, and even a
 * small host has two cores. Whoever calls libvirt first waits until the loading is over, because JNA's classes must
 * not be initialised from two threads at once (their static initialisers need each other).
 */
public final class NativeLoading {
    private static Thread loader;

    private NativeLoading() {
    }

    /** Starts the loading, once per process; a command that will open a connection calls it as early as it can. */
    public static synchronized void startInBackground() {
        if (loader != null) {
            return;
        }
        loader = new Thread(NativeLoading::load, "libvirt-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Returns once the loading started by {@link #startInBackground} (if any) is over. */
    static void awaitLoaded() {
        Thread started;
        synchronized (NativeLoading.class) {
            started = loader;
        }
        if (started == null) {
            return;
        }
        boolean interrupted = false;
        while (started.isAlive()) {
            try {
                started.join();
            } catch (InterruptedException e) {
                // The loading ends on its own within milliseconds; the interrupt is kept for the caller.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void load() {
        try {
            LibvirtSilencer.install();
            Class.forName(DirectDomainCalls.class.getName(), true, NativeLoading.class.getClassLoader());
        } catch (Throwable e) {
            // Nothing to report from here: the command's own first call meets the same failure and reports it.
        }
    }
}
