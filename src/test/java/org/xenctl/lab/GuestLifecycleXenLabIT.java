package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PV guest's life on a real Xen, driven by xenctl from the host over xen+tcp, each outcome checked through
 * xenctl and independently through xl and virsh in the dom0.
 */
@ExtendWith(XenLabExtension.class)
class GuestLifecycleXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);

    @Test
    void a_guest_defined_from_libvirt_xml_lives_and_stops(XenLab lab) throws Exception {
        String name = "xml-guest";
        lab.share("xml-guest.xml", Guests.xml(name));

        lab.xenctl("define", lab.hostPath("xml-guest.xml").toString()).expectSuccess();
        assertThat(state(lab, name)).isEqualTo("shutoff");
        assertThat(lab.dom0("virsh -c xen:///system domstate " + name).expectSuccess().out()).contains("shut off");

        lab.xenctl("start", name).expectSuccess();
        assertThat(state(lab, name)).isEqualTo("running");
        assertThat(xlState(lab, name)).doesNotContain("p");
        bannerAppears(lab, name);

        lab.xenctl("pause", name).expectSuccess();
        assertThat(state(lab, name)).isEqualTo("paused");
        assertThat(xlState(lab, name)).contains("p");
        lab.xenctl("unpause", name).expectSuccess();
        assertThat(state(lab, name)).isEqualTo("running");
        assertThat(xlState(lab, name)).doesNotContain("p");

        JsonNode shutdown = Json.of(lab.xenctl("shutdown", "--wait", "--timeout", "120", name, "-o", "json"));
        assertThat(shutdown.get("state").asText()).isEqualTo("shutoff");
        assertThat(shutdown.get("forced").asBoolean()).isFalse();
        assertThat(lab.dom0("xl list " + name).exit()).as("xl still lists " + name).isNotZero();
        assertThat(lab.dom0("cat " + Guests.consoleLog(name)).out()).contains("xenctl-lab-guest: going down");

        lab.xenctl("start", name).expectSuccess();
        assertThat(state(lab, name)).isEqualTo("running");
        JsonNode destroy = Json.of(lab.xenctl("destroy", name, "-o", "json"));
        assertThat(destroy.get("changed").asBoolean()).isTrue();
        assertThat(state(lab, name)).isEqualTo("shutoff");
        assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
        // A second destroy finds it already stopped: success, nothing changed.
        assertThat(Json.of(lab.xenctl("destroy", name, "-o", "json")).get("changed").asBoolean()).isFalse();

        lab.xenctl("undefine", name).expectSuccess();
        assertThat(lab.xenctl("info", name).exit()).isEqualTo(3);
        assertThat(lab.dom0("virsh -c xen:///system dominfo " + name).exit()).isNotZero();
    }

    @Test
    void a_guest_created_from_an_xl_cfg_file_runs_with_its_vif_and_leaves_nothing_when_destroyed(XenLab lab)
            throws Exception {
        String name = "cfg-guest";
        lab.share("cfg-guest.cfg", Guests.xlCfg(name));

        lab.xenctl("create", lab.hostPath("cfg-guest.cfg").toString(), "memory=160").expectSuccess();

        JsonNode info = Json.of(lab.xenctl("info", name, "-o", "json"));
        assertThat(info.get("state").asText()).isEqualTo("running");
        assertThat(info.get("persistent").asBoolean()).isFalse();
        assertThat(info.get("guest_type").asText()).isEqualTo("pv");
        assertThat(info.get("max_memory_kib").asLong()).isEqualTo(160 * 1024);
        JsonNode nic = info.get("devices").get("nics").get(0);
        assertThat(nic.get("source").asText()).isEqualTo("xenbr0");
        String[] xl = lab.dom0("xl list " + name + " | tail -1").expectSuccess().out().trim().split("\\s+");
        assertThat(Integer.parseInt(xl[1])).isEqualTo(info.get("id").asInt());
        assertThat(Long.parseLong(xl[2])).isBetween(150L, 160L);
        // The vif's backend is on the bridge, and xl sees the same MAC.
        assertThat(lab.dom0("xl network-list " + name).expectSuccess().out())
                .contains(nic.get("mac").asText());
        assertThat(lab.dom0("ls /sys/class/net/xenbr0/brif/").expectSuccess().out()).contains("vif" + xl[1] + ".0");
        bannerAppears(lab, name);

        lab.xenctl("destroy", name).expectSuccess();
        assertThat(lab.xenctl("info", name).exit()).isEqualTo(3);
        assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
    }

    @Test
    void a_guest_defined_from_xl_cfg_keeps_its_definition_and_a_redefinition_changes_nothing(XenLab lab)
            throws Exception {
        String name = "cfg-defined";
        lab.share("cfg-defined.cfg", Guests.xlCfg(name, "vif = [ 'mac=00:16:3e:4c:41:01,bridge=xenbr0' ]"));
        String file = lab.hostPath("cfg-defined.cfg").toString();

        JsonNode first = Json.of(lab.xenctl("define", file, "-o", "json"));
        JsonNode again = Json.of(lab.xenctl("define", file, "-o", "json"));

        assertThat(first.get("created").asBoolean()).isTrue();
        assertThat(again.get("changed").asBoolean()).isFalse();
        String xml = lab.dom0("virsh -c xen:///system dumpxml --inactive " + name).expectSuccess().out();
        assertThat(xml).contains("<kernel>" + XenLab.GUEST_KERNEL + "</kernel>").contains("00:16:3e:4c:41:01");
        lab.xenctl("start", name).expectSuccess();
        assertThat(state(lab, name)).isEqualTo("running");
        lab.xenctl("destroy", name).expectSuccess();
        lab.xenctl("undefine", name).expectSuccess();
    }

    /**
     * A guest that starts again instead of stopping (here its on_poweroff action is restart; a guest that reboots
     * or a kernel that panics does the same): libvirt shows it shut off for a moment, and shutdown --wait says it
     * runs again (exit 4) rather than "has shut down"; with --force it is destroyed, saying why.
     */
    @Test
    void a_guest_that_starts_again_instead_of_stopping_is_not_called_shut_down(XenLab lab) throws Exception {
        String name = "restarting-guest";
        lab.share(name + ".cfg", Guests.xlCfg(name, "on_poweroff = \"restart\""));
        try {
            lab.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            bannerAppears(lab, name);

            Run once = lab.xenctl("shutdown", "--wait", "--timeout", "120", name);
            assertThat(once.exit()).as(once.describe()).isEqualTo(4);
            assertThat(once.err()).contains("domain " + name + " started again instead of shutting down");
            assertThat(state(lab, name)).isEqualTo("running");

            lab.await("grep -c '" + Guests.BANNER + "' " + Guests.consoleLog(name),
                    run -> run.out().trim().matches("[2-9]"), BOOT);
            JsonNode forced = Json.of(lab.xenctl("-o", "json", "shutdown", "--wait", "--force", "--timeout", "120",
                    name));
            assertThat(forced.get("forced").asBoolean()).isTrue();
            assertThat(forced.get("message").asText()).isEqualTo("Domain " + name + " started again instead of "
                    + "shutting down: destroyed.");
            assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
        } finally {
            lab.dom0(Guests.destroy(name));
        }
    }

    /**
     * libvirt's libxl driver keeps a transient domain it failed to restart, shut off, and refuses to undefine it:
     * its name stays taken (create is refused) until libvirtd restarts. Here the reboot fails because the guest's
     * bridge is gone; xenctl undefine removes what is left (defined from its own XML, then undefined), unstarted.
     */
    @Test
    void a_guest_libvirt_failed_to_restart_is_removed_by_undefine(XenLab lab) throws Exception {
        String name = "orphan-guest";
        String bridge = "xenbr7";
        lab.dom0("ip link add " + bridge + " type bridge && ip link set " + bridge + " up").expectSuccess();
        try {
            lab.share(name + ".cfg", Guests.xlCfg(name, "vif = [ 'bridge=" + bridge + "' ]"));
            String file = lab.hostPath(name + ".cfg").toString();
            lab.xenctl("create", file).expectSuccess();
            bannerAppears(lab, name);

            lab.dom0("ip link del " + bridge).expectSuccess();
            long started = System.nanoTime();
            Run reboot = lab.xenctl("reboot", "--wait", "--timeout", "300", name);
            assertThat(reboot.exit()).as(reboot.describe()).isEqualTo(4);
            assertThat(reboot.err()).contains("is shut off after its reboot instead of running again: libvirt could "
                    + "not restart it");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well before the timeout")
                    .isLessThan(Duration.ofSeconds(150));
            assertThat(lab.dom0("virsh -c xen:///system domstate " + name).out())
                    .as("libvirt keeps the domain it could not restart").contains("shut off");
            assertThat(lab.dom0("xl list " + name).exit()).as("Xen has no such domain").isNotZero();
            Run taken = lab.xenctl("create", file);
            assertThat(taken.exit()).as(taken.describe()).isEqualTo(4);
            assertThat(taken.err()).contains("libvirt keeps it shut off after failing to restart it: 'xenctl "
                    + "undefine " + name + "' removes it");
            assertThat(lab.dom0("virsh -c xen:///system undefine " + name).exit()).as("libvirt's own undefine")
                    .isNotZero();

            Run removed = lab.xenctl("undefine", name);
            assertThat(removed.exit()).as(removed.describe()).isZero();
            assertThat(removed.out()).contains("Domain " + name + " removed: libvirt had kept it shut off");
            assertThat(lab.xenctl("info", name).exit()).isEqualTo(3);
            assertThat(lab.dom0("virsh -c xen:///system dominfo " + name).exit()).isNotZero();
            assertThat(lab.dom0("xl list " + name).exit()).as("removed, not started").isNotZero();
        } finally {
            lab.dom0(Guests.destroy(name) + "; ip link del " + bridge + " 2>/dev/null");
        }
    }

    private static String state(XenLab lab, String name) {
        return Json.of(lab.xenctl("info", name, "-o", "json")).get("state").asText();
    }

    /** xl's state flags (r, b, p, s, c, d) of a running domain. */
    private static String xlState(XenLab lab, String name) {
        String[] xl = lab.dom0("xl list " + name + " | tail -1").expectSuccess().out().trim().split("\\s+");
        return xl[4].replace("-", "");
    }

    private static void bannerAppears(XenLab lab, String name) throws InterruptedException {
        Run console = lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains(Guests.BANNER), BOOT);
        assertThat(console.out()).as("the guest's console, " + Guests.consoleLog(name)).contains(Guests.BANNER);
    }
}
