package org.xenctl.libvirt;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import org.libvirt.Connect;
import org.libvirt.Device;
import org.libvirt.Domain;
import org.libvirt.jna.ConnectionPointer;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The native virConnectPtr and virDomainPtr behind libvirt-java's objects, which keeps them in non-public fields,
 * so that our own native calls act on the same connection and domains; and libvirt-java's Connect made around a
 * connection we opened ({@link DirectCalls}), through its non-public constructor.
 */
final class NativeHandles {
    private static final Field CONNECT_POINTER = field(Connect.class, "vcp");
    private static final Field DOMAIN_POINTER = field(Domain.class, "vdp");
    private static final Field DEVICE_POINTER = field(Device.class, "vdp");
    private static final Constructor<Connect> CONNECT_FROM_POINTER = constructor();

    private NativeHandles() {
    }

    /** libvirt-java's Connect around an open virConnectPtr, which it then owns (its close() closes it). */
    static Connect wrap(Pointer connection) {
        ConnectionPointer pointer = new ConnectionPointer();
        pointer.setPointer(connection);
        try {
            return CONNECT_FROM_POINTER.newInstance(pointer);
        } catch (ReflectiveOperationException e) {
            throw new XenctlException(ErrorCode.INTERNAL, "cannot wrap a libvirt connection for libvirt-java", null,
                    e);
        }
    }

    static Pointer of(Connect connect) {
        return pointer(CONNECT_POINTER, connect);
    }

    static Pointer of(Domain domain) {
        return pointer(DOMAIN_POINTER, domain);
    }

    static Pointer of(Device device) {
        return pointer(DEVICE_POINTER, device);
    }

    private static Pointer pointer(Field field, Object owner) {
        try {
            return ((PointerType) field.get(owner)).getPointer();
        } catch (IllegalAccessException e) {
            throw new XenctlException(ErrorCode.INTERNAL, "cannot read libvirt-java's native handle", null, e);
        }
    }

    private static Constructor<Connect> constructor() {
        try {
            Constructor<Connect> constructor = Connect.class.getDeclaredConstructor(ConnectionPointer.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("libvirt-java has no Connect(ConnectionPointer): this libvirt-java "
                    + "version is not supported", e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("libvirt-java has no field " + type.getSimpleName() + "." + name
                    + ": this libvirt-java version is not supported", e);
        }
    }
}
