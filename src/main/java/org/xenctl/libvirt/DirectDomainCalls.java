package org.xenctl.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The calls a listing makes once per domain, bound with JNA's direct mapping (static natives registered on this
 * class) rather than through {@link NativeLibvirt}'s proxy: a proxied call goes through reflection and argument
 * conversion in Java, which for a thousand domains in a fresh (barely compiled) JVM costs more than the calls.
 */
final class DirectDomainCalls {
    static {
        Native.register(DirectDomainCalls.class, LibvirtLibrary.SONAME);
    }

    private DirectDomainCalls() {
    }

    static native String virDomainGetName(Pointer dom);

    static native int virDomainGetID(Pointer dom);

    static native int virDomainGetUUIDString(Pointer dom, byte[] buf);

    static native int virDomainGetInfo(Pointer dom, Pointer info);

    static native int virDomainGetState(Pointer dom, IntByReference state, IntByReference reason, int flags);

    static native int virDomainFree(Pointer dom);
}
