package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PCI passthrough on a real Xen with an emulated IOMMU: the lab's spare e1000e (8086:10d3, behind its own root
 * port at 0000:01:00.0) made assignable by xenctl in the dom0 (checked against xl's view of pciback), restored
 * after what a reboot does, handed to a PV guest from an xl.cfg file's pci=[…], and given back to e1000e.
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
        List<JsonNode> lines = jsonLines(batch);
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

    /**
     * xenctl's own pci-assignable-add on the real kernel: pciback takes the NIC, xl agrees it is assignable, the
     * record is on disk; after what a reboot does to the device (back on e1000e), it is pending, and pci-restore
     * takes it again.
     */
    @Test
    @Order(1)
    void assignable_add_binds_pciback_records_the_driver_and_restore_takes_it_again_after_a_reboot(XenLab lab)
            throws Exception {
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        lab.share("pci-add.batch", "pci-assignable-add --persistent -n spare " + DEVICE + "\npci-assignable-list\n");

        List<JsonNode> added = jsonLines(lab.xenctlInDom0("-o", "json", "batch", XenLab.SHARE + "/pci-add.batch"));

        JsonNode change = added.get(0).get("result").get("devices").get(0);
        assertThat(change.get("changed").asBoolean()).as(added.toString()).isTrue();
        assertThat(change.get("driver_before").asText()).isEqualTo("e1000e");
        assertThat(change.get("driver_after").asText()).isEqualTo("pciback");
        assertThat(driverOf(lab)).isEqualTo("pciback");
        assertThat(lab.dom0("xl pci-assignable-list").expectSuccess().out()).contains(DEVICE);
        JsonNode listed = added.get(1).get("result").get("devices").get(0);
        assertThat(listed.get("state").asText()).isEqualTo("assignable");
        assertThat(listed.get("name").asText()).isEqualTo("spare");
        assertThat(lab.dom0("cat /var/lib/xenctl/pci/" + DEVICE).expectSuccess().out())
                .contains("driver=e1000e", "name=spare", "persistent=true");

        // What a dom0 reboot leaves: the device back on its driver, nothing on pciback.
        lab.dom0("echo " + DEVICE + " > /sys/bus/pci/drivers/pciback/unbind"
                + " && echo > /sys/bus/pci/devices/" + DEVICE + "/driver_override"
                + " && echo " + DEVICE + " > /sys/bus/pci/drivers/e1000e/bind").expectSuccess();
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        lab.share("pci-restore.batch", "pci-host-list " + DEVICE + "\npci-restore\n");

        List<JsonNode> restored = jsonLines(lab.xenctlInDom0("-o", "json", "batch",
                XenLab.SHARE + "/pci-restore.batch"));

        assertThat(restored.get(0).get("result").get("devices").get(0).get("state").asText())
                .isEqualTo("pending-at-next-boot");
        JsonNode entry = restored.get(1).get("result").get("devices").get(0);
        assertThat(entry.get("action").asText()).as(restored.toString()).isEqualTo("bound");
        assertThat(driverOf(lab)).isEqualTo("pciback");
    }

    @Test
    @Order(2)
    void a_guest_created_with_pci_sees_the_device_and_remove_r_gives_it_back_after(XenLab lab) throws Exception {
        String name = "pci-guest";
        assertThat(driverOf(lab)).as("left assignable by the previous scenario").isEqualTo("pciback");
        try {
            lab.share("pci-guest.cfg", Guests.xlCfg(name, "pci = [ '01:00.0' ]"));
            lab.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();

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

            // While the guest has it, the device is not given back to dom0, and nothing is touched.
            Run refused = lab.xenctlInDom0("pci-assignable-remove", "-r", DEVICE);
            assertThat(refused.exit()).as(refused.describe()).isEqualTo(4);
            assertThat(refused.err()).isEqualTo("xenctl: error: " + DEVICE + " is assigned to domain " + name + "\n"
                    + "xenctl: hint: pci-detach " + name + " " + DEVICE + " first\n");
            assertThat(driverOf(lab)).isEqualTo("pciback");
            assertThat(lab.dom0("xl pci-list " + name).expectSuccess().out()).contains(DEVICE);

            lab.xenctl("destroy", name).expectSuccess();
            assertThat(lab.dom0("xl list " + name).exit()).isNotZero();

            Run removed = lab.xenctlInDom0("pci-assignable-remove", "-r", "spare");
            assertThat(removed.exit()).as(removed.describe()).isZero();
            assertThat(removed.out()).isEqualTo(DEVICE + " is back on e1000e\n");
        } finally {
            if (!"e1000e".equals(driverOf(lab))) {
                // By hand, so that the next scenarios start from e1000e whatever failed above.
                lab.dom0(Guests.destroy(name) + "; D=" + DEVICE
                        + "; echo $D > /sys/bus/pci/drivers/pciback/unbind; echo > /sys/bus/pci/devices/$D/driver_override;"
                        + " echo $D > /sys/bus/pci/drivers/e1000e/bind");
            }
            lab.dom0("rm -f /var/lib/xenctl/pci/" + DEVICE);
        }
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        assertThat(lab.dom0("xl pci-assignable-list").expectSuccess().out()).doesNotContain(DEVICE);
    }

    /**
     * On the dom0 itself, the preflight refuses a device that is not assignable before libvirt is asked: libvirt
     * would answer "must be manually detached" (exit 4) or libxl's bare "failed to create" (exit 1), depending on
     * what it last noted of the device, and the lab saw libvirtd crash on a later create after the latter.
     */
    @Test
    @Order(3)
    void create_in_the_dom0_is_refused_by_the_preflight_before_libvirt_is_asked(XenLab lab) throws Exception {
        String name = "pci-refused";
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        String cfg = lab.share("pci-refused.cfg", Guests.xlCfg(name, "pci = [ '01:00.0' ]"));

        Run create = lab.xenctlInDom0("create", cfg);

        assertThat(create.exit()).as(create.describe()).isEqualTo(4);
        assertThat(create.err()).isEqualTo("xenctl: error: domain " + name + " cannot have " + DEVICE + ": it is "
                + "not assignable (bound to e1000e)\nxenctl: hint: xenctl pci-assignable-add " + DEVICE + " first "
                + "(or seize=1 in its pci= entry, to let libvirt take it from dom0)\n");
        assertThat(lab.dom0("test -e /var/log/libvirt/libxl/" + name + ".log").exit())
                .as("libxl was never asked").isNotZero();
        assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
        assertThat(driverOf(lab)).isEqualTo("e1000e");
    }

    /**
     * Hot-plug from the host through libvirt: a guest started without passthrough is refused in xenctl's words; one
     * started with passthrough = "enabled" (and no device) takes the device live, its kernel sees it arrive through
     * pcifront, then sees it go on pci-detach. Nothing runs in the dom0 while the guest holds the device.
     */
    @Test
    @Order(4)
    void attach_hot_plugs_into_a_running_guest_and_detach_takes_it_back_out(XenLab lab) throws Exception {
        String refused = "pci-no-pt";
        String name = "pci-hotplug";
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        try {
            Run added = lab.xenctlInDom0("pci-assignable-add", DEVICE);
            assertThat(added.exit()).as(added.describe()).isZero();
            lab.share(refused + ".cfg", Guests.xlCfg(refused));
            lab.xenctl("create", lab.hostPath(refused + ".cfg").toString()).expectSuccess();

            Run notReady = lab.xenctl("pci-attach", refused, "01:00.0");

            assertThat(notReady.exit()).as(notReady.describe()).isEqualTo(4);
            assertThat(notReady.err()).startsWith("xenctl: error: domain " + refused + " was started without PCI "
                    + "passthrough, so libxl cannot hot-plug a device into it\nxenctl: hint: add passthrough = "
                    + "\"enabled\" to its xl.cfg");
            lab.xenctl("destroy", refused).expectSuccess();

            lab.share(name + ".cfg", Guests.xlCfg(name, "passthrough = \"enabled\""));
            lab.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains(Guests.BANNER),
                    Duration.ofSeconds(120));

            Run attach = lab.xenctl("pci-attach", name, "01:00.0");

            assertThat(attach.exit()).as(attach.describe()).isZero();
            assertThat(attach.out()).isEqualTo(DEVICE + " attached to " + name + " (the running domain only)\n");
            lab.await("cat " + Guests.consoleLog(name),
                    run -> run.out().contains("xenctl-lab-guest: pci-added 0000:00:00.0 8086:10d3"),
                    Duration.ofSeconds(60));
            JsonNode listed = Json.of(lab.xenctl("-o", "json", "pci-list", name));
            assertThat(listed.get("devices")).hasSize(1);
            assertThat(listed.get("devices").get(0).get("address").asText()).isEqualTo(DEVICE);
            assertThat(lab.xenctl("pci-list", name).expectSuccess().out()).contains(DEVICE);
            JsonNode again = Json.of(lab.xenctl("-o", "json", "pci-attach", name, "01:00.0"));
            assertThat(again.get("changed").asBoolean()).isFalse();

            Run detach = lab.xenctl("pci-detach", name, "01:00.0");

            assertThat(detach.exit()).as(detach.describe()).isZero();
            assertThat(detach.out()).isEqualTo(DEVICE + " detached from " + name + " (the running domain only)\n");
            lab.await("cat " + Guests.consoleLog(name),
                    run -> run.out().contains("xenctl-lab-guest: pci-removed 0000:00:00.0 8086:10d3"),
                    Duration.ofSeconds(60));
            assertThat(Json.of(lab.xenctl("-o", "json", "pci-list", name)).get("devices")).isEmpty();
            assertThat(driverOf(lab)).as("still assignable after the detach").isEqualTo("pciback");
            lab.xenctl("destroy", name).expectSuccess();

            Run removed = lab.xenctlInDom0("pci-assignable-remove", "-r", DEVICE);
            assertThat(removed.exit()).as(removed.describe()).isZero();
        } finally {
            lab.dom0(Guests.destroy(name) + "; xl destroy " + refused + " 2>/dev/null");
            if (!"e1000e".equals(driverOf(lab))) {
                lab.dom0("D=" + DEVICE
                        + "; echo $D > /sys/bus/pci/drivers/pciback/unbind; echo > /sys/bus/pci/devices/$D/driver_override;"
                        + " echo $D > /sys/bus/pci/drivers/e1000e/bind");
            }
            lab.dom0("rm -f /var/lib/xenctl/pci/" + DEVICE);
        }
        assertThat(driverOf(lab)).isEqualTo("e1000e");
    }

    /**
     * From the host through xen+tcp, where the dom0's sysfs is out of reach: the inventory from libvirt's
     * node-device API, pciback binding through virNodeDeviceDetachFlags("xen"). libvirt 9.0's re-attach leaves the
     * device on pciback (pciback keeps the slot libvirt gave it): xenctl says so instead of trusting libvirt's
     * success, and pci-assignable-remove -r on the dom0 clears the slot and gives the device back.
     */
    @Test
    @Order(5)
    void through_a_remote_uri_the_inventory_and_pciback_binding_go_through_libvirts_node_device_api(XenLab lab)
            throws Exception {
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        try {
            JsonNode listed = Json.of(lab.xenctl("-o", "json", "pci-host-list", DEVICE));
            assertThat(listed.get("source").asText()).isEqualTo("libvirt");
            JsonNode nic = listed.get("devices").get(0);
            assertThat(nic.get("ids").asText()).isEqualTo("8086:10d3");
            assertThat(nic.get("driver").asText()).isEqualTo("e1000e");
            assertThat(nic.get("state").asText()).isEqualTo("host");
            assertThat(nic.get("reset_methods").isNull()).isTrue();

            Run unforced = lab.xenctl("pci-assignable-add", DEVICE);
            assertThat(unforced.exit()).as(unforced.describe()).isEqualTo(4);
            assertThat(unforced.err()).contains("cannot see whether dom0 uses " + DEVICE);
            assertThat(driverOf(lab)).isEqualTo("e1000e");

            Run added = lab.xenctl("pci-assignable-add", "--force", DEVICE);

            assertThat(added.exit()).as(added.describe()).isZero();
            assertThat(added.out()).isEqualTo(DEVICE + " is assignable (taken from e1000e)\n");
            assertThat(driverOf(lab)).isEqualTo("pciback");
            assertThat(lab.xenctl("pci-assignable-list").expectSuccess().out()).isEqualTo(DEVICE + "\n");

            Run removed = lab.xenctl("pci-assignable-remove", "-r", DEVICE);

            assertThat(removed.exit()).as(removed.describe()).isEqualTo(1);
            assertThat(removed.err()).startsWith("xenctl: error: libvirt reported " + DEVICE + " given back, but it "
                    + "is on pciback");
            Run local = lab.xenctlInDom0("pci-assignable-remove", "-r", DEVICE);
            assertThat(local.exit()).as(local.describe()).isZero();
            assertThat(local.out()).isEqualTo(DEVICE + " is back on e1000e\n");
        } finally {
            if (!"e1000e".equals(driverOf(lab))) {
                lab.dom0("D=" + DEVICE + "; echo $D > /sys/bus/pci/drivers/pciback/remove_slot; echo $D > "
                        + "/sys/bus/pci/drivers/pciback/unbind; echo > /sys/bus/pci/devices/$D/driver_override;"
                        + " echo $D > /sys/bus/pci/drivers/e1000e/bind");
            }
        }
        assertThat(driverOf(lab)).isEqualTo("e1000e");
        assertThat(lab.dom0("cat /sys/bus/pci/drivers/pciback/slots").out()).doesNotContain(DEVICE);
    }

    /**
     * A kill -9 of xenctl in the middle of a real pci-assignable-add, at two steps: the JVM is stopped the moment
     * pciback's driver_override is written (before the unbind), then, in a second add, the moment the device has no
     * driver (the unbind done, pciback's bind not yet); the state is read, then it is killed. pci-restore finishes
     * the add from the record (the device on pciback, never left driverless), and remove -r gives it back to the
     * driver the record kept, though the device had none when restore ran.
     */
    @Test
    @Order(6)
    void a_kill_9_during_assignable_add_is_finished_by_restore_and_undone_exactly_by_remove(XenLab lab)
            throws Exception {
        String sys = "/sys/bus/pci/devices/" + DEVICE;
        String record = "/var/lib/xenctl/pci/" + DEVICE;
        Map<String, String> killPoints = new LinkedHashMap<>();
        killPoints.put("override written", "read -r o < " + sys + "/driver_override; [ \"$o\" = pciback ]");
        killPoints.put("unbound", "[ ! -e " + sys + "/driver ]");
        try {
            for (Map.Entry<String, String> point : killPoints.entrySet()) {
                Run cut = cutShort(lab, point.getValue(), record, sys);
                String what = "killed when " + point.getKey() + ": " + cut.describe();
                assertThat(cut.out()).as(what).contains("exit=137").doesNotContain("is assignable");
                String driverAtKill = cut.out().lines().filter(line -> line.startsWith("driver="))
                        .findFirst().orElseThrow().substring("driver=".length());
                assertThat(driverAtKill).as(what).isIn("e1000e", "");
                if (point.getKey().equals("unbound")) {
                    assertThat(driverAtKill).as(what).isEmpty();
                }
                assertThat(lab.dom0("cat " + record).expectSuccess().out()).as(what)
                        .contains("driver=e1000e", "name=cut", "persistent=true");

                Run restore = lab.xenctlInDom0("-o", "json", "pci-restore");

                assertThat(restore.exit()).as(restore.describe()).isZero();
                assertThat(Json.of(restore).get("devices").get(0).get("action").asText()).as(what + "\n"
                        + restore.describe()).isEqualTo(driverAtKill.isEmpty() ? "repaired" : "bound");
                assertThat(driverOf(lab)).isEqualTo("pciback");
                assertThat(lab.dom0("xl pci-assignable-list").expectSuccess().out()).contains(DEVICE);
                assertThat(lab.dom0("cat " + record).expectSuccess().out())
                        .contains("driver=e1000e", "name=cut", "persistent=true");

                Run removed = lab.xenctlInDom0("pci-assignable-remove", "-r", "cut");

                assertThat(removed.exit()).as(removed.describe()).isZero();
                assertThat(removed.out()).isEqualTo(DEVICE + " is back on e1000e\n");
                assertThat(lab.dom0("cat " + sys + "/driver_override").out().trim()).isEqualTo("(null)");
                assertThat(lab.dom0("test -e " + record).exit()).as("the record is gone").isNotZero();
            }
        } finally {
            if (!"e1000e".equals(driverOf(lab))) {
                lab.dom0("D=" + DEVICE + "; echo $D > /sys/bus/pci/drivers/pciback/unbind; echo > "
                        + "/sys/bus/pci/devices/$D/driver_override; echo $D > /sys/bus/pci/drivers/e1000e/bind");
            }
            lab.dom0("rm -f " + record);
        }
        assertThat(driverOf(lab)).isEqualTo("e1000e");
    }

    /**
     * Starts a pci-assignable-add in the dom0 and stops it (SIGSTOP, then SIGKILL) the moment {@code when} holds;
     * prints the driver at that moment and the exit status. A busy loop of builtins only (read, test, kill -0), from
     * the start: a fork or a sleep per turn can let the add run past the step. When the add still got through (it
     * finished, or reached pciback, before the stop landed: on a loaded machine the JVM can unbind and bind between
     * the loop's read and its kill), it is undone by hand and tried again, up to five times.
     */
    private static Run cutShort(XenLab lab, String when, String record, String sys) {
        Run cut = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(driverOf(lab)).isEqualTo("e1000e");
            lab.dom0("rm -f " + record).expectSuccess();
            // One line: the lab's command channel reads one.
            cut = lab.dom0(XenLab.SHARE + "/xenctl pci-assignable-add --persistent -n cut " + DEVICE
                    + " > /tmp/cut.out 2>&1 & pid=$!; "
                    + "while kill -0 $pid 2>/dev/null; do " + when + " && break; done; "
                    + "kill -STOP $pid; d=$(readlink " + sys + "/driver); echo \"driver=${d##*/}\"; "
                    + "kill -9 $pid; wait $pid; echo \"exit=$?\"; cat /tmp/cut.out");
            if (cut.out().contains("exit=137") && !cut.out().contains("driver=pciback")) {
                return cut;
            }
            lab.dom0("D=" + DEVICE + "; echo $D > /sys/bus/pci/drivers/pciback/unbind; echo > "
                    + "/sys/bus/pci/devices/$D/driver_override; echo $D > /sys/bus/pci/drivers/e1000e/bind; rm -f "
                    + record);
        }
        return cut;
    }

    private static List<JsonNode> jsonLines(Run batch) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : batch.out().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(new ObjectMapper().readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new AssertionError("not a JSON line: " + line + "\n" + batch.describe(), e);
                }
            }
        }
        assertThat(lines).as(batch.describe()).isNotEmpty();
        return lines;
    }

    private static String driverOf(XenLab lab) {
        String link = lab.dom0("readlink /sys/bus/pci/devices/" + DEVICE + "/driver").out().trim();
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
