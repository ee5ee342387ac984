package org.xenctl.domain;

/**
 * Versions of the pieces xenctl talks to. A version libvirt cannot tell is null.
 *
 * @param hypervisorType    the libvirt driver's name for the hypervisor ("Xen", "TEST", …)
 * @param hypervisorVersion the hypervisor's version, e.g. "4.17.0", or null
 */
public record HostVersion(String uri, String hostname, String hypervisorType, String hypervisorVersion,
                          String libvirtLibraryVersion, String libvirtDaemonVersion) { }
