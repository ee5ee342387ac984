package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;

/** An xl or virsh verb xenctl has not is answered with why and what instead, never only "not a xenctl verb". */
class ForeignVerbsTest {
    /** Every verb of xl 4.17's command table (tools/xl/xl_cmdtable.c). */
    private static final List<String> XL_VERBS = List.of("create", "config-update", "list", "destroy", "shutdown",
            "reboot", "pci-attach", "pci-detach", "pci-list", "pci-assignable-add", "pci-assignable-remove",
            "pci-assignable-list", "pause", "unpause", "console", "vncviewer", "save", "migrate", "restore",
            "migrate-receive", "suspend", "resume", "dump-core", "cd-insert", "cd-eject", "mem-max", "mem-set",
            "button-press", "vcpu-list", "vcpu-pin", "vcpu-set", "vm-list", "info", "sharing", "sched-credit",
            "sched-credit2", "sched-rtds", "domid", "domname", "rename", "trigger", "sysrq", "debug-keys",
            "set-parameters", "dmesg", "top", "network-attach", "network-list", "network-detach", "channel-list",
            "block-attach", "block-list", "block-detach", "vtpm-attach", "vtpm-list", "vtpm-detach",
            "vdispl-attach", "vdispl-list", "vdispl-detach", "uptime", "claims", "cpupool-create", "cpupool-list",
            "cpupool-destroy", "cpupool-rename", "cpupool-cpu-add", "cpupool-cpu-remove", "cpupool-migrate",
            "cpupool-numa-split", "getenforce", "setenforce", "loadpolicy", "remus", "devd", "psr-hwinfo",
            "psr-cmt-attach", "psr-cmt-detach", "psr-cmt-show", "psr-cat-set", "psr-cat-show", "psr-mba-set",
            "psr-mba-show", "usbctrl-attach", "usbctrl-detach", "usbdev-attach", "usbdev-detach", "usb-list",
            "qemu-monitor-command");

    @Test
    void every_verb_of_xl_is_xenctls_or_answered() {
        List<String> unanswered = new ArrayList<>();
        for (String verb : XL_VERBS) {
            if (!Verbs.BY_NAME.containsKey(verb) && ForeignVerbs.of(verb) == null) {
                unanswered.add(verb);
            }
        }
        assertThat(unanswered).isEmpty();
    }

    @Test
    void no_answer_stands_for_a_verb_xenctl_has() {
        for (String verb : Verbs.BY_NAME.keySet()) {
            assertThat(ForeignVerbs.of(verb)).as(verb + " is xenctl's now: drop its answer").isNull();
        }
    }

    @Test
    void a_renamed_verb_names_one_that_exists() {
        Pattern named = Pattern.compile("xenctl's is '([^']+)'");
        for (String verb : List.of("vm-list", "setmem", "setmaxmem", "setvcpus", "vcpupin", "vcpuinfo", "domblklist",
                "domiflist", "attach-disk", "detach-disk", "attach-interface", "detach-interface", "nodeinfo",
                "domstats", "schedinfo", "domxml-from-native", "domxml-to-native", "nodedev-list", "nodedev-detach",
                "nodedev-reattach")) {
            Matcher matcher = named.matcher(ForeignVerbs.of(verb).message());
            assertThat(matcher.find()).as(verb).isTrue();
            Result help = Cli.run((matcher.group(1) + " --help").split(" "));
            assertThat(help.exit()).as(verb + " → " + matcher.group(1) + ": " + help).isZero();
        }
    }

    @Test
    void the_answer_is_a_usage_error_wherever_a_verb_is_read() {
        Result sysrq = Cli.onTestDriver("sysrq", "test", "s");
        Result help = Cli.run("help", "cpupool-list");
        Result json = Cli.onTestDriver("-o", "json", "setmem", "test", "1024");
        Result unknown = Cli.onTestDriver("cpupool-");

        assertThat(sysrq.exit()).isEqualTo(2);
        assertThat(sysrq.err()).isEqualTo("xenctl: error: 'sysrq' is xl's, not xenctl's: libvirt's Xen driver "
                + "cannot send a key to a guest\nxenctl: hint: run 'xl sysrq' on the dom0\n");
        assertThat(help.exit()).isEqualTo(2);
        assertThat(help.err()).startsWith("xenctl: error: 'cpupool-list' is xl's, not xenctl's: libvirt does not "
                + "manage Xen's CPU pools\n");
        assertThat(json.errorJson().get("error").get("code").asText()).isEqualTo("usage");
        assertThat(json.errorJson().get("error").get("hint").asText()).contains("'xenctl help mem-set'")
                .contains("not virsh's KiB");
        assertThat(unknown.err()).startsWith("xenctl: error: 'cpupool-' is not a xenctl verb\n");
    }
}
