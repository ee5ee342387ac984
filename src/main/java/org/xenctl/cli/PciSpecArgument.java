package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.PciPassthrough;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.PciAssignment;
import org.xenctl.domain.PciAddress;
import org.xenctl.xlcfg.PciSpec;
import org.xenctl.xlcfg.PciSpecParser;
import org.xenctl.xlcfg.Position;
import org.xenctl.xlcfg.SpecReport;
import org.xenctl.xlcfg.XlProblem;

/**
 * A PCI_SPEC_STRING on the command line (pci-attach, pci-detach), read by the same parser as xl.cfg's pci=[…] and
 * with xl's defaults for what it leaves out. A bad one is refused with the column of the fault.
 *
 * @param warnings what the spec asks that libvirt cannot carry
 */
record PciSpecArgument(PciAssignment device, List<XlProblem> warnings) {

    static PciSpecArgument read(String text, boolean compat, Invocation root) {
        List<XlProblem> problems = new ArrayList<>();
        SpecReport report = new SpecReport(null, new Position(1, 0), "PCI_SPEC '" + text + "'", compat, problems);
        PciSpec spec = PciSpecParser.parse(text, report);
        problems.stream().filter(XlProblem::isError).findFirst().ifPresent(problem -> {
            throw new XenctlException(ErrorCode.USAGE, problem.message() + " (column " + problem.position().column()
                    + ")", problem.hint());
        });
        PciSpec.Bdf bdf = spec.bdf();
        if (bdf != null && bdf.function() == null) {
            throw new XenctlException(ErrorCode.USAGE, "'" + bdf + "' (every function) cannot be expressed in "
                    + "libvirt", "give one function at a time, e.g. " + bdf.toString().replace("*", "0"));
        }
        PciAddress address = bdf != null ? new PciAddress(bdf.domain(), bdf.bus(), bdf.slot(), bdf.function())
                : byName(spec.name(), root);
        if (spec.vslot() != null && spec.vslot() > 0x1f) {
            throw new XenctlException(ErrorCode.USAGE, String.format("vslot %02x is not a PCI slot", spec.vslot()),
                    "a guest slot is 00 to 1f (hex)");
        }
        PciAssignment device = new PciAssignment(address, spec.vslot(), spec.name(), orFalse(spec.permissive()),
                orFalse(spec.msitranslate()), orFalse(spec.seize()), orFalse(spec.powerMgmt()),
                spec.rdmPolicy() == null ? "strict" : spec.rdmPolicy());
        if (device.msitranslate() || device.powerMgmt() || !device.rdmPolicy().equals("strict")) {
            report.warning(0, "msitranslate, power_mgmt and rdm_policy are not carried to libvirt (libxl's "
                    + "defaults apply)", null);
        }
        return new PciSpecArgument(device, List.copyOf(problems));
    }

    /** The address as "DDDD:BB:SS.F", the form libvirt's XML and xenctl's listings use. */
    String address() {
        return device.address().toString();
    }

    /** The device as attach and detach look for it (one function: a slot's every function was refused). */
    PciPassthrough passthrough() {
        return new PciPassthrough(device);
    }

    /** name= is a name given by pci-assignable-add -n: xenctl's records on this dom0 know it, libvirt does not. */
    private static PciAddress byName(String name, Invocation root) {
        if (!root.reachesThisMachine()) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "name=" + name + " is known to the dom0's own records "
                    + "only, not through " + root.target(), "give the device's address (DDDD:BB:SS.F)");
        }
        return PciHosts.local(root).byName(name);
    }

    private static boolean orFalse(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
