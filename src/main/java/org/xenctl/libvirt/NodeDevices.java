package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.libvirt.Connect;
import org.libvirt.Device;
import org.libvirt.LibvirtException;
import org.xenctl.domain.NodePciDevice;

/**
 * The host's PCI devices through libvirt's node-device API, for a host whose sysfs is out of reach: listed, read,
 * bound to xen-pciback (virNodeDeviceDetachFlags with the "xen" stub, which libvirt-java lacks) and given back.
 * Apart from domains: a device handle is freed as soon as it has been used.
 */
final class NodeDevices {
    private final Supplier<Connect> connect;

    NodeDevices(Supplier<Connect> connect) {
        this.connect = connect;
    }

    List<NodePciDevice> pci() {
        String[] names = call("cannot list the host's PCI devices", () -> connect.get().listDevices("pci"));
        List<NodePciDevice> devices = new ArrayList<>();
        for (String name : names) {
            Device device = call("cannot read node device " + name, () -> connect.get().deviceLookupByName(name));
            try {
                NodePciDevice pci = NodeDeviceXml.pci(call("cannot read node device " + name,
                        device::getXMLDescription));
                if (pci != null) {
                    devices.add(pci);
                }
            } finally {
                free(device);
            }
        }
        devices.sort(Comparator.comparing(NodePciDevice::address));
        return devices;
    }

    NodePciDevice pci(String address) {
        Device device = byAddress(address);
        try {
            return NodeDeviceXml.pci(call("cannot read PCI device " + address, device::getXMLDescription));
        } finally {
            free(device);
        }
    }

    void detachToPciback(String address) {
        Device device = byAddress(address);
        try {
            NativeCalls.check(DirectCalls.virNodeDeviceDetachFlags(NativeHandles.of(device), "xen", 0),
                    "libvirt cannot bind " + address + " to xen-pciback");
        } finally {
            free(device);
        }
    }

    void reattach(String address) {
        Device device = byAddress(address);
        try {
            call("libvirt cannot give " + address + " back to the host", device::reAttach);
        } finally {
            free(device);
        }
    }

    /** libvirt names a PCI node device after its address: pci_0000_01_00_0. */
    private Device byAddress(String address) {
        String name = "pci_" + address.replace(':', '_').replace('.', '_');
        return call("no PCI device " + address + " on this host", () -> connect.get().deviceLookupByName(name));
    }

    private static void free(Device device) {
        try {
            device.free();
        } catch (LibvirtException e) {
            // Freed already; nothing more to do.
        }
    }
}
