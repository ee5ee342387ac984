package org.xenctl.xlcfg;

import java.util.Map;

/**
 * One DISK_SPEC_STRING after parsing, with xl's defaults applied (xl-disk-configuration(5)).
 *
 * @param target the backend path or name, or null for an empty CD-ROM drive
 * @param format raw, qcow, qcow2, vhd, qed or empty
 * @param access "rw" or "ro"
 * @param devtype "disk" or "cdrom"
 * @param backend the driver domain serving the disk, or null for dom0
 * @param backendtype phy, qdisk, tap or standalone, or null to let libxl choose
 * @param discard, trusted, grantUsage null when not said
 * @param colo the COLO keys as written (unstable in xl)
 * @param deprecatedSyntax whether the {@code [format:]target,vdev[:devtype],access} form was used
 */
public record DiskSpec(String target, String format, String vdev, String access, String devtype, String backend,
                       String backendtype, String script, boolean directIoSafe, Boolean discard, Boolean trusted,
                       String specification, Boolean grantUsage, Map<String, String> colo,
                       boolean deprecatedSyntax) {

    public DiskSpec {
        colo = Map.copyOf(colo);
    }

    public boolean readOnly() {
        return "ro".equals(access);
    }

    public boolean cdrom() {
        return "cdrom".equals(devtype);
    }
}
