package org.xenctl.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.xenctl.domain.spec.XlConfigWriter;
import org.xenctl.domain.spec.XlDomainReader;
import org.xenctl.host.XenctlConf;
import org.xenctl.libvirt.SpecXmlReader;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.xlcfg.DiskSpecParser;
import org.xenctl.xlcfg.NetSpecParser;
import org.xenctl.xlcfg.PciSpecParser;
import org.xenctl.xlcfg.SpecReport;
import org.xenctl.xlcfg.XlConfig;
import org.xenctl.xlcfg.XlParser;
import org.xenctl.xlcfg.XlProblem;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads what a user or libvirt hands xenctl: an xl.cfg file all
 * the way to libvirt XML, the DISK/NET/PCI spec strings, a domain XML all the way to xl.cfg, and xenctl.conf. Each input ends in a
 * result or a reported error ({@link Handled}), never a crash, and every XML written parses back.
 *
 * <p>In the suite each target runs on its regression inputs (src/test/resources/org/xenctl/fuzz/
 * XlConfigFuzzTestInputs/TARGET: what fuzzing found, and the cases the trust review listed); {@code scripts/fuzz}
 * fuzzes them for as long as asked, seeded with the golden files (docs/testing.md).
 */
class XlConfigFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void xl_cfg(FuzzedDataProvider data) {
        boolean compat = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        Handled.run(() -> {
            XlConfig config = XlParser.parse(text, "fuzz.cfg", List.of());
            XlDomainReader.Reading reading = XlDomainReader.read(config, compat);
            Handled.wellFormed(SpecXmlWriter.write(reading.spec(), "xen"));
        });
    }

    @FuzzTest(maxDuration = "5m")
    void disk_net_and_pci_specs(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 2);
        boolean compat = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        List<XlProblem> problems = new ArrayList<>();
        SpecReport report = SpecReport.of("fuzz", compat, problems);
        // A spec parser reports what is wrong; it never throws.
        switch (which) {
            case 0 -> DiskSpecParser.parse(text, report);
            case 1 -> NetSpecParser.parse(text, report);
            default -> PciSpecParser.parse(text, report);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void xenctl_conf(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Handled.run(() -> {
            XenctlConf conf = XenctlConf.parse(Path.of("fuzz.conf"), text.lines().toList());
            // What is accepted is what a command may use: a URI without control characters, a known format.
            conf.uriDefault().ifPresent(uri -> Handled.printable(uri, "uri_default"));
            conf.output().ifPresent(format -> Handled.oneOf(format, List.of("text", "json"), "output"));
        });
    }

    @FuzzTest(maxDuration = "5m")
    void domain_xml(FuzzedDataProvider data) {
        String xml = data.consumeRemainingAsString();
        Handled.run(() -> {
            SpecXmlReader.Result read = SpecXmlReader.read(xml, "fuzz.xml");
            String exported = XlConfigWriter.write(read.spec(), read.notes());
            // What config export writes reads again (it may be refused, as xl would, but not crash).
            Handled.run(() -> XlDomainReader.read(XlParser.parse(exported, "exported.cfg", List.of()), false));
        });
    }
}
