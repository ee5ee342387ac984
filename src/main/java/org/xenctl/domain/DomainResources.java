package org.xenctl.domain;

/**
 * A domain's memory and vCPUs as one of its definitions has them (the running domain's, or the persistent one's).
 *
 * @param memoryKiB    the balloon target (xl's mem-set; libvirt's currentMemory)
 * @param maxMemoryKiB the most the domain may be given (xl's maxmem, mem-max; libvirt's memory)
 * @param vcpus        the vCPUs online (xl's vcpu-set; libvirt's vcpu current=)
 * @param maxVcpus     the vCPUs the domain was built with (xl's maxvcpus)
 */
public record DomainResources(long memoryKiB, long maxMemoryKiB, int vcpus, int maxVcpus) {
}
