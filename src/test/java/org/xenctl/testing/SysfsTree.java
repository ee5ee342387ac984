package org.xenctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a sysfs-shaped tree (and the /proc files the inventory reads) the way the kernel lays it out: devices
 * under sys/devices/pci0000:00/, reached through the sys/bus/pci/devices/ links, driver and iommu_group links,
 * net/ and block/ below the device. Never the machine's own /sys.
 */
public final class SysfsTree {
    private final Path root;

    public SysfsTree(Path root) {
        this.root = root;
        write("proc/mounts", "");
        write("proc/swaps", "Filename\tType\tSize\tUsed\tPriority\n");
        write("proc/net/route", "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n");
        directory("sys/bus/pci/drivers");
        directory("sys/bus/pci/devices");
    }

    public Path root() {
        return root;
    }

    public SysfsTree pciback() {
        directory("sys/bus/pci/drivers/pciback");
        return this;
    }

    public Device device(String bdf, int vendor, int device, int classCode) {
        Path dir = directory("sys/devices/pci0000:00/" + bdf);
        link("sys/bus/pci/devices/" + bdf, "../../../devices/pci0000:00/" + bdf);
        Device d = new Device(bdf, dir);
        d.file("vendor", String.format("0x%04x", vendor));
        d.file("device", String.format("0x%04x", device));
        d.file("subsystem_vendor", String.format("0x%04x", vendor));
        d.file("subsystem_device", "0x0000");
        d.file("class", String.format("0x%06x", classCode));
        return d;
    }

    public SysfsTree mount(String line) {
        append("proc/mounts", line + "\n");
        return this;
    }

    public SysfsTree swap(String device) {
        append("proc/swaps", device + "\tpartition\t1048572\t0\t-2\n");
        return this;
    }

    public SysfsTree defaultRoute(String iface) {
        append("proc/net/route", iface + "\t00000000\t0102A8C0\t0003\t0\t0\t0\t00000000\n");
        return this;
    }

    public final class Device {
        private final String bdf;
        private final Path dir;

        private Device(String bdf, Path dir) {
            this.bdf = bdf;
            this.dir = dir;
        }

        public Device file(String name, String content) {
            write(root.relativize(dir.resolve(name)).toString(), content + "\n");
            return this;
        }

        public Device driver(String name) {
            directory("sys/bus/pci/drivers/" + name);
            link(root.relativize(dir.resolve("driver")).toString(), "../../../bus/pci/drivers/" + name);
            return this;
        }

        public Device group(int group) {
            directory("sys/kernel/iommu_groups/" + group + "/devices");
            link(root.relativize(dir.resolve("iommu_group")).toString(), "../../../kernel/iommu_groups/" + group);
            link("sys/kernel/iommu_groups/" + group + "/devices/" + bdf, "../../../../devices/pci0000:00/" + bdf);
            return this;
        }

        public Device resetMethods(String methods) {
            file("reset", "");
            return file("reset_method", methods);
        }

        public Device net(String iface, boolean up) {
            return netBelow("", iface, up);
        }

        /** An interface one level down, as a virtio NIC has it (virtio0/net/eth0). */
        public Device netBelow(String child, String iface, boolean up) {
            directory(root.relativize(dir.resolve(child).resolve("net/" + iface)).toString());
            write("sys/class/net/" + iface + "/flags", up ? "0x1003\n" : "0x1002\n");
            return this;
        }

        public Device disk(String name) {
            directory(root.relativize(dir.resolve("host0/target0:0:0/0:0:0:0/block/" + name)).toString());
            return this;
        }

        public Device virtualFunction(int index, String vfBdf) {
            link(root.relativize(dir.resolve("virtfn" + index)).toString(), "../" + vfBdf);
            return this;
        }

        public Device physicalFunction(String pfBdf) {
            link(root.relativize(dir.resolve("physfn")).toString(), "../" + pfBdf);
            return this;
        }
    }

    private Path directory(String relative) {
        try {
            return Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String relative, String content) {
        try {
            Files.writeString(root.resolve(relative), content, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void link(String relative, String target) {
        try {
            Path link = root.resolve(relative);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
