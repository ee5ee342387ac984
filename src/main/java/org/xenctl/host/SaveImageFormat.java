package org.xenctl.host;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Who wrote a saved domain, from its first bytes: libvirt's Xen driver restores only the images it wrote itself
 * (its "libvirt-xml" header, then the domain's XML, then libxl's stream), and says of any other file only "image
 * magic is incorrect". xl's save files start with their own header, and are restored by xl alone.
 */
public enum SaveImageFormat {
    /** libvirt's libxl driver ({@code LIBXL_SAVE_MAGIC}): what xenctl save, virsh save and managedsave write */
    LIBVIRT,
    /** xl save's ({@code savefileheader_magic}) */
    XL,
    /** anything else: not a saved domain either can restore */
    OTHER;

    private static final byte[] LIBVIRT_MAGIC = "libvirt-xml\n \0 \r".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XL_MAGIC = "Xen saved domain, xl format\n \0 \r".getBytes(StandardCharsets.ISO_8859_1);

    /** How many first bytes tell them apart. */
    public static final int HEADER_BYTES = XL_MAGIC.length;

    public static SaveImageFormat of(byte[] head) {
        if (startsWith(head, LIBVIRT_MAGIC)) {
            return LIBVIRT;
        }
        return startsWith(head, XL_MAGIC) ? XL : OTHER;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
