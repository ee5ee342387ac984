package org.xenctl.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libvirt calls that libvirt-java does not bind and that no short command needs (those are bound directly, see
 * {@link DirectConnectCalls}), declared against the same libvirt.so.0 and used on the native pointers libvirt-java
 * holds (see {@link NativeHandles}).
 */
interface NativeLibvirt extends Library {
    NativeLibvirt INSTANCE = Native.load(LibvirtLibrary.SONAME, NativeLibvirt.class);

    int virDomainRename(Pointer dom, String newName, int flags);

    /** {@code driverName} "xen" binds the device to xen-pciback whatever the connection's default stub is. */
    int virNodeDeviceDetachFlags(Pointer dev, String driverName, int flags);

}
