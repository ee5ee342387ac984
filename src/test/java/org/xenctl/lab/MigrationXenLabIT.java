package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migration between two real dom0s: the run's lab (xenlab) and a second one booted beside it on a private link
 * (xenlab2, src/it/xen/lab up DIR PEER). A running PV guest: live, Xen refuses it (Debian's Xen has no shadow
 * paging, which PV log-dirty needs) and the guest runs on; paused for the copy, it moves there with xenctl driving
 * both ends, and back peer to peer, tunnelled through the libvirtds' own connection. It is the same guest
 * throughout: one boot banner, and it reports a vif hot-plugged after each move. A bridge or a disk only the source
 * has is refused before libvirt is asked; a failure once the guest is suspended is said as what it is. And
 * evacuate: two guests, one defined and one created from an xl.cfg file, planned, then moved off xenlab, the
 * first run stopped by Ctrl-C during its first move (seen through; the other stays for the second run).
 * The second dom0 is booted once for the class.
 */
@ExtendWith(XenLabExtension.class)
class MigrationXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration CHANGE = Duration.ofSeconds(90);
    private static XenLab peer;

    /** xenlab2, booted by the first scenario that needs it. */
    private static XenLab peerOf(XenLab a) throws Exception {
        if (peer == null) {
            peer = a.bootPeer();
        }
        return peer;
    }

    @AfterAll
    static void stopThePeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void a_running_guest_moves_to_the_other_dom0_and_back_and_what_cannot_move_stays(XenLab a) throws Exception {
        String name = "mig-guest";
        String onlyOnA = "/var/lib/xen/" + name + "-only-here.img";
        a.share(name + ".xml", Guests.xml(name).replace("<devices>", """
                <devices>
                    <interface type='bridge'><source bridge='xenbr0'/><mac address='00:16:3e:4d:49:47'/></interface>
                """));
        a.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
        XenLab b = peerOf(a);
        try {
            b.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
            try {
                a.xenctl("define", a.hostPath(name + ".xml").toString()).expectSuccess();
                a.xenctl("start", name).expectSuccess();
                awaitConsole(a, name, Guests.BANNER, BOOT);

                Run plan = a.xenctl("-o", "json", "migrate", "--check", name, b.uri());
                assertThat(Json.of(plan).get("dry_run").asBoolean()).as(plan.describe()).isTrue();
                assertThat(Json.of(plan).get("destination").asText()).isEqualTo("xenlab2");
                assertThat(b.dom0("xl list " + name).exit()).as("--check moves nothing").isNotZero();

                // Live, a PV guest needs Xen's shadow paging for log-dirty mode, which Debian's Xen is built
                // without: libxl fails before the guest is touched, and it runs on at xenlab.
                Run live = a.xenctl("migrate", name, b.uri());
                assertThat(live.exit()).as(live.describe()).isEqualTo(1);
                assertThat(live.err()).contains("cannot migrate domain " + name)
                        .contains(name + " still runs on xenlab (running)").contains("--no-live");
                assertThat(a.dom0("grep -c 'Failed to enable logdirty' /var/log/libvirt/libxl/libxl-driver.log")
                        .out().strip()).as("libxl's reason, in its log").isNotEqualTo("0");
                sameGuestAnswers(a, name, "00:16:3e:4d:49:01", 1);

                Run moved = a.xenctl("-o", "json", "migrate", "--no-live", "--persistent", "--undefine-source", name,
                        b.uri());

                JsonNode there = Json.of(moved);
                assertThat(there.get("changed").asBoolean()).as(moved.describe()).isTrue();
                assertThat(there.get("source").asText()).isEqualTo("xenlab");
                assertThat(there.get("destination").asText()).isEqualTo("xenlab2");
                assertThat(there.get("state").asText()).isEqualTo("running");
                assertThat(b.dom0("xl list " + name).exit()).as("Xen on xenlab2 runs it").isZero();
                assertThat(a.dom0("xl list " + name).exit()).as("Xen on xenlab no longer does").isNotZero();
                assertThat(a.xenctl("info", name).exit()).as("undefined on the source").isEqualTo(3);
                assertThat(Json.of(b.xenctl("-o", "json", "info", name)).get("persistent").asBoolean())
                        .as("defined on the destination").isTrue();
                sameGuestAnswers(b, name, "00:16:3e:4d:49:02", 0);

                Run again = a.xenctl("-o", "json", "migrate", "--no-live", name, b.uri());
                assertThat(Json.of(again).get("changed").asBoolean()).as(again.describe()).isFalse();

                Run back = b.xenctl("-o", "json", "migrate", "--no-live", "--p2p", "xen+tcp://xenlab/system",
                        "--tunnelled", name, a.uri());
                assertThat(Json.of(back).get("changed").asBoolean()).as(back.describe()).isTrue();
                assertThat(Json.of(back).get("peer_to_peer").asBoolean()).isTrue();
                assertThat(a.dom0("xl list " + name).exit()).as("back on xenlab").isZero();
                assertThat(b.dom0("xl list " + name).exit()).isNotZero();
                sameGuestAnswers(a, name, "00:16:3e:4d:49:03", 1);

                // A bridge, then a disk, only xenlab has: refused before libvirt is asked, the guest untouched.
                a.dom0("ip link show xenbr9 >/dev/null 2>&1 || ip link add xenbr9 type bridge; ip link set xenbr9 up")
                        .expectSuccess();
                a.xenctl("network-attach", name, "bridge=xenbr9", "mac=00:16:3e:4d:49:09").expectSuccess();
                Run noBridge = a.xenctl("migrate", "--no-live", name, b.uri());
                assertThat(noBridge.exit()).as(noBridge.describe()).isEqualTo(4);
                assertThat(noBridge.err()).contains("xenlab2 has no bridge xenbr9 (vif 00:16:3e:4d:49:09 joins it)");
                a.xenctl("network-detach", name, "00:16:3e:4d:49:09").expectSuccess();
                a.dom0("truncate -s 8M " + onlyOnA).expectSuccess();
                a.xenctl("block-attach", name, onlyOnA + ",raw,xvdc,rw").expectSuccess();
                Run noDisk = a.xenctl("migrate", "--no-live", name, b.uri());
                assertThat(noDisk.exit()).as(noDisk.describe()).isEqualTo(4);
                assertThat(noDisk.err()).contains("xenlab2 has no " + onlyOnA + " (disk xvdc");
                assertThat(b.dom0("virsh -c xen:///system pool-list --all --name").out().strip())
                        .as("the probe's transient pool is gone").isEmpty();
                sameGuestAnswers(a, name, "00:16:3e:4d:49:04", 1);

                // A directory where the disk should be passes the check and fails in xenlab2's libxl: once the
                // guest is suspended for the copy, libvirt 9.0 leaves it suspended in Xen, reporting it running;
                // when xenlab2 gives up first (the emulated guest slow to answer the suspend request: "Connection
                // reset by peer" in libxl's log, seen once in CI), the guest was never suspended and runs on.
                b.dom0("mkdir -p " + onlyOnA).expectSuccess();
                Run stuck = a.xenctl("migrate", "--no-live", name, b.uri());
                assertThat(stuck.exit()).as(stuck.describe()).isEqualTo(1);
                String xl = a.dom0("xl list " + name + " | tail -1").out();
                if (xl.contains("---ss-")) {
                    assertThat(stuck.err()).contains(name + " is stuck on xenlab: libvirt says running, but its CPU "
                            + "time has not moved").contains("destroy it, then start it again");
                } else {
                    System.out.println("MigrationXenLabIT: xenlab2 gave up before the guest was suspended: "
                            + stuck.describe());
                    assertThat(stuck.err()).as("Xen's view: " + xl).contains(name + " still runs on xenlab "
                            + "(running)");
                }
                assertThat(b.dom0("xl list " + name).exit()).as("nothing left in xenlab2's Xen").isNotZero();
                assertThat(Json.of(b.xenctl("-o", "json", "info", name)).get("state").asText())
                        .as("its definition on xenlab2, from the first move, stays shut off").isEqualTo("shutoff");
                a.xenctl("destroy", name).expectSuccess();  // transient there now: the moves back did not persist it
                assertThat(a.dom0("xl list " + name).exit()).isNotZero();
            } finally {
                b.dom0(Guests.destroy(name) + "; virsh -c xen:///system undefine " + name
                        + " 2>/dev/null; rm -rf " + onlyOnA);
            }
        } finally {
            a.dom0(Guests.destroy(name) + "; virsh -c xen:///system undefine " + name
                    + " 2>/dev/null; rm -f " + onlyOnA + "; ip link del xenbr9 2>/dev/null");
        }
    }

    @Test
    void evacuate_plans_then_moves_every_running_guest_off_the_host(XenLab a) throws Exception {
        String defined = "evac-defined";
        String created = "evac-created";
        a.share(defined + ".xml", Guests.xml(defined));
        a.share(created + ".cfg", Guests.xlCfg(created));
        XenLab b = peerOf(a);
        try {
            a.dom0("rm -f " + Guests.consoleLog(defined) + " " + Guests.consoleLog(created)).expectSuccess();
            a.xenctl("define", a.hostPath(defined + ".xml").toString()).expectSuccess();
            a.xenctl("start", defined).expectSuccess();
            a.xenctl("create", a.hostPath(created + ".cfg").toString()).expectSuccess();
            awaitConsole(a, defined, Guests.BANNER, BOOT);
            awaitConsole(a, created, Guests.BANNER, BOOT);

            Run plan = a.xenctl("-o", "json", "evacuate", "--check", a.uri(), "--to", b.uri());
            JsonNode planned = Json.of(plan);
            assertThat(planned.get("moves").findValuesAsText("outcome")).as(plan.describe())
                    .containsExactly("planned", "planned");
            assertThat(planned.get("moves").findValuesAsText("destination")).containsOnly("xenlab2");

            // Ctrl-C once the first move is under way: xenctl sees it through, starts no other, exits 130.
            Background evacuating = a.xenctlInBackground("-o", "json", "evacuate", "--no-live", a.uri(), "--to",
                    b.uri());
            Run arriving = b.await("xl list " + created, run -> run.exit() == 0, CHANGE);
            assertThat(arriving.exit()).as("the first move (evac-created, the first by name) begins").isZero();
            evacuating.interrupt();
            Run stopped = evacuating.finish(Duration.ofSeconds(180));
            assertThat(stopped.exit()).as(stopped.describe()).isEqualTo(130);
            assertThat(stopped.err()).contains("cannot be abandoned: waiting for its end");
            assertThat(Json.whatever(stopped).get("moves").findValuesAsText("outcome")).containsExactly("moved",
                    "not-started");
            assertThat(a.dom0("xl list " + defined).exit()).as("the second still runs on xenlab").isZero();

            Run evacuated = a.xenctl("-o", "json", "evacuate", "--no-live", a.uri(), "--to", b.uri());

            JsonNode done = Json.of(evacuated);
            assertThat(evacuated.exit()).as(evacuated.describe()).isZero();
            assertThat(done.get("moves").findValuesAsText("outcome")).containsExactly("moved");
            assertThat(done.get("message").asText()).isEqualTo("1 of 1 guests moved off xenlab.");
            for (String name : new String[] {defined, created}) {
                assertThat(b.dom0("xl list " + name).exit()).as(name + " runs on xenlab2").isZero();
                assertThat(a.dom0("xl list " + name).exit()).as(name + " is gone from xenlab").isNotZero();
            }
            assertThat(a.xenctl("info", defined).exit()).as("defined on xenlab2 only").isEqualTo(3);
            assertThat(Json.of(b.xenctl("-o", "json", "info", defined)).get("persistent").asBoolean()).isTrue();
            assertThat(Json.of(b.xenctl("-o", "json", "info", created)).get("persistent").asBoolean())
                    .as("transient as it was").isFalse();
            Run empty = a.xenctl("evacuate", a.uri(), "--to", b.uri());
            assertThat(empty.exit()).isZero();
            assertThat(empty.out()).contains("No guest runs on xenlab.");
        } finally {
            for (XenLab lab : new XenLab[] {a, b}) {
                lab.dom0(Guests.destroy(defined) + "; " + Guests.destroy(created) + "; "
                        + "virsh -c xen:///system undefine " + defined + " 2>/dev/null; true");
            }
        }
    }

    /**
     * The guest that booted once still runs: it reports a vif hot-plugged now, and its console on this dom0 has the
     * banners it had (xenconsoled appends to a name's log: one from the boot on xenlab, none on xenlab2).
     */
    private static void sameGuestAnswers(XenLab lab, String name, String mac, int banners) throws Exception {
        lab.xenctl("network-attach", name, "bridge=xenbr0", "mac=" + mac).expectSuccess();
        Run seen = lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains("net-added eth1 " + mac),
                CHANGE);
        assertThat(seen.out()).as("the guest's console on " + lab.hostname()).contains("net-added eth1 " + mac);
        assertThat(seen.out().split(Guests.BANNER, -1)).as("not booted again").hasSize(banners + 1);
        lab.xenctl("network-detach", name, mac).expectSuccess();
        lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains("net-removed eth1 " + mac), CHANGE);
    }

    private static void awaitConsole(XenLab lab, String name, String text, Duration limit) throws Exception {
        Run console = lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains(text), limit);
        assertThat(console.out()).as("the guest's console, " + Guests.consoleLog(name)).contains(text);
    }
}
