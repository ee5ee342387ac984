package org.xenctl.libvirt;

import org.libvirt.Domain;
import org.libvirt.DomainBlockStats;
import org.libvirt.DomainInterfaceStats;
import org.libvirt.LibvirtException;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainSample;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * One running domain's counters for stats: its summary's CPU time and memory, and the network and block counters
 * of the devices its live XML names (virDomainInterfaceStats, virDomainBlockStats), summed; a sum is null when a
 * device's counters cannot be read. Safe to run for several domains at once: it keeps nothing.
 */
final class DomainSampler {
    private DomainSampler() {
    }

    /** The sample, or null when the domain is gone (or no longer running) by the time its XML is read. */
    static DomainSample sample(Domain domain, DomainSummary summary) {
        String liveXml = DirectCalls.takeString(DirectCalls.virDomainGetXMLDesc(NativeHandles.of(domain), 0));
        if (liveXml == null) {
            XenctlException failure = NativeCalls.lastError("cannot read the XML of domain " + summary.name());
            if (failure.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                return null;
            }
            throw failure;
        }
        DomainXml xml = DomainXml.parse(liveXml, "the domain's XML");
        Long rx = 0L;
        Long tx = 0L;
        for (DomainDetails.NetworkDevice nic : xml.nics()) {
            DomainInterfaceStats counters = nic.ifname().isEmpty() ? null
                    : orNull(() -> domain.interfaceStats(nic.ifname()));
            rx = counters == null || rx == null ? null : rx + counters.rx_bytes;
            tx = counters == null || tx == null ? null : tx + counters.tx_bytes;
        }
        Long read = 0L;
        Long written = 0L;
        for (DomainDetails.DiskDevice disk : xml.disks()) {
            if (disk.source().isEmpty()) {
                continue;  // an empty CD-ROM drive has nothing to count
            }
            DomainBlockStats counters = disk.target().isEmpty() ? null
                    : orNull(() -> domain.blockStats(disk.target()));
            read = counters == null || read == null ? null : read + counters.rd_bytes;
            written = counters == null || written == null ? null : written + counters.wr_bytes;
        }
        DomainSummary.Resources resources = summary.resources();
        return new DomainSample(summary.uuid(), summary.name(), summary.id(), summary.state(), resources.cpuTimeNs(),
                resources.memoryKiB(), resources.maxMemoryKiB(), resources.vcpus(), rx, tx, read, written,
                System.nanoTime());
    }

    /** A counter the driver cannot read (not supported, or the device just went): null, not a failure. */
    private static <T> T orNull(LibvirtCalls.Call<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            XenctlException failure = LibvirtErrors.translate(e, "cannot read a device's counters");
            if (failure.code() == ErrorCode.CONNECTION_LOST) {
                throw failure;
            }
            return null;
        }
    }
}
