package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainResources;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * mem-set, mem-max, vcpu-set, vcpu-pin, vcpu-list and host-info on libvirt's test driver, whose domains take memory
 * and vCPU changes: each change read back from the domain, idempotence, and the refusals made before libvirt is
 * asked. The test driver cannot pin vCPUs with flags, so a pin that gets that far comes back with its refusal (the
 * pinning itself is proven on real Xen, ResourcesXenLabIT).
 */
class ResourceCommandsTest {
    private LibvirtHypervisor keep;

    @BeforeEach
    void aTestHost() {
        keep = TestDriver.keep();
    }

    @AfterEach
    void closeIt() {
        keep.close();
    }

    private static Result xenctl(String... args) {
        return Cli.onTestDriver(args);
    }

    private DomainResources resources(boolean inactive) {
        return keep.resources(keep.lookup(DomainRef.of("test")).uuid(), inactive);
    }

    @Test
    void mem_set_changes_the_running_domain_and_its_definition_once() {
        Result set = xenctl("mem-set", "test", "1g");
        JsonNode again = xenctl("-o", "json", "mem-set", "test", "1048576k").json();

        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("test's memory set to 1024 MiB (the running domain and its definition)\n");
        assertThat(resources(false).memoryKiB()).isEqualTo(1024 * 1024);
        assertThat(resources(true).memoryKiB()).isEqualTo(1024 * 1024);
        assertThat(again.get("changed").asBoolean()).isFalse();
        assertThat(again.get("setting").asText()).isEqualTo("memory");
        assertThat(again.get("value").asText()).isEqualTo("1048576");
    }

    @Test
    void memory_out_of_range_is_refused_before_libvirt_is_asked() {
        long before = resources(false).memoryKiB();

        Result aboveMax = xenctl("mem-set", "test", "9g");
        Result beyondFree = xenctl("mem-set", "--live", "test", String.valueOf(before / 1024 + 64));
        Result maxBelow = xenctl("mem-max", "test", "1g");
        Result tiny = xenctl("mem-set", "test", "1000k");
        Result notASize = xenctl("mem-set", "test", "1.5g");

        assertThat(aboveMax.exit()).isEqualTo(4);
        assertThat(aboveMax.err()).startsWith("xenctl: error: 9216 MiB is above domain test's maximum (8192 MiB)\n"
                + "xenctl: hint: raise the maximum first: mem-max test 9216\n");
        // The test driver's host reports a few MiB free: a running domain cannot grow by 64 MiB there.
        assertThat(beyondFree.exit()).isEqualTo(4);
        assertThat(beyondFree.err()).startsWith("xenctl: error: domain test cannot grow by 64 MiB: the host has ");
        assertThat(maxBelow.exit()).isEqualTo(4);
        assertThat(maxBelow.err()).startsWith("xenctl: error: 1024 MiB is below domain test's memory");
        assertThat(tiny.exit()).isEqualTo(2);
        assertThat(notASize.exit()).isEqualTo(2);
        assertThat(notASize.err()).startsWith("xenctl: error: '1.5g' is not a memory size\n");
        assertThat(resources(false).memoryKiB()).isEqualTo(before);
    }

    @Test
    void mem_max_of_the_definition_is_read_back_and_the_running_domains_refusal_comes_from_libvirt() {
        Result config = xenctl("mem-max", "--config", "test", "9g");
        Result live = xenctl("mem-max", "--live", "test", "9g");

        assertThat(config.exit()).as(config.toString()).isZero();
        assertThat(resources(true).maxMemoryKiB()).isEqualTo(9L * 1024 * 1024);
        assertThat(resources(false).maxMemoryKiB()).isEqualTo(8L * 1024 * 1024);
        assertThat(live.err()).startsWith("xenctl: error: cannot set the maximum memory of domain test to 9437184 KiB: ");
    }

