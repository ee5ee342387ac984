package org.xenctl.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * xl's and virsh's verbs that xenctl has not, or has under another name: what an administrator typing one from
 * years of habit is told instead of "not a xenctl verb". Renamed verbs are named, not aliased, where they differ
 * (virsh's setmem reads KiB, xenctl's mem-set MiB as xl's does). Where libvirt's Xen driver cannot do it, the
 * answer says so and names xl's verb on the dom0.
 */
final class ForeignVerbs {
    /** Why an xl or virsh verb is not xenctl's, and what to do instead. */
    record Answer(String message, String hint) {
    }

    private static final Map<String, Answer> EXACT = new HashMap<>();
    /** Verb families by prefix: xl has a verb per action on them. */
    private static final Map<String, Answer> FAMILIES = new HashMap<>();

    static {
        // xl's verbs that libvirt's Xen driver cannot carry: xl on the dom0 is the way
        onDom0("sysrq", "libvirt's Xen driver cannot send a key to a guest");
        onDom0("debug-keys", "Xen's own console is not reachable through libvirt");
        onDom0("dmesg", "Xen's own console is not reachable through libvirt");
        onDom0("set-parameters", "Xen's own settings are not reachable through libvirt");
        onDom0("sharing", "Xen's memory sharing is not reachable through libvirt");
        onDom0("claims", "Xen's memory claims are not reachable through libvirt");
        onDom0("getenforce", "Xen's Flask security module is not reachable through libvirt");
        onDom0("setenforce", "Xen's Flask security module is not reachable through libvirt");
        onDom0("loadpolicy", "Xen's Flask security module is not reachable through libvirt");
        onDom0("remus", "libvirt has no Remus or COLO replication for Xen");
        onDom0("qemu-monitor-command", "libvirt's Xen driver passes no command to a domain's device model");
        onDom0("sched-rtds", "xenctl sets the credit and credit2 schedulers only, as libvirt's Xen driver does");
        onDom0("uptime", "libvirt does not tell when a Xen domain started ('xenctl list' shows its CPU time)");
        onDom0("usb-list", "USB passthrough is not in xenctl yet");
        family("cpupool-", "libvirt does not manage Xen's CPU pools", "run 'xl cpupool-…' on the dom0; "
                + "'xenctl vcpu-pin' pins a domain's vCPUs to host CPUs");
        family("tmem-", "Xen's transcendent memory is not reachable through libvirt", null);
        family("psr-", "Xen's cache and memory bandwidth allocation (PSR) is not reachable through libvirt",
                "run 'xl psr-…' on the dom0");
        family("usbctrl-", "USB passthrough is not in xenctl yet", "run 'xl usbctrl-…' on the dom0");
        family("usbdev-", "USB passthrough is not in xenctl yet", "run 'xl usbdev-…' on the dom0");
        for (String kind : new String[] {"vtpm-", "vdispl-", "vsnd-", "vkb-"}) {
            family(kind, "xenctl does not manage these devices", "run 'xl " + kind + "…' on the dom0");
        }
        other("trigger", "xl's", "libvirt's Xen driver cannot send an NMI or another trigger to a guest",
                "'xenctl shutdown --acpi' presses the power button and 'xenctl suspend' asks for sleep; for the "
                        + "others, run 'xl trigger DOMAIN …' on the dom0");
        other("inject-nmi", "virsh's", "libvirt's Xen driver cannot send an NMI to a guest",
                "run 'xl trigger DOMAIN nmi' on the dom0");
        other("send-key", "virsh's", "libvirt's Xen driver cannot send a key to a guest",
                "for a SysRq, run 'xl sysrq DOMAIN LETTER' on the dom0");
        other("reset", "virsh's", "libvirt's Xen driver cannot reset a domain",
                "'xenctl reboot DOMAIN' asks the guest; run 'xl trigger DOMAIN reset' on the dom0 to force it");
        other("button-press", "xl's", "xenctl names the buttons' effects",
                "'xenctl shutdown --acpi DOMAIN' presses the power button; 'xenctl suspend DOMAIN' asks the guest "
                        + "to sleep");
        other("config-update", "xl's", "in libvirt a domain's stored configuration is its definition",
                "'xenctl define FILE' updates it; a running domain takes it at its next start");
        other("migrate-receive", "xl's", "libvirtd receives a xenctl migration: nothing to run on the destination",
                "run 'xenctl migrate' on the source's side ('xenctl help migrate')");
        other("devd", "xl's", "it is the backend daemon a driver domain runs for itself, not a toolstack verb",
                "run 'xl devd' inside the driver domain (docs/devices.md)");
        other("channel-list", "xl's", "xenctl does not list channels yet",
                "'xenctl dumpxml DOMAIN' shows its <channel> devices");
        String vncPort = "the port is in the <graphics type='vnc'> element of 'xenctl dumpxml DOMAIN': point a "
                + "viewer at that host and port";
        other("vncviewer", "xl's", "xenctl starts no viewer", vncPort);
        other("vncdisplay", "virsh's", "xenctl starts no viewer", vncPort);
        other("edit", "virsh's", "xenctl edits no definition in place",
                "'xenctl config export DOMAIN > FILE', edit FILE, then 'xenctl define FILE'");
        other("attach-device", "virsh's", "xenctl attaches a device by its kind",
                "'xenctl pci-attach', 'network-attach' or 'block-attach', with xl's device specs");
        other("detach-device", "virsh's", "xenctl detaches a device by its kind",
                "'xenctl pci-detach', 'network-detach' or 'block-detach'");
        other("change-media", "virsh's", "xenctl's are 'cd-insert' and 'cd-eject', as xl's",
                "'xenctl help cd-insert'");
        other("domstate", "virsh's", "'xenctl list' shows a domain's state and why",
                "'xenctl list DOMAIN --columns name,state,reason'");
        other("domuuid", "virsh's", "'xenctl list' shows a domain's UUID", "'xenctl list DOMAIN --columns name,uuid'");

        renamed("vm-list", "xl's", "list", null);
        renamed("setmem", "virsh's", "mem-set", "a size without a unit is MiB, as xl's, not virsh's KiB");
        renamed("setmaxmem", "virsh's", "mem-max", "a size without a unit is MiB, as xl's, not virsh's KiB");
        renamed("setvcpus", "virsh's", "vcpu-set", null);
        renamed("vcpupin", "virsh's", "vcpu-pin", null);
        renamed("vcpuinfo", "virsh's", "vcpu-list", null);
        renamed("domblklist", "virsh's", "block-list", null);
        renamed("domiflist", "virsh's", "network-list", null);
        renamed("attach-disk", "virsh's", "block-attach", "its disk is xl's DISK_SPEC");
        renamed("detach-disk", "virsh's", "block-detach", null);
        renamed("attach-interface", "virsh's", "network-attach", "its vif is xl's NET_SPEC");
        renamed("detach-interface", "virsh's", "network-detach", null);
        renamed("nodeinfo", "virsh's", "host-info", null);
        renamed("domstats", "virsh's", "stats", null);
        renamed("schedinfo", "virsh's", "sched-credit", "or sched-credit2, as the host's scheduler is");
        renamed("domxml-from-native", "virsh's", "config convert", null);
        renamed("domxml-to-native", "virsh's", "config export", null);
        renamed("nodedev-list", "virsh's", "pci-host-list", null);
        renamed("nodedev-detach", "virsh's", "pci-assignable-add", null);
        renamed("nodedev-reattach", "virsh's", "pci-assignable-remove", "with -r, back to its driver");
    }

    private ForeignVerbs() {
    }

    /** What to say of {@code word}, typed where a verb goes; null when it is no verb of xl's or virsh's we know. */
    static Answer of(String word) {
        Answer exact = EXACT.get(word);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Answer> family : FAMILIES.entrySet()) {
            if (word.startsWith(family.getKey()) && word.length() > family.getKey().length()) {
                return new Answer("'" + word + "' is xl's, not xenctl's: " + family.getValue().message(),
                        family.getValue().hint());
            }
        }
        return null;
    }

    private static void onDom0(String verb, String why) {
        other(verb, "xl's", why, "run 'xl " + verb + "' on the dom0");
    }

    private static void family(String prefix, String why, String hint) {
        FAMILIES.put(prefix, new Answer(why, hint));
    }

    private static void other(String verb, String whose, String why, String hint) {
        EXACT.put(verb, new Answer("'" + verb + "' is " + whose + ", not xenctl's: " + why, hint));
    }

    private static void renamed(String verb, String whose, String ours, String note) {
        EXACT.put(verb, new Answer("'" + verb + "' is " + whose + " name: xenctl's is '" + ours + "'",
                (ours.contains(" ") ? "'xenctl " + ours + " --help'" : "'xenctl help " + ours + "'")
                        + (note == null ? "" : "; " + note)));
    }
}
