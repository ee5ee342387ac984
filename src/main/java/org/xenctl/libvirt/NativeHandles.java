package org.xenctl.libvirt;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import org.libvirt.Connect;
import org.libvirt.Device;
import org.libvirt.Domain;
import org.libvirt.jna.ConnectionPointer;
import org.libvirt.jna.DomainPointer;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The native virConnectPtr and virDomainPtr behind libvirt-java's objects, which keeps them in non-public fields,
 * so that our own native calls act on the same connection and domains; and libvirt-java's Connect and Domain made
 * around a connection or domain we got ({@link DirectCalls}), through their non-public constructors.
 */
final class NativeHandles {
    private static final Field CONNECT_POINTER = field(Connect.class, "vcp");
    private static final Field DOMAIN_POINTER = field(Domain.class, "vdp");
    private static final Field DEVICE_POINTER = field(Device.class, "vdp");
    private static final Constructor<Connect> CONNECT_FROM_POINTER = constructor(Connect.class,
            ConnectionPointer.class);
    private static final Constructor<Domain> DOMAIN_FROM_POINTER = constructor(Domain.class, Connect.class,
            DomainPointer.class);

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

    /**
     * libvirt-java's Domain around a virDomainPtr we looked up, which it then holds: free it with {@link #free}, not
     * with Domain.free(), whose first call would build libvirt-java's proxy.
     */
    static Domain wrap(Connect connect, Pointer domain) {
        DomainPointer pointer = new DomainPointer();
        pointer.setPointer(domain);
        try {
            return DOMAIN_FROM_POINTER.newInstance(connect, pointer);
        } catch (ReflectiveOperationException e) {
            throw new XenctlException(ErrorCode.INTERNAL, "cannot wrap a libvirt domain for libvirt-java", null, e);
        }
    }

    /**
     * Frees the domain's virDomainPtr and clears it from the object, so that libvirt-java's finalizer does not free
     * it again; once only, like Domain.free().
     */
    static void free(Domain domain) {
        Pointer pointer = release(DOMAIN_POINTER, domain);
        if (pointer != null) {
            DirectCalls.virDomainFree(pointer);
        }
    }

    /**
     * Closes the connection libvirt-java's Connect holds, as its close() does but without building libvirt-java's
     * proxy, and clears it from the object so that its finalizer does not close it again.
     */
    static void close(Connect connect) {
        Pointer pointer = release(CONNECT_POINTER, connect);
        if (pointer != null) {
            DirectCalls.virConnectClose(pointer);
        }
    }

    /** Takes the native handle out of libvirt-java's object: the handle, or null when it was released already. */
    private static Pointer release(Field field, Object owner) {
        Pointer pointer = pointer(field, owner);
        if (pointer != null) {
            try {
                field.set(owner, null);
            } catch (IllegalAccessException e) {
                throw new XenctlException(ErrorCode.INTERNAL, "cannot release libvirt-java's native handle", null, e);
            }
        }
        return pointer;
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
            PointerType handle = (PointerType) field.get(owner);
            return handle == null ? null : handle.getPointer();
        } catch (IllegalAccessException e) {
            throw new XenctlException(ErrorCode.INTERNAL, "cannot read libvirt-java's native handle", null, e);
        }
    }

    private static <T> Constructor<T> constructor(Class<T> type, Class<?>... parameters) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("libvirt-java has no " + type.getSimpleName() + " constructor taking "
                    + java.util.Arrays.toString(parameters) + ": this libvirt-java version is not supported", e);
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
