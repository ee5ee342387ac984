package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** xenctl against a real Xen 4.17 dom0: the host it sees, checked against xl and virsh in the dom0. */
@ExtendWith(XenLabExtension.class)
class Dom0XenLabIT {

    @Test
    void version_names_xen_4_17_and_the_remote_libvirt(XenLab lab) {
        JsonNode version = Json.of(lab.xenctl("version", "-o", "json"));

        assertThat(version.get("hypervisor").asText()).isEqualTo("Xen");
        assertThat(version.get("hypervisor_version").asText()).startsWith("4.17.");
        assertThat(version.get("hostname").asText()).isEqualTo("xenlab");
        assertThat(version.get("uri").asText()).isEqualTo(lab.uri());
        assertThat(version.get("libvirt_daemon").asText()).startsWith("9.0.");
    }

    @Test
    void list_shows_domain_0_as_xl_does(XenLab lab) {
        JsonNode domains = Json.of(lab.xenctl("list", "-o", "json")).get("domains");
        JsonNode dom0 = domains.get(0);

        assertThat(dom0.get("name").asText()).isEqualTo("Domain-0");
        assertThat(dom0.get("id").asInt()).isZero();
        assertThat(dom0.get("state").asText()).isEqualTo("running");
        // xl's own view, in the dom0: "Domain-0  0  1024  2  r-----  12.3"
        String[] xl = lab.dom0("xl list Domain-0 | tail -1").expectSuccess().out().trim().split("\\s+");
        assertThat(dom0.get("memory_kib").asLong() / 1024).isEqualTo(Long.parseLong(xl[2]));
        assertThat(dom0.get("vcpus").asInt()).isEqualTo(Integer.parseInt(xl[3]));
        assertThat(dom0.get("cpu_time_ns").asLong()).isPositive();
    }

    @Test
    void info_of_domain_0_by_name_and_by_id(XenLab lab) {
        JsonNode byName = Json.of(lab.xenctl("info", "Domain-0", "-o", "json"));
        JsonNode byId = Json.of(lab.xenctl("info", "0", "-o", "json"));

        assertThat(byName.get("uuid").asText()).isEqualTo(byId.get("uuid").asText());
        assertThat(byName.get("guest_type").asText()).isEqualTo("pv");
        assertThat(byName.get("vcpus").asInt()).isEqualTo(2);
        String virsh = lab.dom0("virsh -c xen:///system dominfo Domain-0").expectSuccess().out();
        assertThat(virsh).containsPattern("UUID:\\s+" + byName.get("uuid").asText());
    }

    @Test
    void xenctl_runs_inside_the_dom0_on_its_default_uri(XenLab lab) {
        JsonNode version = Json.of(lab.xenctlInDom0("version", "-o", "json"));

        assertThat(version.get("uri").asText()).isEqualTo("xen:///system");
        assertThat(version.get("uri_source").asText()).startsWith("/proc/xen/capabilities");
    }

    /**
     * "xenctl suspend 0" once suspended this dom0 through libvirt (Xen's console: "Hardware Dom0 shutdown (unknown
     * reason 2)"), and every scenario after it would have failed. Each verb that would stop, freeze, suspend, save or
     * move Domain-0 refuses it, by id and by name, and the dom0 answers after all of them.
     */
    @Test
    void verbs_that_would_take_the_host_down_refuse_domain_0(XenLab lab) {
        String[][] lines = {{"suspend", "0"}, {"pause", "Domain-0"}, {"destroy", "0"}, {"shutdown", "Domain-0"},
            {"shutdown", "--wait", "0"}, {"reboot", "0"}, {"save", "0", "/tmp/dom0.sav"}, {"managedsave", "Domain-0"},
            {"dump-core", "--live", "0", "/tmp/dom0.core"}, {"migrate", "Domain-0", lab.uri()}};
        for (String[] line : lines) {
            Run refused = lab.xenctl(line);
            assertThat(refused.exit()).as(refused.describe()).isEqualTo(4);
            assertThat(refused.err()).as(refused.describe()).startsWith("xenctl: error: refusing to ")
                    .contains(" Domain-0, the host's control domain: ");
        }
        JsonNode dom0 = Json.of(lab.xenctl("info", "0", "-o", "json"));
        assertThat(dom0.get("state").asText()).isEqualTo("running");
        assertThat(lab.dom0("ls /tmp/dom0.sav /tmp/dom0.core 2>&1").out()).contains("No such file");
    }

    @Test
    void an_unknown_domain_is_exit_3_as_on_any_host(XenLab lab) {
        Run run = lab.xenctl("info", "no-such-guest");

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        assertThat(run.err()).startsWith("xenctl: error: domain 'no-such-guest' not found");
    }

    @Test
    void the_dom0_among_several_hosts_lists_with_its_host_and_is_found_by_name(XenLab lab) {
        JsonNode both = Json.of(lab.xenctl("-c", "test:///default", "-o", "json", "list"));
        assertThat(both.get("hosts")).hasSize(2);
        assertThat(both.get("domains").findValuesAsText("host")).containsExactly(lab.uri(), "test:///default");
        assertThat(both.get("domains").get(0).get("name").asText()).isEqualTo("Domain-0");

        JsonNode dom0 = Json.of(lab.xenctl("-c", "test:///default", "-o", "json", "info", "Domain-0"));
        assertThat(dom0.get("id").asInt()).as("found on the Xen host, not the test driver").isZero();
        JsonNode room = Json.of(lab.xenctl("-c", "test:///default", "-o", "json", "host-info"));
        assertThat(room.get("hosts").get(0).get("info").get("hypervisor").asText()).startsWith("Xen 4.17");
        assertThat(room.get("total").get("hosts").asInt()).isEqualTo(2);
    }
}
