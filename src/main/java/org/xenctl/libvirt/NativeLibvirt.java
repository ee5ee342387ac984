package org.xenctl.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt calls that libvirt-java does not bind, declared against the same libvirt.so.0 and used on the native
 * pointers libvirt-java holds (see {@link NativeHandles}).
 */
interface NativeLibvirt extends Library {
    NativeLibvirt INSTANCE = Native.load("virt", NativeLibvirt.class);

    // virDomainStatsTypes
    int STATS_STATE = 1;
    int STATS_CPU_TOTAL = 2;
    int STATS_BALLOON = 4;
    int STATS_VCPU = 8;

    // virConnectGetAllDomainStatsFlags
    int STATS_ACTIVE = 1;

    int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

    /** {@code doms} is a NULL-terminated array of virDomainPtr. */
    int virDomainListGetStats(Pointer[] doms, int stats, PointerByReference retStats, int flags);

    void virDomainStatsRecordListFree(Pointer stats);

    // virConnectListAllDomainsFlags
    int LIST_DOMAINS_ACTIVE = 1;

    /**
     * {@code domains} receives an array of virDomainPtr, each freed with virDomainFree, the array with free(). The
     * calls made once per domain are in {@link DirectDomainCalls}.
     */
    int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);

    int virDomainRename(Pointer dom, String newName, int flags);

    /** {@code driverName} "xen" binds the device to xen-pciback whatever the connection's default stub is. */
    int virNodeDeviceDetachFlags(Pointer dev, String driverName, int flags);

    Pointer virGetLastError();

    void virResetLastError();
}
