package org.xenctl.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.XlConfigWriter;
import org.xenctl.domain.spec.XlDomainReader;
import org.xenctl.host.GuestConsoleLog;
import org.xenctl.host.Xenconsoled;
import org.xenctl.host.XenctlConf;
import org.xenctl.libvirt.HostDevices;
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
 * the way to libvirt XML, the DISK/NET/PCI spec strings, a domain XML all the way to xl.cfg, xenctl.conf, and what
 * the dom0 hands it (a guest's console log, which the guest writes, and xenconsoled's command line). Each input ends in a
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
        // What create and define read of a user's XML file before libvirt has it.
        Handled.run(() -> HostDevices.pci(xml, "fuzz.xml"));
        Handled.run(() -> HostDevices.devices(xml, "fuzz.xml").backendDomains());
        Handled.run(() -> HostDevices.osType(xml, "fuzz.xml"));
        Handled.run(() -> {
            SpecXmlReader.Result read = SpecXmlReader.read(xml, "fuzz.xml");
            String exported = XlConfigWriter.write(read.spec(), read.notes());
            // What config export writes reads again (it may be refused, as xl would, but not crash).
            Handled.run(() -> XlDomainReader.read(XlParser.parse(exported, "exported.cfg", List.of()), false));
        });
    }

    /**
     * A guest console log as xenconsoled writes it, which the guest's own output fills: read from its last boot as
     * it grows in pieces (stamps and markers cut anywhere), by a reader with room for a few bytes at a time. It ends
     * in text no longer than what was written, never a crash or a read that does not return; xenconsoled's command
     * line is read from any words.
     */
    @FuzzTest(maxDuration = "5m")
    void dom0_files(FuzzedDataProvider data) throws IOException {
        if (data.consumeBoolean()) {
            List<String> argv = new ArrayList<>(List.of("xenconsoled"));
            while (data.remainingBytes() > 0) {
                argv.add(data.consumeString(40));
            }
            Xenconsoled.fromArguments(argv).logOf("web");
            return;
        }
        int room = data.consumeInt(1, 64);
        int piece = data.consumeInt(1, 64);
        boolean sameBoot = data.consumeBoolean();
        byte[] log = data.consumeRemainingAsBytes();
        int history = log.length / 2;
        Path file = Files.createTempFile("xenctl-fuzz-", ".log");
        try {
            Files.write(file, Arrays.copyOf(log, history));
            long given = 0;
            try (GuestConsoleLog console = GuestConsoleLog.fromLastBoot(file, () -> sameBoot)) {
                byte[] into = new byte[room];
                for (int at = history; at <= log.length; at += piece) {
                    Files.write(file, Arrays.copyOfRange(log, Math.min(at, log.length),
                            Math.min(at + piece, log.length)), StandardOpenOption.APPEND);
                    for (int read = console.read(into, Duration.ZERO); read > 0;
                            read = console.read(into, Duration.ZERO)) {
                        given += read;
                    }
                }
            } catch (XenctlException failure) {
                if (failure.code() == ErrorCode.INTERNAL) {
                    throw failure;
                }
            }
            if (given > log.length) {
                throw new AssertionError(given + " bytes given out of a log of " + log.length);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
