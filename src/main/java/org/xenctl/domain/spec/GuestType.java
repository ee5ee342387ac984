package org.xenctl.domain.spec;

/** xl's guest types, with the libvirt os type each becomes for the libxl driver. */
public enum GuestType {
    PV("pv", "xen"),
    PVH("pvh", "xenpvh"),
    HVM("hvm", "hvm");

    private final String xlName;
    private final String libvirtOsType;

    GuestType(String xlName, String libvirtOsType) {
        this.xlName = xlName;
        this.libvirtOsType = libvirtOsType;
    }

    public String xlName() {
        return xlName;
    }

    public String libvirtOsType() {
        return libvirtOsType;
    }

    /** From libvirt's os type ("linux" is libvirt's old name for xen). */
    public static GuestType ofLibvirt(String osType) {
        return switch (osType) {
            case "xenpvh" -> PVH;
            case "hvm" -> HVM;
            default -> PV;
        };
    }
}
