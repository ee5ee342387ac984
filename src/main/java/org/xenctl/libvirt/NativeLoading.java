package org.xenctl.libvirt;

import java.io.File;

/**
 * libvirt.so and the JNA bindings every command's first calls use, loaded beside the main thread while it is still
 * parsing the command line: in a fresh JVM each side takes a few tens of milliseconds, and even a small host has two
 * cores. A helper thread does what JNA's start needs but can be done without JNA (linking libvirt.so); the
 * loading thread binds the calls. Whoever calls libvirt first waits until the loading is over,
 * because JNA's classes must not be initialised from two threads at once (their static initialisers need each
 * other).
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
        // Runnables as classes, not method references: the first lambda of a process costs milliseconds of
        // method-handle set-up, which the main thread pays later anyway, after these threads have started.
        Thread linker = new Thread(new Preparing(), "libvirt-link");
        linker.setDaemon(true);
        linker.start();
        loader = new Thread(new Loading(), "libvirt-load");
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

    /**
     * libvirt.so.0 in the directories the launcher gives JNA ({@code jna.platform.library.path}); null without that
     * property (JNA then searches as it always does, and nothing is linked ahead).
     */
    private static String libvirtFile() {
        String directories = System.getProperty("jna.platform.library.path");
        if (directories == null) {
            return null;
        }
        for (String directory : directories.split(File.pathSeparator)) {
            File file = new File(directory, LibvirtLibrary.SONAME);
            if (file.isFile()) {
                return file.getPath();
            }
        }
        return null;
    }

    /**
     * What JNA's start needs but could do without it, done beside the loading thread: the dynamic linking of
     * libvirt.so and its libraries (~10 ms), so that JNA's own dlopen of the same file finds it already in the
     * process, then the first structure's field order ({@link JnaFieldOrders}; measured: ~4 ms sooner than giving it
     * on the loading thread before JNA starts). Of JNA's classes that initialises only Structure, whose static
     * initialiser needs none that the loading thread initialises (a logger, maps, locks, Pointer). (JNA's other
     * prerequisite, java.util.logging, is out of the way: see org.xenctl.julshim.Logger.) Only a head start: on any
     * failure JNA does the same itself and reports what is wrong.
     */
    private static void prepare() {
        try {
            String library = libvirtFile();
            if (library != null) {
                System.load(library);
            }
            JnaFieldOrders.give();
        } catch (Throwable e) {
            // See above: JNA meets the same failure and reports it.
        }
    }

    private static void load() {
        try {
            LibvirtSilencer.install();
            Class.forName(DirectCalls.class.getName(), true, NativeLoading.class.getClassLoader());
        } catch (Throwable e) {
            // Nothing to report from here: the command's own first call meets the same failure and reports it.
        }
    }

    /** The helper thread's work. */
    private static final class Preparing implements Runnable {
        @Override
        public void run() {
            prepare();
        }
    }

    /** The loading thread's work, which the first libvirt call waits for. */
    private static final class Loading implements Runnable {
        @Override
        public void run() {
            load();
        }
    }
}
