package org.xenctl.libvirt;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

import com.sun.jna.Structure;

/**
 * The field order of JNA's first structure, {@code Structure.FFIType}, handed to JNA before it reads it from the
 * class's {@code @FieldOrder} annotation. Reading an annotation makes the JDK generate a proxy class for the annotation
 * type and one for its meta-annotation, at run time in a module of their own (bytecode written by the JDK's ASM in
 * the interpreter): ~10 ms of CPU on the loading threads of every connecting command, which the class-data archive of
 * JDK 17 cannot hold. JNA keeps each structure's order in a map that it fills once per class, under a lock; this puts
 * FFIType's there, under that lock. The order is JNA's own, written here once: {@code JnaFieldOrdersTest} fails if it
 * differs from the annotation, or if JNA's map is no longer where this looks for it. Nothing depends on it: without
 * the map JNA reads the annotation as before.
 */
final class JnaFieldOrders {
    static final String FFI_TYPE = "com.sun.jna.Structure$FFIType";
    static final List<String> FFI_TYPE_FIELDS = List.of("size", "alignment", "type", "elements");

    private JnaFieldOrders() {
    }

    /** Gives JNA FFIType's field order; false if JNA's map or lock was not found (JNA then reads the annotation). */
    static boolean give() {
        try {
            Class<?> ffiType = Class.forName(FFI_TYPE, false, JnaFieldOrders.class.getClassLoader());
            Map<Class<?>, List<String>> orders = staticField("fieldOrder");
            ReadWriteLock lock = staticField("fieldOrderLock");
            Lock writing = lock.writeLock();
            writing.lock();
            try {
                orders.putIfAbsent(ffiType, FFI_TYPE_FIELDS);
            } finally {
                writing.unlock();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T staticField(String name) throws ReflectiveOperationException {
        Field field = Structure.class.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(null);
    }
}
