package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dom0's libvirtd restarted under xenctl commands that hold a connection to it from the host (xen+tcp): what a
 * script sees is an exit status it can act on, never a hang or a false success, and the guests outlive it.
 */
@ExtendWith(XenLabExtension.class)
class DaemonRestartXenLabIT {

    @Test
    void a_restart_ends_events_and_wait_with_exit_6_a_batch_reconnects_and_the_guest_keeps_running(XenLab lab)
            throws Exception {
        String name = "restart-guest";
        lab.share(name + ".cfg", Guests.xlCfg(name));
        lab.share("restart.batch", "list --all\nevents --timeout 40\nlist --all\n");
        Background events = lab.xenctlInBackground("events");
        Background batch = lab.xenctlInBackground("batch", lab.hostPath("restart.batch").toString());
        Background waiting = null;
        try {
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            assertThat(events.awaitOut(out -> out.contains(name), Duration.ofSeconds(60)))
                    .as("events reports the guest's start").isTrue();
            waiting = lab.xenctlInBackground("wait", name, "--state", "shutoff", "--timeout", "600");
            // libvirtd's own count of its clients: the events, the batch and the wait are connected.
            assertThat(lab.await("virt-admin srv-clients-list libvirtd | grep -c ' tcp '",
                    run -> run.out().trim().matches("[3-9]"), Duration.ofSeconds(60)).out().trim())
                    .as("clients on libvirtd's TCP port").matches("[3-9]");
            long restarted = System.nanoTime();

            lab.restartLibvirtd();

            Run lostEvents = events.finish(Duration.ofSeconds(60));
            Run lostWait = waiting.finish(Duration.ofSeconds(60));
            long seconds = (System.nanoTime() - restarted) / 1_000_000_000L;
            assertThat(lostEvents.exit()).as(lostEvents.describe()).isEqualTo(6);
            assertThat(lostEvents.err()).contains("was lost while listening for events");
            assertThat(lostWait.exit()).as(lostWait.describe()).isEqualTo(6);
            assertThat(lostWait.err()).contains("was lost while waiting");
            assertThat(seconds).as("both ended within seconds of the restart, not at their timeouts").isLessThan(60);

            Run reconnected = batch.finish(Duration.ofSeconds(150));
            assertThat(reconnected.exit()).as(reconnected.describe()).isZero();
            assertThat(reconnected.err()).contains("batch: line 2: the connection was lost; reconnected, and the "
                    + "line is run again");
            assertThat(reconnected.out()).endsWith("batch: 3 commands, 3 succeeded, 0 failed\n");

            // The restarted libvirtd found the guest again: it runs, and xenctl drives it as before.
            assertThat(Json.of(lab.xenctl("-o", "json", "info", name)).get("state").asText()).isEqualTo("running");
            assertThat(lab.dom0("xl list " + name).exit()).isZero();
            lab.xenctl("destroy", name).expectSuccess();
            assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
        } finally {
            events.stop();
            batch.stop();
            if (waiting != null) {
                waiting.stop();
            }
            lab.dom0(Guests.destroy(name));
        }
    }
}
