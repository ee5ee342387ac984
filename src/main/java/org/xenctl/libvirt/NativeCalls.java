package org.xenctl.libvirt;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import org.libvirt.Error;
import org.libvirt.jna.virError;
import org.xenctl.domain.XenctlException;

/** Error handling for {@link NativeLibvirt} calls: libvirt reports failure by a -1 or NULL and a thread-local error. */
final class NativeCalls {
    private NativeCalls() {
    }

    /** Returns {@code result} when it is not negative, else throws libvirt's last error. */
    static int check(int result, String doing) {
        if (result < 0) {
            throw lastError(doing);
        }
        return result;
    }

    static XenctlException lastError(String doing) {
        Pointer pointer = NativeLibvirt.INSTANCE.virGetLastError();
        if (pointer == null) {
            return LibvirtErrors.translate((Error) null, doing);
        }
        virError raw = Structure.newInstance(virError.class, pointer);
        raw.read();
        XenctlException failure = LibvirtErrors.translate(new Error(raw), doing);
        NativeLibvirt.INSTANCE.virResetLastError();
        return failure;
    }
}