    @Test
    void vcpu_set_takes_vcpus_offline_and_back_never_above_maxvcpus() {
        Result down = xenctl("vcpu-set", "test", "1");
        Result list = xenctl("vcpu-list", "test");
        Result same = xenctl("vcpu-set", "test", "1");
        Result tooMany = xenctl("vcpu-set", "test", "3");
        Result none = xenctl("vcpu-set", "test", "0");

        assertThat(down.out()).isEqualTo("test has 1 vCPU (the running domain and its definition)\n");
        assertThat(resources(false).vcpus()).isEqualTo(1);
        assertThat(resources(true).vcpus()).isEqualTo(1);
        assertThat(list.out()).contains("test   1     1    -  offline").contains("  all\n");
        assertThat(same.out()).isEqualTo("test has 1 vCPU already: nothing to do\n");
        assertThat(tooMany.exit()).isEqualTo(4);
        assertThat(tooMany.err()).startsWith("xenctl: error: domain test has at most 2 vCPUs (maxvcpus)\n");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(xenctl("vcpu-set", "test", "2").exit()).isZero();
        assertThat(resources(false).vcpus()).isEqualTo(2);
    }

    @Test
    void vcpu_pin_reads_xls_cpu_list_and_changes_only_what_differs() {
        JsonNode already = xenctl("-o", "json", "vcpu-pin", "test", "all", "0-15").json();
        Result pin = xenctl("vcpu-pin", "test", "0", "0-3,^1");
        Result noCpu = xenctl("vcpu-pin", "test", "0", "0-16");
        Result noVcpu = xenctl("vcpu-pin", "test", "2", "all");
        Result soft = xenctl("vcpu-pin", "test", "0", "all", "2-3");

        assertThat(already.get("changed").asBoolean()).isFalse();
        assertThat(already.get("value").asText()).isEqualTo("all");
        assertThat(pin.err()).startsWith("xenctl: error: cannot pin vCPU 0 of domain test to CPUs 0,2-3: ");
        assertThat(noCpu.exit()).isEqualTo(4);
        assertThat(noCpu.err()).startsWith("xenctl: error: CPU 16 in '0-16': the host has 16 CPUs (0-15)\n");
        assertThat(noVcpu.exit()).isEqualTo(4);
        assertThat(noVcpu.err()).startsWith("xenctl: error: domain test has no vCPU 2 (it has 2, numbered from 0)\n");
        assertThat(soft.exit()).isEqualTo(1);
        assertThat(soft.err()).startsWith("xenctl: error: soft affinity (2-3) cannot be set through libvirt for Xen\n");
    }

    @Test
    void vcpu_list_without_a_domain_lists_every_running_one_and_json_has_each_vcpu() {
        Result all = xenctl("vcpu-list");
        JsonNode json = xenctl("-o", "json", "vcpu-list", "--config", "test").json();

        assertThat(all.out()).startsWith("Name  ID  VCPU  CPU  State     Time(s)  Affinity\ntest   1     0 ");
        assertThat(json.get("vcpus")).hasSize(2);
        assertThat(json.get("vcpus").get(1).get("source").asText()).isEqualTo("config");
        assertThat(json.get("vcpus").get(1).get("state").isNull()).isTrue();
        assertThat(json.get("vcpus").get(1).get("affinity").asText()).isEqualTo("all");
    }

    @Test
    void host_info_reports_the_test_hosts_topology_and_guest_types() {
        JsonNode json = xenctl("-o", "json", "host-info").json();
        Result text = xenctl("host-info");

        assertThat(json.get("cpus").asInt()).isEqualTo(16);
        assertThat(json.get("sockets").asInt() * json.get("cores_per_socket").asInt()
                * json.get("threads_per_core").asInt() * json.get("numa_nodes").asInt()).isEqualTo(16);
        assertThat(json.get("nodes")).hasSize(2);
        assertThat(json.get("nodes").get(1).get("cpus").asText()).isEqualTo("8,9,10,11,12,13,14,15");
        assertThat(json.get("guest_types").toString()).contains("hvm");
        assertThat(json.get("total_memory_kib").asLong()).isPositive();
        assertThat(text.out()).contains("nr_cpus                : 16\n").contains("xen_scheduler          : -\n");
    }
}
