package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PCI passthrough on a real Xen with an emulated IOMMU: the lab's spare e1000e (8086:10d3, behind its own root
 * port at 0000:01:00.0) handed to a PV guest from an xl.cfg file's pci=[…], as an xl user would.
 */
@ExtendWith(XenLabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PciXenLabIT {
    private static final String DEVICE = "0000:01:00.0";

    /** xenctl inside the dom0 reads the real sysfs: one JVM (a batch), since a JVM takes ~15 s to start there. */
    @Test
    @Order(0)
    void the_preflight_in_the_dom0_passes_the_spare_nic_and_refuses_the_one_dom0_uses(XenLab lab) throws Exception {
        lab.share("pci-preflight.batch", "pci-host-list 01:00.0\npci-check 01:00.0\npci-check 00:03.0\n");

        Run batch = lab.xenctlInDom0("-o", "json", "batch", XenLab.SHARE + "/pci-preflight.batch");

        assertThat(batch.exit()).as(batch.describe()).isEqualTo(4);
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : batch.out().split("\n")) {
            lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        }
        JsonNode nic = lines.get(0).get("result").get("devices").get(0);
        assertThat(nic.get("ids").asText()).isEqualTo("8086:10d3");
        assertThat(nic.get("description").asText()).contains("82574L");
        assertThat(nic.get("driver").asText()).isEqualTo("e1000e");
        JsonNode spare = lines.get(1).get("result").get("devices").get(0);
        assertThat(spare.get("verdict").asText()).as(spare.toString()).isIn("assignable", "warnings");
        JsonNode used = lines.get(2).get("result").get("devices").get(0);
        assertThat(used.get("verdict").asText()).isEqualTo("refused");
        assertThat(used.get("reasons").toString()).contains("dom0 uses it: network interface");
        assertThat(lines.get(2).get("exit_status").asInt()).isEqualTo(4);
    }

    @Test
    @Order(1)
    void a_guest_created_with_pci_sees_the_device_and_the_device_goes_back_to_its_driver(XenLab lab)
            throws Exception {
        String name = "pci-guest";
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        // xl's way: the device is made assignable first (xenctl's own command for it is the PCI issue's work).
        lab.dom0("xl pci-assignable-add " + DEVICE).expectSuccess();
        try {
            assertThat(driverOf(lab)).isEqualTo("pciback");
            lab.share("pci-guest.cfg", Guests.xlCfg(name, "pci = [ '01:00.0' ]"));

            lab.xenctl("create", lab.hostPath("pci-guest.cfg").toString()).expectSuccess();

            JsonNode pci = Json.of(lab.xenctl("info", name, "-o", "json")).get("devices").get("pci");
            assertThat(pci).hasSize(1);
            assertThat(pci.get(0).get("address").asText()).isEqualTo(DEVICE);
            assertThat(pci.get(0).get("managed").asBoolean()).isFalse();
            assertThat(lab.dom0("xl pci-list " + name).expectSuccess().out()).contains(DEVICE);
            // The guest's own view, through pcifront: its init lists the PCI devices on the console.
            Run console = lab.await("cat " + Guests.consoleLog(name),
                    run -> run.out().contains(Guests.BANNER), Duration.ofSeconds(120));
            assertThat(console.out()).contains("xenctl-lab-guest: pci 0000:00:00.0 8086:10d3");

            lab.xenctl("destroy", name).expectSuccess();
            assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
            assertThat(lab.dom0("xl pci-assignable-list").expectSuccess().out()).contains(DEVICE);
        } finally {
            lab.dom0("xl destroy " + name + " 2>/dev/null; xl pci-assignable-remove -r " + DEVICE);
        }
        assertThat(driverOf(lab)).isEqualTo("e1000e");
    }

    /**
     * libvirt answers this in one of two ways, depending on what it last noted of the device: "must be manually
     * detached" before libxl is asked (exit 4), or libxl's bare "failed to create" (exit 1). Telling the user
     * before either is the PCI issue's preflight; here, the point is that nothing is left behind.
     */
    @Test
    @Order(2)
    void a_device_not_made_assignable_is_refused_and_nothing_is_left_behind(XenLab lab) throws Exception {
        String name = "pci-refused";
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        lab.share("pci-refused.cfg", Guests.xlCfg(name, "pci = [ '01:00.0' ]"));

        Run create = lab.xenctl("create", lab.hostPath("pci-refused.cfg").toString());

        assertThat(create.exit()).as(create.describe()).isIn(1, 4);
        assertThat(create.err()).startsWith("xenctl: error: cannot create domain " + name);
        assertThat(lab.xenctl("info", name).exit()).isEqualTo(3);
        assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
        assertThat(driverOf(lab)).isEqualTo("e1000e");
    }

    private static String driverOf(XenLab lab) {
        String link = lab.dom0("readlink /sys/bus/pci/devices/" + DEVICE + "/driver").out().trim();
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
