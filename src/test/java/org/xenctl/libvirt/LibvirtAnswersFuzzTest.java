package org.xenctl.libvirt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.xenctl.fuzz.Handled;

/**
 * Coverage-guided fuzzing (Jazzer) of what xenctl reads in libvirt's answers, which a remote host of another
 * libvirt version (or a broken one) writes: a domain's live XML as info, block-list, network-list, pci-list,
 * mem-set and stats read it; a node device's XML (pci-host-list through a remote -c); the host's capabilities
 * (host-info). Each ends in a result or a reported error ({@link Handled}: exit 1 or 5), never an internal error.
 *
 * <p>In the suite the target runs on its regression inputs (src/test/resources/org/xenctl/libvirt/
 * LibvirtAnswersFuzzTestInputs/libvirt_xml); {@code scripts/fuzz} fuzzes it (docs/testing.md).
 */
class LibvirtAnswersFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void libvirt_xml(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 2);
        String xml = data.consumeRemainingAsString();
        switch (which) {
            case 0 -> {
                Handled.run(() -> {
                    DomainXml domain = DomainXml.parse(xml, "the domain's XML");
                    domain.uuid();
                    domain.name();
                    domain.osType();
                    domain.pciHotplug();
                });
                Handled.run(() -> DomainXml.parse(xml, "the domain's XML").disks());
                Handled.run(() -> DomainXml.parse(xml, "the domain's XML").nics());
                Handled.run(() -> DomainXml.parse(xml, "the domain's XML").pciDevices());
                Handled.run(() -> DomainXml.parse(xml, "the domain's XML").resourcesAsLibvirtWrote());
            }
            case 1 -> Handled.run(() -> NodeDeviceXml.pci(xml));
            default -> Handled.run(() -> HostFacts.Capabilities.read(xml));
        }
    }
}
