package org.xenctl.host.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vendor and device names from the pci.ids database (Debian's pci.ids package, which pciutils depends on). Absent
 * database: no names, never an error.
 */
public final class PciIds {
    /** Where Debian and most distributions keep it. */
    public static final List<Path> LOCATIONS = List.of(Path.of("/usr/share/misc/pci.ids"),
            Path.of("/usr/share/hwdata/pci.ids"));

    private final Map<Integer, String> vendors = new HashMap<>();
    private final Map<Long, String> devices = new HashMap<>();

    private PciIds() {
    }

    public static PciIds none() {
        return new PciIds();
    }

    /** The first database found under {@code root} (the host's / in production). */
    public static PciIds load(Path root) {
        for (Path location : LOCATIONS) {
            Path file = root.resolve(location.toString().substring(1));
            if (Files.isReadable(file)) {
                try {
                    return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return none();
                }
            }
        }
        return none();
    }

    /** The format: "VVVV  vendor", then "\tDDDD  device" lines under it; "\t\t" subsystems and "C" classes skipped. */
    static PciIds parse(List<String> lines) {
        PciIds ids = new PciIds();
        int vendor = -1;
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("C ")) {
                break; // the device classes come last
            }
            if (line.startsWith("\t\t")) {
                continue;
            }
            boolean device = line.startsWith("\t");
            String body = device ? line.substring(1) : line;
            if (body.length() < 6 || body.charAt(4) != ' ') {
                continue;
            }
            int id;
            try {
                id = Integer.parseInt(body.substring(0, 4), 16);
            } catch (NumberFormatException e) {
                continue;
            }
            String name = body.substring(4).trim();
            if (device && vendor >= 0) {
                ids.devices.put(key(vendor, id), name);
            } else if (!device) {
                vendor = id;
                ids.vendors.put(id, name);
            }
        }
        return ids;
    }

    public String vendor(int vendor) {
        return vendors.get(vendor);
    }

    public String device(int vendor, int device) {
        return devices.get(key(vendor, device));
    }

    private static long key(int vendor, int device) {
        return ((long) vendor << 16) | device;
    }
}
