package org.xenctl.libvirt;

/**
 * The name xenctl's own bindings load libvirt by: its soname, unchanged since libvirt 0.x. Given "virt", JNA first
 * tries the development link libvirt.so (absent unless libvirt-dev is installed), fails twice with an exception each
 * time, then lists the whole library directory (~1500 files on Debian) for libvirt.so.N: ~2 ms of every command's
 * start, in the interpreter. The soname is found by the first dlopen.
 */
final class LibvirtLibrary {
    static final String SONAME = "libvirt.so.0";

    private LibvirtLibrary() {
    }
}
