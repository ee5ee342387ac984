package org.xenctl.cli;

/**
 * A PCI host command that reads the dom0's sysfs locally, without libvirtd, and through a remote URI falls back on
 * libvirt's node-device API: {@link #execute} gets a session only in the remote case.
 */
abstract class PciHostCommand extends HypervisorCommand {

    @Override
    boolean needsSession() {
        return !LocalHostOnly.isLocal(invocation().connect());
    }
}
