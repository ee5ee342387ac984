package org.xenctl.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Every libvirt function xenctl calls other than through libvirt-java, bound in one place with JNA's direct mapping
 * (static natives registered on this class), for one of two reasons written at each group: a plain `xenctl list`
 * needs nothing else, so it never builds libvirt-java's JNA proxy of libvirt's ~300 functions, which in a fresh JVM
 * costs more than the whole listing (libvirt-java wraps the same connection only when a command needs it, see
 * {@link LibvirtHypervisor}); or libvirt-java has no binding for the call. A direct call also skips the reflection
 * and argument conversion a proxied call makes in Java, which for a thousand domains in a barely compiled JVM costs
 * more than the calls.
 */
final class DirectCalls {
    static {
        Native.register(DirectCalls.class, LibvirtLibrary.SONAME);
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

    private DirectCalls() {
    }

    /** {@code auth} NULL: no interactive credentials (ssh keys and agents still work for xen+ssh://). */
    static native Pointer virConnectOpenAuth(String name, Pointer auth, int flags);

    static native int virConnectClose(Pointer conn);

    static native void virSetErrorFunc(Pointer userData, ErrorFunc handler);

    static native int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

    /** {@code doms} points to a NULL-terminated array of virDomainPtr. */
    static native int virDomainListGetStats(Pointer doms, int stats, PointerByReference retStats, int flags);

    static native void virDomainStatsRecordListFree(Pointer stats);

    /** {@code domains} receives an array of virDomainPtr, each freed with virDomainFree, the array with free(). */
    static native int virConnectListAllDomains(Pointer conn, PointerByReference domains, int flags);

    static native Pointer virGetLastError();

    static native void virResetLastError();

    // What a listing asks once per domain where the driver has no bulk statistics (or not all of them).

    static native String virDomainGetName(Pointer dom);

    static native int virDomainGetID(Pointer dom);

    static native int virDomainGetUUIDString(Pointer dom, byte[] buf);

    static native int virDomainGetInfo(Pointer dom, Pointer info);

    static native int virDomainGetState(Pointer dom, IntByReference state, IntByReference reason, int flags);

    static native int virDomainFree(Pointer dom);

    // A domain found, read and acted on by the everyday single-domain verbs (info, domid, dumpxml, start, shutdown,
    // destroy, pause…) and what info reads of the host: bound here so that they, like a listing, never build
    // libvirt-java's proxy (~30 ms of such a command in a fresh JVM; see DomainHandles). Each returns NULL or -1
    // with libvirt's error set.

    static native Pointer virDomainLookupByName(Pointer conn, String name);

    static native Pointer virDomainLookupByID(Pointer conn, int id);

    static native Pointer virDomainLookupByUUIDString(Pointer conn, String uuid);

    static native int virDomainIsPersistent(Pointer dom);

    static native int virDomainGetAutostart(Pointer dom, IntByReference autostart);

    static native int virDomainCreateWithFlags(Pointer dom, int flags);

    static native int virDomainShutdown(Pointer dom);

    /**
     * One more reference on a virDomainPtr, for a call that may outlive the handle's keeper (a shutdown request that
     * libxl holds for a minute while the command returns at its deadline and closes the connection): freed by the
     * caller's own virDomainFree.
     */
    static native int virDomainRef(Pointer dom);

    static native int virDomainDestroy(Pointer dom);

    static native int virDomainSuspend(Pointer dom);

    static native int virDomainResume(Pointer dom);

    static native int virDomainUndefine(Pointer dom);

    /** The scheduler's name, malloc'd (see {@link #takeString}); {@code nparams} receives its parameter count. */
    static native Pointer virDomainGetSchedulerType(Pointer dom, IntByReference nparams);

    /** {@code params}: {@code nparams} virTypedParameter (see {@link TypedParameters}); none of them strings. */
    static native int virDomainGetSchedulerParameters(Pointer dom, Pointer params, IntByReference nparams);

    /** {@code info}: a virNodeInfo (see {@link HostQueries#cpus}). */
    static native int virNodeGetInfo(Pointer conn, Pointer info);

    // libvirt's default event loop and the connection's keepalive: bound here so that a command that does not
    // stream events still never builds libvirt-java's proxy (see EventLoop).

    static native int virEventRegisterDefaultImpl();

    static native int virEventRunDefaultImpl();

    static native int virConnectSetKeepAlive(Pointer conn, int interval, int count);

    /** libvirt's virEventTimeoutCallback. */
    interface TimeoutCallback extends Callback {
        void invoke(int timer, Pointer opaque);
    }

    /** {@code frequency} in ms (-1: disabled); the timer's id, or -1. */
    static native int virEventAddTimeout(int frequency, TimeoutCallback callback, Pointer opaque, Pointer free);

    static native void virEventUpdateTimeout(int timer, int frequency);

    static native int virEventRemoveTimeout(int timer);

    // What libvirt-java 0.5.4 does not bind; used on the native pointers it holds (see NativeHandles).

    /** {@code flags}: VIR_DOMAIN_AFFECT_LIVE 1, _CONFIG 2, VIR_DOMAIN_MEM_MAXIMUM 4. */
    static native int virDomainSetMemoryFlags(Pointer dom, com.sun.jna.NativeLong memoryKiB, int flags);

    /** {@code flags}: VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN 1 (libvirt-java binds only the flagless shutdown). */
    static native int virDomainShutdownFlags(Pointer dom, int flags);

    /** {@code flags}: VIR_DOMAIN_SAVE_PAUSED 4. {@code dxml} null: the image's own XML. */
    static native int virDomainRestoreFlags(Pointer conn, String from, String dxml, int flags);

    /** The XML a save image holds, malloc'd (see {@link #takeString}); NULL where the driver cannot read one. */
    static native Pointer virDomainSaveImageGetXMLDesc(Pointer conn, String file, int flags);

    // A domain's console (virDomainOpenConsole) as a non-blocking stream, woken by the event loop's callbacks.

    static final int STREAM_NONBLOCK = 1;
    static final int STREAM_EVENT_READABLE = 1;
    static final int STREAM_EVENT_ERROR = 4;
    static final int STREAM_EVENT_HANGUP = 8;
    static final int CONSOLE_FORCE = 1;

    /** libvirt's virStreamEventCallback. */
    interface StreamCallback extends Callback {
        void invoke(Pointer stream, int events, Pointer opaque);
    }

    static native Pointer virStreamNew(Pointer conn, int flags);

    /** 1 while the connection is usable, 0 once closed: tells a stream ended by the daemon from a lost daemon. */
    static native int virConnectIsAlive(Pointer conn);

    static native int virDomainOpenConsole(Pointer dom, String devName, Pointer stream, int flags);

    /** Bytes read; 0 at the end of the stream; -1 on error; -2 when nothing is there yet (non-blocking). */
    static native int virStreamRecv(Pointer stream, byte[] data, com.sun.jna.NativeLong length);

    /** Bytes sent; -1 on error; -2 when it would block. */
    static native int virStreamSend(Pointer stream, byte[] data, com.sun.jna.NativeLong length);

    static native int virStreamEventAddCallback(Pointer stream, int events, StreamCallback callback, Pointer opaque,
            Pointer free);

    static native int virStreamEventRemoveCallback(Pointer stream);

    static native int virStreamFinish(Pointer stream);

    static native int virStreamAbort(Pointer stream);

    static native int virStreamFree(Pointer stream);

    /** The domain's XML, malloc'd: the caller frees it (see {@link #takeString}). */
    static native Pointer virDomainGetXMLDesc(Pointer dom, int flags);

    /** libvirt-java's binding fails for more than one parameter (its JNA structure array is not contiguous). */
    static native int virDomainSetSchedulerParameters(Pointer dom, Pointer params, int nparams);

    static native int virDomainPinVcpuFlags(Pointer dom, int vcpu, byte[] cpumap, int maplen, int flags);

    static native int virDomainGetVcpuPinInfo(Pointer dom, int ncpumaps, byte[] cpumaps, int maplen, int flags);

    /** {@code info}: {@code maxinfo} virVcpuInfo structs (see {@link #VCPU_INFO_SIZE}); no CPU maps asked. */
    static native int virDomainGetVcpus(Pointer dom, Pointer info, int maxinfo, Pointer cpumaps, int maplen);

    /** sizeof(virVcpuInfo): unsigned int number, int state, unsigned long long cpuTime, int cpu, padding. */
    static final int VCPU_INFO_SIZE = 24;

    static native int virNodeGetCellsFreeMemory(Pointer conn, long[] freeMems, int startCell, int maxCells);

    static native int virDomainRename(Pointer dom, String newName, int flags);

    /** {@code driverName} "xen" binds the device to xen-pciback whatever the connection's default stub is. */
    static native int virNodeDeviceDetachFlags(Pointer dev, String driverName, int flags);

    /** A string libvirt allocated for the caller, read and freed; null for a failed call (NULL). */
    static String takeString(Pointer text) {
        if (text == null) {
            return null;
        }
        try {
            return text.getString(0, "UTF-8");
        } finally {
            com.sun.jna.Native.free(Pointer.nativeValue(text));
        }
    }
}
