package org.xenctl.host.pci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.xenctl.domain.PciAddress;

/**
 * What xenctl remembers of each device it made assignable: the driver to give it back to, and its name. xl keeps
 * this in xenstore (/libxl/pci/BDF/driver_path), lost at every dom0 reboot; here it is a file per device under
 * /var/lib/xenctl/pci/, written before the device is unbound (so a crash half-way can be repaired) and
 * atomically (a temporary file, then a rename).
 */
public final class AssignableRecords {
    /**
     * @param driver     the driver it had, or null when it had none
     * @param persistent pci-restore makes it assignable again at boot
     * @param forced     it was taken with --force, so pci-restore takes it the same way
     */
    public record Assignable(PciAddress address, String driver, String name, boolean persistent, boolean forced) {
        public Assignable withName(String newName) {
            return new Assignable(address, driver, newName, persistent, forced);
        }

        public Assignable withPersistent(boolean newPersistent) {
            return new Assignable(address, driver, name, newPersistent, forced);
        }
    }

    private final Path dir;

    public AssignableRecords(Path hostRoot) {
        this.dir = hostRoot.resolve("var/lib/xenctl/pci");
    }

    public Path dir() {
        return dir;
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
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".record", ".tmp");
            try (var writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "xenctl: device made assignable; its driver before");
            }
            Path target = file(record.address());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(record.address()), e);
        }
    }

    public Optional<Assignable> find(PciAddress address) {
        Path file = file(address);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new Assignable(address, properties.getProperty("driver"), properties.getProperty("name"),
                Boolean.parseBoolean(properties.getProperty("persistent")),
                Boolean.parseBoolean(properties.getProperty("forced"))));
    }

    public Optional<Assignable> findByName(String name) {
        return all().stream().filter(record -> name.equals(record.name())).findFirst();
    }

    public List<Assignable> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Assignable> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                PciAddress address = PciAddress.parseOrNull(file.getFileName().toString());
                if (address != null) {
                    find(address).ifPresent(records::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records.sort((a, b) -> a.address().compareTo(b.address()));
        return records;
    }

    public void delete(PciAddress address) {
        try {
            Files.deleteIfExists(file(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(PciAddress address) {
        return dir.resolve(address.toString());
    }
}
