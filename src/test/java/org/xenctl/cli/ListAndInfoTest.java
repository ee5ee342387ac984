package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

class ListAndInfoTest {
    private static final String TEST_UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

    @Test
    void list_prints_the_test_domain_running_in_aligned_columns() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "list");
        assertThat(r.exit()).as(r.toString()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).matches("Name\\s+ID\\s+Mem\\s+VCPUs\\s+State\\s+Time\\(s\\)\\s+UUID");
        assertThat(lines[1]).matches("test\\s+1\\s+2048\\s+2\\s+running\\s+[0-9.]+\\s+" + TEST_UUID);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void no_headers_leaves_only_the_rows() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "list", "--no-headers");
        assertThat(r.out().split("\n")).hasSize(1);
        assertThat(r.out()).startsWith("test ");
    }

    @Test
    void list_json_gives_every_field_with_its_value() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "list", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode test = r.json().get("domains").get(0);
        assertThat(test.get("id").asInt()).isEqualTo(1);
        assertThat(test.get("name").asText()).isEqualTo("test");
        assertThat(test.get("uuid").asText()).isEqualTo(TEST_UUID);
        assertThat(test.get("state").asText()).isEqualTo("running");
        assertThat(test.get("memory_kib").asLong()).isEqualTo(2_097_152L);
        assertThat(test.get("max_memory_kib").asLong()).isEqualTo(8_388_608L);
        assertThat(test.get("vcpus").asInt()).isEqualTo(2);
        assertThat(test.get("cpu_time_ns").asLong()).isPositive();
    }

    @Test
    void columns_choose_and_order_the_tables_columns() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "list", "--all", "--columns", "state,name,maxmem,reason");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().split("\n")).containsExactly(
                "State    Name    MaxMem  Reason",
                "running  web       1024  unknown",
                "running  db        4096  unknown",
                "paused   router     512  unknown",
                "shutoff  build     2048  unknown");
    }

    @Test
    void columns_choose_the_json_fields_in_their_order() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "-o", "json", "list", "--columns", "UUID, id,time");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode test = r.json().get("domains").get(0);
        assertThat(test.fieldNames()).toIterable().containsExactly("uuid", "id", "cpu_time_ns");
        assertThat(test.get("uuid").asText()).isEqualTo(TEST_UUID);
        assertThat(test.get("cpu_time_ns").asLong()).isPositive();
    }

    @Test
    void an_unknown_or_repeated_column_is_a_usage_error_naming_the_choices() {
        Result unknown = Cli.run("-c", TestDriver.DEFAULT, "list", "--columns", "name,memory");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("xenctl: error: Invalid value for option '--columns': unknown column "
                + "'memory' in 'name,memory': choose from id,name,uuid,state,reason,mem,maxmem,vcpus,time");
        Result twice = Cli.run("-c", TestDriver.DEFAULT, "list", "--columns", "name,id,Name");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("column 'name' is named twice");
        Result empty = Cli.run("-c", TestDriver.DEFAULT, "list", "--columns", "");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("an empty column name");
    }

    @Test
    void global_options_work_before_the_verb_too() {
        Result r = Cli.run("-o", "json", "-c", TestDriver.DEFAULT, "list");
        assertThat(r.json().get("domains").get(0).get("name").asText()).isEqualTo("test");
    }

    @Test
    void list_all_orders_running_domains_by_id_then_shut_off_ones_by_name() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "list", "--all", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode domains = r.json().get("domains");
        assertThat(domains.findValuesAsText("name")).containsExactly("web", "db", "router", "build");
        assertThat(domains.get(3).get("id").isNull()).isTrue();
        assertThat(domains.get(3).get("state").asText()).isEqualTo("shutoff");
        assertThat(domains.get(3).get("cpu_time_ns").asLong()).isZero();
        assertThat(domains.get(2).get("state").asText()).isEqualTo("paused");
    }

    @Test
    void list_without_all_shows_running_and_paused_domains_only() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "list", "-o", "json");
        assertThat(r.json().get("domains").findValuesAsText("name")).containsExactly("web", "db", "router");
    }

    @Test
    void list_of_named_domains_keeps_the_order_given_and_accepts_ids_and_uuids() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "list", "build", "1",
                "4a1f2c3d-5b6e-4f70-8a91-b2c3d4e5f602", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("domains").findValuesAsText("name")).containsExactly("build", "web", "db");
    }

    @Test
    void list_of_an_unknown_domain_exits_3_naming_it() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "list", "web", "nosuch");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("xenctl: error: domain 'nosuch' not found");
    }

    @Test
    void info_shows_type_persistence_and_devices() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "info", "router", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode info = r.json();
        assertThat(info.get("name").asText()).isEqualTo("router");
        assertThat(info.get("state").asText()).isEqualTo("paused");
        assertThat(info.get("os_type").asText()).isEqualTo("xen");
        assertThat(info.get("guest_type").asText()).isEqualTo("pv");
        assertThat(info.get("persistent").asBoolean()).isTrue();
        assertThat(info.get("autostart").asBoolean()).isFalse();
        JsonNode pci = info.get("devices").get("pci").get(0);
        assertThat(pci.get("address").asText()).isEqualTo("0000:03:00.0");
        assertThat(pci.get("managed").asBoolean()).isTrue();
        JsonNode disk = info.get("devices").get("disks").get(0);
        assertThat(disk.get("target").asText()).isEqualTo("xvda");
        assertThat(disk.get("bus").asText()).isEqualTo("xen");
        assertThat(disk.get("source").asText()).isEqualTo("/var/lib/xen/images/router.img");
    }

    @Test
    void info_text_names_the_guest_type_and_lists_devices() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "info", "db");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Type:        pvh (os type xenpvh)")
                .contains("disk xvda (disk, xen) /dev/vg0/db-root")
                .contains("disk xvdb (disk, xen) /dev/vg0/db-data")
                .contains("nic  00:16:3e:5a:00:02 bridge xenbr0")
                .contains("Memory:      3072 MiB (max 4096 MiB)");
    }

    @Test
    void domid_and_domname_print_one_value() {
        assertThat(Cli.run("-c", TestDriver.demoHost(), "domid", "web").out()).isEqualTo("1\n");
        assertThat(Cli.run("-c", TestDriver.demoHost(), "domid", "build").out()).isEqualTo("-\n");
        assertThat(Cli.run("-c", TestDriver.demoHost(), "domname", "2").out()).isEqualTo("db\n");
        assertThat(Cli.run("-c", TestDriver.demoHost(), "domname", "4a1f2c3d-5b6e-4f70-8a91-b2c3d4e5f604").out())
                .isEqualTo("build\n");
    }

    @Test
    void domid_json_has_a_null_id_for_a_shut_off_domain() {
        JsonNode json = Cli.run("-c", TestDriver.demoHost(), "domid", "build", "-o", "json").json();
        assertThat(json.get("id").isNull()).isTrue();
        assertThat(json.get("name").asText()).isEqualTo("build");
    }

    @Test
    void dumpxml_prints_the_live_xml_or_the_definition() {
        Result live = Cli.run("-c", TestDriver.DEFAULT, "dumpxml", "test");
        assertThat(live.exit()).isZero();
        assertThat(live.out()).startsWith("<domain type='test' id='1'>").contains("<name>test</name>");
        Result inactive = Cli.run("-c", TestDriver.DEFAULT, "dumpxml", "--inactive", "test", "-o", "json");
        assertThat(inactive.json().get("inactive").asBoolean()).isTrue();
        assertThat(inactive.json().get("xml").asText()).startsWith("<domain type='test'>");
    }

    @Test
    void version_says_which_uri_and_why() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "version", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("uri").asText()).isEqualTo("test:///default");
        assertThat(r.json().get("uri_source").asText()).isEqualTo("--connect");
        assertThat(r.json().get("hypervisor").asText()).isEqualTo("TEST");
        assertThat(r.json().get("libvirt_library").asText()).matches("\\d+\\.\\d+\\.\\d+");
        Result text = Cli.run("-c", TestDriver.DEFAULT, "version");
        assertThat(text.out()).contains("URI:              test:///default (from --connect)");
    }
}
