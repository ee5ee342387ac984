package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail on the real dom0, through a real syslog daemon (busybox syslogd on /dev/log, as a small dom0
 * runs one): define, and undefine in a batch, by root in the dom0 are recorded with the command, the URI, the uid and the outcome,
 * a refused change as a warning, and what only looks is not recorded.
 */
@ExtendWith(XenLabExtension.class)
class AuditXenLabIT {
    private static final String LOG = "/run/xenctl-audit.log";

    @Test
    void changes_made_in_the_dom0_are_in_its_system_log(XenLab lab) throws Exception {
        String name = "audit-guest";
        String cfg = lab.share(name + ".cfg", Guests.xlCfg(name, ""));
        lab.dom0("rm -f " + LOG + " && busybox syslogd -O " + LOG + " && sleep 1 && test -S /dev/log")
                .expectSuccess();
        try {
            lab.xenctlInDom0("define", cfg).expectSuccess();
            // A batch's lines are recorded one by one (and xenctl starts once: a JVM start is slow under TCG).
            String lines = lab.share("audit.batch", "list --all\nstart no-such-guest\nundefine " + name + "\n");
            assertThat(lab.xenctlInDom0("batch", lines).exit()).isEqualTo(3);

            Run log = lab.dom0("sleep 1; grep 'xenctl\\[' " + LOG).expectSuccess();
            assertThat(log.out().lines()).as(log.describe()).hasSize(3);
            assertThat(log.out().lines().toList().get(0))
                    .contains("authpriv.notice")
                    .contains("command=\"define " + cfg + "\" uri=\"xen:///system\" uid=0 user=\"root\"")
                    .endsWith("exit=0 result=ok");
            assertThat(log.out().lines().toList().get(1)).contains("authpriv.warn")
                    .contains("command=\"start no-such-guest\"").endsWith("exit=3 result=domain-not-found");
            assertThat(log.out().lines().toList().get(2)).contains("command=\"undefine " + name + "\"");
        } finally {
            lab.dom0("pkill -x syslogd; rm -f /dev/log; virsh undefine " + name + " 2>/dev/null; true");
        }
    }
}
