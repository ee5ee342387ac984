package org.xenctl.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * virDomainInfo, for drivers whose bulk stats leave out memory, vCPUs or CPU time. Read from plain memory at the C
 * struct's offsets: JNA's Structure reads its fields by reflection, which a listing would pay once per domain.
 * <pre>{ unsigned char state; unsigned long maxMem, memory; unsigned short nrVirtCpu; unsigned long long cpuTime; }</pre>
 */
record DomainInfo(long maxMemKiB, long memoryKiB, int vcpus, long cpuTimeNs) {
    private static final int LONG = Native.LONG_SIZE;
    private static final int MAX_MEM = LONG;
    private static final int MEMORY = 2 * LONG;
    private static final int VCPUS = 3 * LONG;
    private static final int CPU_TIME = (VCPUS + Short.BYTES + 7) / 8 * 8;
    private static final int SIZE = CPU_TIME + Long.BYTES;

    /** virDomainGetInfo; null when it fails (libvirt's last error tells why). */
    static DomainInfo of(Pointer domain) {
        Memory info = new Memory(SIZE);
        if (DirectCalls.virDomainGetInfo(domain, info) < 0) {
            return null;
        }
        return new DomainInfo(info.getNativeLong(MAX_MEM).longValue(), info.getNativeLong(MEMORY).longValue(),
                Short.toUnsignedInt(info.getShort(VCPUS)), info.getLong(CPU_TIME));
    }
}
