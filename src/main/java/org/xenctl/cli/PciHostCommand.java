package org.xenctl.cli;

/**
 * A PCI host command: on the dom0 it reads sysfs and needs no libvirtd of its own accord; through a remote URI it
 * works through libvirt's node-device API, so only then does it get a session ({@link PciHosts} chooses).
 */
abstract class PciHostCommand extends HypervisorCommand {

    @Override
    boolean needsSession() {
        return !invocation().reachesThisMachine();
    }
}
