package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A running PV guest's vCPUs and memory changed from the host over xen+tcp, each change seen by the guest's own
 * kernel (its init reports the CPUs online and MemTotal when they change) and by xl in the dom0; host-info against
 * xl info.
 */
@ExtendWith(XenLabExtension.class)
class ResourcesXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration CHANGE = Duration.ofSeconds(90);
    /** The guest's report of one CPU online (xenconsoled's log may end lines with CR LF). */
    private static final Pattern ONE_CPU = Pattern.compile("xenctl-lab-guest: cpus-online 0\\r?\\n");

    @Test
    void vcpus_and_memory_change_under_a_running_guest_and_xl_agrees(XenLab lab) throws Exception {
        String name = "res-guest";
        lab.share(name + ".cfg", Guests.xlCfg(name, "maxvcpus = 2", "maxmem = 256"));
        lab.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
        try {
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            String booted = awaitConsole(lab, name, Guests.BANNER, BOOT);
            assertThat(count(booted, ONE_CPU)).as(booted).isEqualTo(1);
            long memTotalAtBoot = lastMemTotal(booted);

            Run two = lab.xenctl("vcpu-set", name, "2");

            assertThat(two.out()).as(two.describe()).isEqualTo(name + " has 2 vCPUs (the running domain only)\n");
            awaitConsole(lab, name, "xenctl-lab-guest: cpus-online 0-1", CHANGE);
            assertThat(xlVcpuRows(lab, name)).isEqualTo(2);
            JsonNode vcpus = Json.of(lab.xenctl("-o", "json", "vcpu-list", name)).get("vcpus");
            // online: running, blocked, or runnable when it waits for a physical CPU (a loaded CI machine under TCG)
            assertThat(vcpus.get(1).get("state").asText()).isIn("running", "blocked", "runnable");

            Run one = lab.xenctl("vcpu-set", name, "1");

            assertThat(one.exit()).as(one.describe()).isZero();
            Run offline = lab.await("cat " + Guests.consoleLog(name), run -> count(run.out(), ONE_CPU) >= 2, CHANGE);
            assertThat(count(offline.out(), ONE_CPU)).as(offline.out()).isEqualTo(2);
            assertThat(Json.of(lab.xenctl("-o", "json", "vcpu-list", name)).get("vcpus").get(1).get("state")
                    .asText()).isEqualTo("offline");
            Run tooMany = lab.xenctl("vcpu-set", name, "3");
            assertThat(tooMany.exit()).isEqualTo(4);

            Run pin = lab.xenctl("vcpu-pin", name, "0", "1");

            assertThat(pin.exit()).as(pin.describe()).isZero();
            assertThat(pin.out()).isEqualTo("vCPU 0 of " + name + " pinned to CPUs 1 (the running domain only)\n");
            String xl = lab.dom0("xl vcpu-list " + name).expectSuccess().out();
            assertThat(xl.lines().filter(line -> line.startsWith(name)).findFirst().orElseThrow())
                    .as(xl).matches(".*\\s1 / all\\s*");
            assertThat(Json.of(lab.xenctl("-o", "json", "vcpu-pin", name, "0", "1")).get("changed").asBoolean())
                    .isFalse();
            // vCPU 1 is offline: "all" pins the online ones (it failed at vCPU 1, "vcpu '1' is not active", after
            // pinning vCPU 0), and vCPU 1 by itself is refused before libvirt is asked
            Run all = lab.xenctl("vcpu-pin", name, "all", "0");
            assertThat(all.out()).as(all.describe()).isEqualTo("every vCPU of " + name + " pinned to CPUs 0 (the "
                    + "running domain only)\n");
            Run offlinePin = lab.xenctl("vcpu-pin", name, "1", "0");
            assertThat(offlinePin.exit()).as(offlinePin.describe()).isEqualTo(4);
            assertThat(offlinePin.err()).contains("vCPU 1 of " + name + " is offline");
            lab.xenctl("vcpu-pin", name, "0", "1").expectSuccess();

            Run up = lab.xenctl("mem-set", name, "200");

            assertThat(up.out()).as(up.describe()).isEqualTo(name + "'s memory set to 200 MiB (the running domain "
                    + "only)\n");
            assertThat(awaitMemTotal(lab, name, total -> total > memTotalAtBoot + 40 * 1024)).isTrue();
            assertThat(xlMemory(lab, name)).isBetween(195L, 200L);

            Run down = lab.xenctl("mem-set", name, "100");

            assertThat(down.exit()).as(down.describe()).isZero();
            assertThat(awaitMemTotal(lab, name, total -> total < memTotalAtBoot - 10 * 1024)).isTrue();
            assertThat(xlMemory(lab, name)).isBetween(95L, 100L);
            Run aboveMax = lab.xenctl("mem-set", name, "300");
            assertThat(aboveMax.exit()).isEqualTo(4);
            assertThat(aboveMax.err()).startsWith("xenctl: error: 300 MiB is above domain " + name
                    + "'s maximum (256 MiB)");

            // stats: the guest's CPU time grows between two readings, and its figures are xl's.
            Run stats = lab.xenctl("-o", "json", "stats", "--count", "2", "--interval", "1", name);
            assertThat(stats.exit()).as(stats.describe()).isZero();
            List<JsonNode> rows = stats.out().lines().map(ResourcesXenLabIT::json).toList();
            assertThat(rows).as(stats.out()).hasSize(3);
            assertThat(rows.get(1).get("cpu_ns").asLong()).isGreaterThan(rows.get(0).get("cpu_ns").asLong());
            assertThat(rows.get(1).get("cpu_percent").asDouble()).isBetween(0.0, 200.0);
            assertThat(rows.get(1).get("memory_kib").asLong() / 1024).isEqualTo(xlMemory(lab, name));
            assertThat(rows.get(1).get("vcpus").asInt()).isEqualTo(1);
            assertThat(rows.get(1).get("net_rx_bytes").isNull()).as("libxl's vif counters").isFalse();

            // The scheduler share (the lab's Xen runs credit2, Xen's default), read back by xl.
            Run share = lab.xenctl("sched-credit2", "-d", name, "-w", "512", "-c", "50");

            assertThat(share.out()).as(share.describe()).isEqualTo(name + " now has weight 512, cap 50% under "
                    + "credit2 (the running domain only)\n");
            assertThat(lab.dom0("xl sched-credit2 -d " + name).expectSuccess().out())
                    .containsPattern("(?m)^" + name + "\\s+\\d+\\s+512\\s+50\\s*$");
            assertThat(Json.of(lab.xenctl("-o", "json", "sched-credit2", "-d", name, "-w", "512")).get("changed")
                    .asBoolean()).isFalse();
            JsonNode listed = Json.of(lab.xenctl("-o", "json", "sched-credit2"));
            assertThat(listed.get("domains").toString()).contains("\"name\":\"Domain-0\"")
                    .contains("\"name\":\"" + name + "\",\"id\":" + rows.get(1).get("id").asInt()
                            + ",\"weight\":512,\"cap\":50");
            assertThat(lab.xenctl("sched-credit2", "-d", name, "-c", "300").exit()).as("above 100 per vCPU")
                    .isEqualTo(4);
            Run credit = lab.xenctl("sched-credit", "-d", name, "-w", "100");
            assertThat(credit.exit()).isEqualTo(1);
            assertThat(credit.err()).contains("this host runs the credit2 scheduler, not credit")
                    .contains("use sched-credit2");
            JsonNode info = Json.of(lab.xenctl("-o", "json", "info", name));
            assertThat(info.get("scheduler").toString()).isEqualTo("{\"name\":\"credit2\",\"weight\":512,"
                    + "\"cap\":50}");
            assertThat(info.get("vcpu_placement").get(0).get("affinity").asText()).as("pinned above").isEqualTo("1");

            lab.xenctl("destroy", name).expectSuccess();
        } finally {
            lab.dom0(Guests.destroy(name));
        }
    }

    private static JsonNode json(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Test
    void host_info_agrees_with_xl_info(XenLab lab) {
        JsonNode info = Json.of(lab.xenctl("-o", "json", "host-info"));
        String xl = lab.dom0("xl info").expectSuccess().out();

        assertThat(info.get("cpus").asInt()).isEqualTo(Integer.parseInt(xlInfo(xl, "nr_cpus")));
        assertThat(info.get("numa_nodes").asInt()).isEqualTo(Integer.parseInt(xlInfo(xl, "nr_nodes")));
        assertThat(info.get("threads_per_core").asInt()).isEqualTo(Integer.parseInt(xlInfo(xl, "threads_per_core")));
        assertThat(info.get("total_memory_kib").asLong() / 1024)
                .isBetween(Long.parseLong(xlInfo(xl, "total_memory")) - 16, Long.parseLong(xlInfo(xl, "total_memory")));
        assertThat(info.get("scheduler").asText()).isEqualTo(xlInfo(xl, "xen_scheduler"));
        assertThat(info.get("hypervisor").asText()).contains(xlInfo(xl, "xen_major") + "." + xlInfo(xl, "xen_minor"));
        assertThat(info.get("guest_types").toString()).contains("pv");
        long xlFree = Long.parseLong(xlInfo(xl, "free_memory"));
        assertThat(info.get("free_memory_kib").asLong() / 1024).isBetween(xlFree - 64, xlFree + 64);
    }

    private static String xlInfo(String xl, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + key + "\\s*:\\s*(\\S+)").matcher(xl);
        assertThat(matcher.find()).as(key + " in xl info").isTrue();
        return matcher.group(1);
    }

    private static int xlVcpuRows(XenLab lab, String name) {
        return (int) lab.dom0("xl vcpu-list " + name).expectSuccess().out().lines()
                .filter(line -> line.startsWith(name)).count();
    }

    private static long xlMemory(XenLab lab, String name) {
        String[] row = lab.dom0("xl list " + name + " | tail -1").expectSuccess().out().trim().split("\\s+");
        return Long.parseLong(row[2]);
    }

    private static long lastMemTotal(String console) {
        Matcher matcher = Pattern.compile("xenctl-lab-guest: memtotal-kib (\\d+)").matcher(console);
        long last = -1;
        while (matcher.find()) {
            last = Long.parseLong(matcher.group(1));
        }
        return last;
    }

    private static boolean awaitMemTotal(XenLab lab, String name, java.util.function.LongPredicate wanted)
            throws InterruptedException {
        Run console = lab.await("cat " + Guests.consoleLog(name), run -> wanted.test(lastMemTotal(run.out())),
                CHANGE);
        return wanted.test(lastMemTotal(console.out()));
    }

    private static String awaitConsole(XenLab lab, String name, String text, Duration limit) throws Exception {
        Run console = lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains(text), limit);
        assertThat(console.out()).as("the guest's console, " + Guests.consoleLog(name)).contains(text);
        return console.out();
    }

    private static int count(String console, Pattern line) {
        Matcher matcher = line.matcher(console);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
