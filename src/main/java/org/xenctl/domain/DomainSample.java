package org.xenctl.domain;

/**
 * One domain's counters at one moment, for stats: what rates are computed from. A counter libvirt cannot read for
 * this domain (the driver does not support it) is null.
 *
 * @param takenNanos   when it was read (System.nanoTime)
 * @param netRxBytes   bytes received by all its interfaces (the backend's view: what the guest was sent)
 * @param blockReadBytes bytes read from all its disks
 */
public record DomainSample(String uuid, String name, int id, DomainState state, long cpuTimeNs, long memoryKiB,
                           long maxMemoryKiB, int vcpus, Long netRxBytes, Long netTxBytes, Long blockReadBytes,
                           Long blockWriteBytes, long takenNanos) {
}
