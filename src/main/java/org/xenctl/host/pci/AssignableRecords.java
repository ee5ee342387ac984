package org.xenctl.host.pci;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;

/**
 * What xenctl remembers of each device it made assignable: the driver to give it back to, and its name. xl keeps
 * this in xenstore (/libxl/pci/BDF/driver_path), lost at every dom0 reboot; here it is a file per device under
 * /var/lib/xenctl/pci/, written before the device is unbound (so a crash half-way can be repaired) and durably: a
 * temporary file, flushed to the disk, renamed over the record, and the directory flushed, so that a crash or a
 * power cut leaves the old record or the new one, never an empty one. A record that cannot be read all the same (a
 * disk error, a hand edit) is never taken for "not persistent": it is kept, and named with the reason wherever it
 * matters ({@link Damaged}); the other records are read as usual.
 */
public final class AssignableRecords {

    /**
     * @param driver     the driver it had, or null when it had none
     * @param persistent pci-restore makes it assignable again at boot
     * @param forced     it was taken with --force, so pci-restore takes it the same way
     * @param removing   a pci-assignable-remove -r is under way: if it is interrupted (a kill, a crash), pci-restore
     *                   finishes giving the device back rather than taking a driverless device for an
     *                   interrupted add
     */
    public record Assignable(PciAddress address, String driver, String name, boolean persistent, boolean forced,
                             boolean removing) {
        public Assignable(PciAddress address, String driver, String name, boolean persistent, boolean forced) {
            this(address, driver, name, persistent, forced, false);
        }

        public Assignable withName(String newName) {
            return new Assignable(address, driver, newName, persistent, forced, removing);
        }

        public Assignable withPersistent(boolean newPersistent) {
            return new Assignable(address, driver, name, newPersistent, forced, removing);
        }

        public Assignable whileRemoving() {
            return new Assignable(address, driver, name, persistent, forced, true);
        }
    }

    /** A record file that cannot be read, and why. */
    public record Damaged(PciAddress address, Path file, String reason) {
        public XenctlException failure() {
            return new XenctlException(ErrorCode.RECORD_DAMAGED, "the record of " + address + " (" + file
                    + ") cannot be read: " + reason, "it is kept as it is: repair it (or remove it, and the "
                    + "driver to give the device back to is forgotten)");
        }
    }

    private static final java.util.concurrent.locks.ReentrantLock IN_PROCESS =
            new java.util.concurrent.locks.ReentrantLock();

    private final Path dir;
    private final Path lockFile;

    public AssignableRecords(Path hostRoot) {
        this.dir = hostRoot.resolve("var/lib/xenctl/pci");
        // Under /run/lock: a lock outlives no boot, and taking it writes nothing among the records.
        this.lockFile = hostRoot.resolve("run/lock/xenctl-pci.lock");
    }

    public Path dir() {
        return dir;
    }

