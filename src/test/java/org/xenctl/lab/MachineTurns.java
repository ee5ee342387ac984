package org.xenctl.lab;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whose turn it is on this machine, between the test JVMs that each drive a dom0 of their own (failsafe's two
 * forks). A scenario class takes a shared turn, so that the two dom0s work side by side; one whose guest cannot bear
 * a second emulated dom0 beside it ({@link Alone}) takes the machine alone: it waits until the other JVM's scenario
 * ends, and that JVM starts no other until it is done.
 *
 * <p>File locks, which the kernel drops with their process whatever happens. A taker first passes a turnstile: while
 * a scenario waits there for the machine alone, the other JVM cannot take shared turns one after another and starve
 * it.
 */
final class MachineTurns {
    /** A scenario class whose guests need the whole machine (see the class's comment for why). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @interface Alone {
    }

    private final Path turnstile;
    private final Path machine;

    MachineTurns(Path directory) {
        this.turnstile = directory.resolve("xen-lab-turnstile.lock");
        this.machine = directory.resolve("xen-lab-machine.lock");
    }

    /** Waits for the turn; it lasts until the returned turn is closed (or this process ends). */
    Turn take(boolean alone) throws IOException {
        Files.createDirectories(machine.getParent());
        FileChannel channel = open(machine);
        try (FileChannel gate = open(turnstile); FileLock passing = gate.lock()) {
            return new Turn(channel, channel.lock(0, Long.MAX_VALUE, !alone));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        // Readable too: a shared lock needs a channel open for reading.
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** A turn on the machine, shared or alone. */
    record Turn(FileChannel channel, FileLock lock) implements AutoCloseable {
        boolean alone() {
            return !lock.isShared();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
