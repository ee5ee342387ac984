package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.xenctl.domain.HostInfo;

/**
 * What the host itself has, as libvirt sees it: its CPUs, memory and facts, its network interfaces and libvirt
 * networks, and whether files exist there (what preflights ask before a device or a domain is handed to libvirt).
 */
final class HostQueries {
    /** sizeof(virNodeInfo) on LP64: char model[32], unsigned long memory, then six unsigned ints. */
    private static final int NODE_INFO_SIZE = 64;
    private static final int NODE_INFO_CPUS_OFFSET = 40;
    private static final Pattern INTERFACE_TYPE = Pattern.compile("<interface[^>]*\\stype=['\"]([^'\"]+)");

    private final Supplier<Connect> connect;
    private final Pointer connection;
    private int cpus;

    HostQueries(Supplier<Connect> connect, Pointer connection) {
        this.connect = connect;
        this.connection = connection;
    }

    HostInfo info() {
        return HostFacts.read(connect.get(), connection);
    }

    /**
     * Read once per connection: vcpu-list asks for each domain, vcpu-pin for each definition it reads. virNodeInfo
     * read by offset: info needs only this, and libvirt-java's nodeInfo() would cost it the proxy (see
     * {@link DirectCalls}).
     */
    int cpus() {
        if (cpus == 0) {
            com.sun.jna.Memory info = new com.sun.jna.Memory(NODE_INFO_SIZE);
            NativeCalls.check(DirectCalls.virNodeGetInfo(connection, info), "cannot read the host's CPUs");
            cpus = info.getInt(NODE_INFO_CPUS_OFFSET);
        }
        return cpus;
    }

    long freeMemoryKiB() {
        return call("cannot read the host's free memory", connect.get()::getFreeMemory) / 1024;
    }

    Map<String, Boolean> filesExist(Collection<String> paths) {
        return HostFiles.exist(connect.get(), paths);
    }

    /** The type of the host's network interface {@code name} (bridge, ethernet…), empty when there is none. */
    Optional<String> interfaceType(String name) {
        org.libvirt.Interface found;
        try {
            found = connect.get().interfaceLookupByName(name);
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_INTERFACE) {
                return Optional.empty();
            }
            throw LibvirtErrors.translate(e, "cannot look up network interface " + name + " on the host");
        }
        try {
            String xml;
            try {
                xml = found.getXMLDescription(0);
            } catch (LibvirtException e) {
                // It exists. libvirt 9.0's udev backend cannot describe a bridge with a vif on it ("Could not get
                // interface information for 'vif5.0'", measured on the lab's dom0): a bridge in use, most likely.
                return Optional.of("unknown");
            }
            Matcher type = INTERFACE_TYPE.matcher(xml);
            return Optional.of(type.find() ? type.group(1) : "unknown");
        } finally {
            try {
                found.free();
            } catch (LibvirtException e) {
                // Freeing a handle is best effort.
            }
        }
    }

    boolean hasActiveNetwork(String name) {
        org.libvirt.Network network;
        try {
            network = connect.get().networkLookupByName(name);
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_NETWORK) {
                return false;
            }
            throw LibvirtErrors.translate(e, "cannot look up network " + name + " on the host");
        }
        try {
            return call("cannot read network " + name, network::isActive) == 1;
        } finally {
            try {
                network.free();
            } catch (LibvirtException e) {
                // Freeing a handle is best effort.
            }
        }
    }
}
