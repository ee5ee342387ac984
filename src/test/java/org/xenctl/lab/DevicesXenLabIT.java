package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guest network interfaces and disks hot-plugged on a real Xen, from the host over xen+tcp: netback's vif on the
 * dom0's bridge and blkback's vbd on a file-backed image, each seen arriving and leaving by the guest's own kernel
 * (its init reports netfront's interfaces and blkfront's disks, with the first bytes it reads from them), and by
 * xl in the dom0. A bridge or an image that is not there is refused by xenctl in the dom0 (from its files) and on
 * the host (asked of the dom0's libvirtd).
 */
@ExtendWith(XenLabExtension.class)
class DevicesXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration HOTPLUG = Duration.ofSeconds(90);
    private static final String IMAGE = "/var/lib/xenctl-lab/disk1.img";
    private static final String PATTERN = "xenctl-lab-disk1";

    @Test
    void a_running_guest_gets_and_loses_a_vif_and_a_file_backed_disk(XenLab lab) throws Exception {
        String name = "dev-guest";
        lab.share(name + ".cfg", Guests.xlCfg(name));
        lab.dom0("rm -f " + Guests.consoleLog(name) + "; printf " + PATTERN + " > " + IMAGE + " && truncate -s 16M "
                + IMAGE).expectSuccess();
        try {
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            awaitConsole(lab, name, Guests.BANNER, BOOT);

            JsonNode added = Json.of(lab.xenctl("-o", "json", "network-attach", name, "bridge=xenbr0"));

            assertThat(added.get("changed").asBoolean()).isTrue();
            assertThat(added.get("live").asBoolean()).isTrue();
            String mac = added.get("device").asText();
            assertThat(mac).matches("00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}");
            awaitConsole(lab, name, "xenctl-lab-guest: net-added eth1 " + mac, HOTPLUG);
            assertThat(lab.dom0("xl network-list " + name).expectSuccess().out()).contains(mac);
            JsonNode listed = Json.of(lab.xenctl("-o", "json", "network-list", name)).get("domains").get(0);
            assertThat(listed.get("nics")).hasSize(2);
            assertThat(listed.get("nics").get(1).get("mac").asText()).isEqualTo(mac);
            assertThat(listed.get("nics").get(1).get("bridge").asText()).isEqualTo("xenbr0");
            JsonNode again = Json.of(lab.xenctl("-o", "json", "network-attach", name, "mac=" + mac));
            assertThat(again.get("changed").asBoolean()).isFalse();

            Run detached = lab.xenctl("network-detach", name, mac);

            assertThat(detached.exit()).as(detached.describe()).isZero();
            assertThat(detached.out()).isEqualTo("interface " + mac + " detached from " + name
                    + " (the running domain only)\n");
            awaitConsole(lab, name, "xenctl-lab-guest: net-removed eth1 " + mac, HOTPLUG);
            assertThat(lab.dom0("xl network-list " + name).expectSuccess().out()).doesNotContain(mac);

            Run disk = lab.xenctl("block-attach", name, IMAGE + ",raw,xvdb,rw");

            assertThat(disk.exit()).as(disk.describe()).isZero();
            assertThat(disk.out()).isEqualTo("xvdb attached to " + name + " (the running domain only)\n");
            awaitConsole(lab, name, "xenctl-lab-guest: block-added xvdb " + PATTERN, HOTPLUG);
            // xl names a vbd by its device number: xvdb is 51728.
            assertThat(lab.dom0("xl block-list " + name).expectSuccess().out()).contains("51728");
            assertThat(lab.xenctl("block-list", name).expectSuccess().out())
                    .contains("xvdb  0   disk  rw      " + IMAGE);
            assertThat(Json.of(lab.xenctl("-o", "json", "block-attach", name, IMAGE + ",raw,xvdb,rw"))
                    .get("changed").asBoolean()).isFalse();

            Run diskGone = lab.xenctl("block-detach", name, "xvdb");

            assertThat(diskGone.exit()).as(diskGone.describe()).isZero();
            awaitConsole(lab, name, "xenctl-lab-guest: block-removed xvdb " + PATTERN, HOTPLUG);
            assertThat(lab.dom0("xl block-list " + name).expectSuccess().out()).doesNotContain("51728");
            assertThat(Json.of(lab.xenctl("-o", "json", "block-detach", name, "xvdb")).get("changed").asBoolean())
                    .isFalse();

            // In the dom0, xenctl sees its files: a bridge or an image that is not there is refused before libxl.
            // So is a domain created with them (create and start read its devices as an attach does).
            lab.share("refused.cfg", "name = \"refused\"\ntype = \"hvm\"\nmemory = 64\n"
                    + "vif = [ 'bridge=nosuchbr2' ]\n");
            lab.share("dev-refusals.batch", "network-attach " + name + " bridge=nosuchbr\n"
                    + "block-attach " + name + " /var/lib/xenctl-lab/nosuch.img,raw,xvdc,rw\n"
                    + "create " + XenLab.SHARE + "/refused.cfg\n");
            Run refusals = lab.xenctlInDom0("batch", XenLab.SHARE + "/dev-refusals.batch");
            assertThat(refusals.err()).as(refusals.describe())
                    .contains("xenctl: error: there is no bridge nosuchbr in dom0")
                    .contains("xenctl: error: /var/lib/xenctl-lab/nosuch.img does not exist in dom0")
                    .contains("xenctl: error: there is no bridge nosuchbr2 in dom0");
            assertThat(lab.dom0("xl list").expectSuccess().out()).doesNotContain("refused");
            assertThat(lab.dom0("xl block-list " + name).expectSuccess().out()).doesNotContain("51744");
            // From the host, the same two are asked of the dom0's libvirtd (its interface driver, its storage).
            Run noBridge = lab.xenctl("network-attach", name, "bridge=nosuchbr");
            Run notBridge = lab.xenctl("network-attach", name, "bridge=lo");
            Run noImage = lab.xenctl("block-attach", name, "/var/lib/xenctl-lab/nosuch.img,raw,xvdc,rw");
            assertThat(noBridge.exit()).as(noBridge.describe()).isEqualTo(4);
            assertThat(noBridge.err()).startsWith("xenctl: error: there is no bridge nosuchbr in the dom0 of xenlab\n");
            assertThat(notBridge.err()).as(notBridge.describe())
                    .startsWith("xenctl: error: lo in the dom0 of xenlab is not a bridge but");
            assertThat(noImage.exit()).as(noImage.describe()).isEqualTo(4);
            assertThat(noImage.err()).startsWith("xenctl: error: /var/lib/xenctl-lab/nosuch.img does not exist in "
                    + "the dom0 of xenlab\n");
            assertThat(lab.dom0("xl network-list " + name + " | tail -n +2 | wc -l").expectSuccess().out().trim())
                    .as("the guest's one vif, nothing added").isEqualTo("1");
            assertThat(lab.dom0("xl block-list " + name).expectSuccess().out()).doesNotContain("51744");

            lab.xenctl("destroy", name).expectSuccess();
        } finally {
            lab.dom0(Guests.destroy(name) + "; rm -f " + IMAGE);
        }
    }

    private static void awaitConsole(XenLab lab, String name, String text, Duration limit) throws Exception {
        Run console = lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains(text), limit);
        assertThat(console.out()).as("the guest's console, " + Guests.consoleLog(name)).contains(text);
    }
}
