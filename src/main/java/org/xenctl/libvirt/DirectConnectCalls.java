package org.xenctl.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The calls that open a connection, list its domains in bulk, report errors and close it, bound with JNA's direct
 * mapping. A plain `xenctl list` needs nothing else, so it never builds libvirt-java's proxy of libvirt's ~300
 * functions (or {@link NativeLibvirt}'s): in a fresh JVM each proxy costs more than the whole listing.
 * libvirt-java wraps the same connection only when a command needs it (see {@link LibvirtHypervisor}).
 */
final class DirectConnectCalls {
    static {
        Native.register(DirectConnectCalls.class, LibvirtLibrary.SONAME);
    }

    // virConnectFlags
    static final int OPEN_READ_ONLY = 1;

    // virDomainStatsTypes
    static final int STATS_STATE = 1;
    static final int STATS_CPU_TOTAL = 2;
    static final int STATS_BALLOON = 4;
    static final int STATS_VCPU = 8;

    // virConnectGetAllDomainStatsFlags
    static final int STATS_ACTIVE = 1;

    // virConnectListAllDomainsFlags
    static final int LIST_DOMAINS_ACTIVE = 1;

    /** libvirt's virErrorFunc. */
    interface ErrorFunc extends Callback {
        void invoke(Pointer userData, Pointer error);
    }

    private DirectConnectCalls() {
    }

    /** {@code auth} NULL: no interactive credentials (ssh keys and agents still work for xen+ssh://). */
    static native Pointer virConnectOpenAuth(String name, Pointer auth, int flags);

    static native int virConnectClose(Pointer conn);

    static native void virSetErrorFunc(Pointer userData, ErrorFunc handler);

    static native int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

    /** {@code doms} points to a NULL-terminated array of virDomainPtr. */
    static native int virDomainListGetStats(Pointer doms, int stats, PointerByReference retStats, int flags);

    static native void virDomainStatsRecordListFree(Pointer stats);

    /**
     * {@code domains} receives an array of virDomainPtr, each freed with virDomainFree, the array with free(). The
     * calls made once per domain are in {@link DirectDomainCalls}.
     */
    static native int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);

    static native Pointer virGetLastError();

    static native void virResetLastError();
}
