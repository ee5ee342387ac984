package org.xenctl.domain.spec;

/**
 * A disk the guest is given, as xl means it once its defaults apply (xl-disk-configuration(5)); what only the
 * syntax knows (the deprecated form, COLO keys, the text as written) stays with {@code xlcfg.DiskSpec}.
 *
 * @param target      the backend path or name, or null for an empty CD-ROM drive
 * @param format      raw, qcow, qcow2, vhd, qed or empty
 * @param backend     the driver domain serving the disk, or null for dom0
 * @param backendtype phy, qdisk or tap, or null to let libxl choose
 * @param discard     null when not said
 */
public record Disk(String target, String format, String vdev, boolean readOnly, boolean cdrom, String backend,
                   String backendtype, Boolean discard) {

    /** xl's access: "ro" or "rw". */
    public String access() {
        return readOnly ? "ro" : "rw";
    }
}
