package org.xenctl.cli;

import java.nio.file.Path;
import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDevices;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.XlDomainReader.Reading;
import org.xenctl.libvirt.HostDevices;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.xlcfg.XlProblem;

/**
 * The domain a `create` or `define` file describes, as libvirt XML for the host: the file itself if it is XML, else
 * the xl.cfg file (with xl create's KEY=VALUE overrides) converted, with its warnings.
 */
record DomainSource(String xml, String name, List<XlProblem> warnings) {

    static DomainSource load(Path file, List<String> overrides, boolean compat, String domainType) {
        String text = InputFiles.read(file);
        if (ConfigFiles.isXml(text)) {
            if (!overrides.isEmpty()) {
                throw new XenctlException(ErrorCode.USAGE, "KEY=VALUE overrides apply to xl.cfg files, and " + file
                        + " is XML", "edit the XML, or give an xl.cfg file");
            }
            // Read now, naming the file: a dry run then refuses what the real run would, and messages say where.
            return new DomainSource(text, HostDevices.name(text, file.toString()), List.of());
        }
        Reading reading = ConfigFiles.read(file, text, overrides, compat);
        return new DomainSource(SpecXmlWriter.write(reading.spec(), domainType), reading.spec().name(),
                reading.warnings());
    }

    /** libvirt's os type of the domain: xen (PV), xenpvh (PVH), hvm. */
    String osType() {
        return HostDevices.osType(xml, name == null ? "domain XML" : "domain " + name);
    }

    /** The domain's disks, interfaces and PCI devices, read back from its XML (for the preflight before it starts). */
    DomainDevices devices() {
        return HostDevices.devices(xml, name == null ? "domain XML" : "domain " + name);
    }

    /** The host PCI devices the domain asks for, read back from its XML (for the preflight before it starts). */
    List<DomainDetails.PciDevice> pciDevices() {
        return HostDevices.pci(xml, name == null ? "domain XML" : "domain " + name);
    }
}