    /**
     * Held while a command changes devices and their records: a second xenctl waits for the first to finish, then
     * sees what it did (the change is idempotent), instead of both binding the same device at once.
     */
    public Lock lock() {
        // A file lock belongs to the process: threads of one process (tests, a batch) take turns on this first.
        IN_PROCESS.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new Lock(channel);
        } catch (IOException e) {
            IN_PROCESS.unlock();
            throw cannot("lock", lockFile, e);
        } catch (RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    /** The lock of {@link #lock}: closing it releases it (and its file descriptor). */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // The process ending releases it all the same.
            } finally {
                IN_PROCESS.unlock();
            }
        }
    }

    public void save(Assignable record) {
        Properties properties = new Properties();
        if (record.driver() != null) {
            properties.setProperty("driver", record.driver());
        }
        if (record.name() != null) {
            properties.setProperty("name", record.name());
        }
        properties.setProperty("persistent", Boolean.toString(record.persistent()));
        properties.setProperty("forced", Boolean.toString(record.forced()));
        if (record.removing()) {
            properties.setProperty("removing", "true");
        }
        Path target = file(record.address());
        try {
            Files.createDirectories(dir);
            StringWriter text = new StringWriter();
            properties.store(text, "xenctl: device made assignable; its driver before");
            Path temporary = Files.createTempFile(dir, ".record", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            throw cannot("write", target, e);
        }
    }

    /** The record of {@code address}, if any; RECORD_DAMAGED when there is one that cannot be read. */
    public Optional<Assignable> find(PciAddress address) {
        Path file = file(address);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Object read = read(address, file);
        if (read instanceof Damaged damaged) {
            throw damaged.failure();
        }
        return Optional.of((Assignable) read);
    }

    public Optional<Assignable> findByName(String name) {
        return all().stream().filter(record -> name.equals(record.name())).findFirst();
    }

    /** Every record that can be read, by address; {@link #damaged} names the others. */
    public List<Assignable> all() {
        return contents().intact();
    }

    /** The record files that cannot be read, by address. */
    public List<Damaged> damaged() {
        return contents().damaged();
    }

    /** Every record file, read once: those that can be read, and those that cannot. */
    public record Contents(List<Assignable> intact, List<Damaged> damaged) { }

    public Contents contents() {
        List<Assignable> intact = new ArrayList<>();
        List<Damaged> damaged = new ArrayList<>();
        for (Object read : readAll()) {
            if (read instanceof Assignable record) {
                intact.add(record);
            } else {
                damaged.add((Damaged) read);
            }
        }
        return new Contents(intact, damaged);
    }

    public void delete(PciAddress address) {
        try {
            Files.deleteIfExists(file(address));
            syncDirectory();
        } catch (IOException e) {
            throw cannot("remove", file(address), e);
        }
    }

    private List<Object> readAll() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Object> read = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // Temporary files of a write that did not finish are not records.
                PciAddress address = PciAddress.parseOrNull(file.getFileName().toString());
                if (address != null && address.toString().equals(file.getFileName().toString())) {
                    read.add(read(address, file));
                }
            }
        } catch (IOException e) {
            throw cannot("list", dir, e);
        }
        read.sort((a, b) -> address(a).compareTo(address(b)));
        return read;
    }

    private static PciAddress address(Object read) {
        return read instanceof Assignable record ? record.address() : ((Damaged) read).address();
    }

    /** The record, or what is wrong with the file: it must be UTF-8 properties with both flags true or false. */
    private static Object read(PciAddress address, Path file) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                return new Damaged(address, file, "not a regular file");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Damaged(address, file, "not UTF-8 text");
        } catch (IOException e) {
            return new Damaged(address, file, String.valueOf(e.getMessage()));
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new Damaged(address, file, "not a record (" + e.getMessage() + ")");
        }
        String persistent = properties.getProperty("persistent");
        String forced = properties.getProperty("forced");
        if (!isFlag(persistent) || !isFlag(forced)) {
            return new Damaged(address, file, text.isBlank() ? "empty (a write that did not reach the disk?)"
                    : "no persistent= or forced= of true or false");
        }
        String driver = properties.getProperty("driver");
        String name = properties.getProperty("name");
        if (!isWord(driver) || !isWord(name)) {
            return new Damaged(address, file, "a driver or name that is not a word");
        }
        String removing = properties.getProperty("removing", "false");
        if (!isFlag(removing)) {
            return new Damaged(address, file, "a removing= that is neither true nor false");
        }
        return new Assignable(address, driver, name, Boolean.parseBoolean(persistent), Boolean.parseBoolean(forced),
                Boolean.parseBoolean(removing));
    }

    private static boolean isFlag(String value) {
        return "true".equals(value) || "false".equals(value);
    }

    /** A driver's or a name's characters (null: none); nothing that would write a path or a line elsewhere. */
    private static boolean isWord(String value) {
        return value == null || value.matches("[A-Za-z0-9_.-]{1,64}");
    }

    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some filesystems cannot open or flush a directory: the rename is then as durable as they make it.
        }
    }

    private static XenctlException cannot(String doing, Path file, IOException e) {
        return new XenctlException(e instanceof AccessDeniedException ? ErrorCode.PERMISSION_DENIED
                : ErrorCode.OPERATION_FAILED, "cannot " + doing + " " + file + ": " + e.getMessage(),
                "xenctl keeps its PCI records in " + file.getParent() + " (run it as root on the dom0)", e);
    }

    private Path file(PciAddress address) {
        return dir.resolve(address.toString());
    }
}
