package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xenctl.domain.ErrorCode;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * docs/json.md is the JSON contract: every field it lists must be in the output and every field in the output must
 * be listed, command by command.
 */
class JsonContractTest {
    private static Map<String, List<List<String>>> contract;

    @BeforeAll
    static void readTheContract() throws Exception {
        contract = new LinkedHashMap<>();
        String section = null;
        List<String> table = null;
        for (String line : Files.readAllLines(TestDriver.repositoryFile("docs/json.md"))) {
            if (line.startsWith("### ") || line.startsWith("## ")) {
                section = line.replaceFirst("^#+ ", "").strip();
                table = null;
            } else if (line.startsWith("| `") && section != null) {
                if (table == null) {
                    table = new ArrayList<>();
                    contract.computeIfAbsent(section, k -> new ArrayList<>()).add(table);
                }
                String[] cells = line.split("\\|");
                table.add(cells[1].strip().replace("`", "") + "|" + cells[2].strip());
            } else if (!line.startsWith("|")) {
                table = null;
            }
        }
    }

    private static Set<String> documented(String section, int table) {
        Set<String> fields = new TreeSet<>();
        for (String row : contract.get(section).get(table)) {
            fields.add(row.substring(0, row.indexOf('|')));
        }
        return fields;
    }

    private static Set<String> fields(JsonNode node, Set<String> opaque) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths, opaque);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths, Set<String> opaque) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                if (!opaque.contains(path)) {
                    collect(field.getValue(), path, paths, opaque);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths, opaque);
            }
        }
    }

    private static JsonNode run(String uri, String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "-c";
        full[1] = uri;
        full[2] = "-o";
        full[3] = "json";
        System.arraycopy(args, 0, full, 4, args.length);
        Result r = Cli.run(full);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r.json();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void list() {
        assertThat(fields(run(TestDriver.demoHost(), "list", "--all"), Set.of())).isEqualTo(documented("list", 0));
    }

    @Test
    void info() {
        Set<String> web = fields(run(TestDriver.demoHost(), "info", "web"), Set.of());
        Set<String> router = fields(run(TestDriver.demoHost(), "info", "router"), Set.of());
        assertThat(union(web, router)).isEqualTo(documented("info", 0));
    }

    @Test
    void domid_and_domname() {
        assertThat(fields(run(TestDriver.demoHost(), "domid", "web"), Set.of()))
                .isEqualTo(documented("domid, domname", 0));
        assertThat(fields(run(TestDriver.demoHost(), "domname", "1"), Set.of()))
                .isEqualTo(documented("domid, domname", 0));
    }

    @Test
    void lifecycle_verbs() {
        Set<String> expected = documented("start, shutdown, destroy, reboot, pause, unpause, undefine, rename, "
                + "autostart", 0);
        for (String verb : List.of("pause", "destroy", "shutdown", "reboot", "autostart", "undefine")) {
            assertThat(fields(run(TestDriver.demoHost(), verb, "web"), Set.of())).as(verb).isEqualTo(expected);
        }
        assertThat(fields(run(TestDriver.demoHost(), "start", "build"), Set.of())).isEqualTo(expected);
        assertThat(fields(run(TestDriver.demoHost(), "unpause", "router"), Set.of())).isEqualTo(expected);
        assertThat(fields(run(TestDriver.demoHost(), "rename", "build", "b2"), Set.of())).isEqualTo(expected);
    }

    @Test
    void shutdown_all() {
        // The demo host's router is paused: --all alone refuses it, --force destroys it when the time is up.
        assertThat(fields(run(TestDriver.demoHost(), "shutdown", "--all", "--force", "--timeout", "0.1"), Set.of()))
                .isEqualTo(documented("shutdown --all", 0));
    }

    @Test
    void wait_for_a_state() {
        assertThat(fields(run(TestDriver.demoHost(), "wait", "web", "--state", "running"), Set.of()))
                .isEqualTo(documented("wait", 0));
    }

    @Test
    void events_lines_and_their_end() throws Exception {
        try (var keep = TestDriver.keep()) {
            java.util.concurrent.atomic.AtomicReference<Result> result = new java.util.concurrent.atomic.AtomicReference<>();
            Thread listener = new Thread(() -> result.set(Cli.run("-c", TestDriver.DEFAULT, "-o", "json", "events",
                    "--count", "1", "--timeout", "10")));
            listener.start();
            Thread.sleep(700);
            keep.pause(keep.lookup(org.xenctl.domain.DomainRef.of("test")).uuid());
            listener.join(15_000);
            List<String> lines = result.get().out().lines().toList();
            assertThat(fields(new ObjectMapper().readTree(lines.get(0)), Set.of())).isEqualTo(documented("events", 0));
            assertThat(fields(new ObjectMapper().readTree(lines.get(1)), Set.of())).isEqualTo(documented("events", 1));
        }
    }

    @Test
    void define_and_create() {
        String guest = TestDriver.repositoryFile("examples/guest.xml").toString();
        assertThat(fields(run(TestDriver.DEFAULT, "define", guest), Set.of()))
                .isEqualTo(documented("define, create", 0));
        assertThat(fields(run(TestDriver.DEFAULT, "create", guest), Set.of()))
                .isEqualTo(documented("define, create", 0));
    }

    @Test
    void save_and_restore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String file = dir.resolve("test.sav").toString();
        try (org.xenctl.libvirt.LibvirtHypervisor keep = TestDriver.keep()) {
            assertThat(fields(run(TestDriver.DEFAULT, "save", "test", file), Set.of()))
                    .isEqualTo(documented("save, restore, managedsave, managedsave-remove", 0));
            assertThat(fields(run(TestDriver.DEFAULT, "restore", file), Set.of()))
                    .isEqualTo(documented("start, shutdown, destroy, reboot, pause, unpause, undefine, rename, "
                            + "autostart", 0));
        }
    }

    @Test
    void dump_core(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(fields(run(TestDriver.DEFAULT, "dump-core", "test", dir.resolve("test.core").toString()),
                Set.of())).isEqualTo(documented("dump-core", 0));
    }

    @Test
    void dumpxml() {
        assertThat(fields(run(TestDriver.demoHost(), "dumpxml", "web"), Set.of()))
                .isEqualTo(documented("dumpxml", 0));
    }

    @Test
    void version() {
        assertThat(fields(run(TestDriver.DEFAULT, "version"), Set.of())).isEqualTo(documented("version", 0));
    }

    @Test
    void batch_lines_and_summary() throws Exception {
        java.nio.file.Path script = Files.createTempFile("contract", ".batch");
        Files.writeString(script, "pause web\ninfo nosuch\n");
        Result r = Cli.run("-c", TestDriver.demoHost(), "-o", "json", "batch", script.toString());
        List<JsonNode> lines = BatchTest.jsonLines(r.out());
        Set<String> opaque = Set.of("result", "error");
        assertThat(union(fields(lines.get(0), opaque), fields(lines.get(1), opaque)))
                .isEqualTo(documented("batch", 0));
        assertThat(fields(lines.get(2), Set.of())).isEqualTo(documented("batch", 1));
        Files.delete(script);
    }

    private static Set<String> withProblems(Set<String> fields, String prefix) {
        Set<String> all = new TreeSet<>(fields);
        documented("problems", 0).forEach(f -> all.add(prefix + "." + f));
        return all;
    }

    private static final String WARNED = TestDriver.repositoryFile("src/test/resources/xlcfg/unknown-key-typo.cfg")
            .toString();

    @Test
    void config_check_and_convert() {
        assertThat(fields(Cli.run("-o", "json", "config", "check", WARNED).json(), Set.of()))
                .isEqualTo(withProblems(documented("config check", 0), "warnings[]"));
        assertThat(fields(Cli.run("-o", "json", "config", "convert", WARNED).json(), Set.of()))
                .isEqualTo(withProblems(documented("config convert", 0), "warnings[]"));
    }

    @Test
    void config_show() {
        String cfg = TestDriver.repositoryFile("src/test/resources/xlcfg/compat-pci-permissive-yes.cfg").toString();
        Set<String> shown = union(
                fields(Cli.run("-o", "json", "config", "show", "--compat", cfg).json(), Set.of("settings[].value",
                        "effective[].value")),
                fields(Cli.run("-o", "json", "config", "show",
                        TestDriver.repositoryFile("examples/guest-pv.cfg").toString()).json(),
                        Set.of("settings[].value", "effective[].value", "disks[].colo", "vifs[].colo")));
        assertThat(shown).isEqualTo(withProblems(documented("config show", 0), "warnings[]"));
    }

    @Test
    void config_export() {
        assertThat(fields(run(TestDriver.demoHost(), "config", "export", "web"), Set.of()))
                .isEqualTo(documented("config export", 0));
    }

    @Test
    void pci_host_list_and_pci_check(@org.junit.jupiter.api.io.TempDir java.nio.file.Path host) {
        org.xenctl.testing.SysfsTree tree = new org.xenctl.testing.SysfsTree(host).pciback();
        tree.device("0000:04:00.0", 0x8086, 0x1521, 0x020000).driver("igb").group(2).resetMethods("flr")
                .virtualFunction(0, "0000:04:10.0");
        tree.device("0000:04:10.0", 0x8086, 0x1520, 0x020000).group(2).physicalFunction("0000:04:00.0");
        Map<String, String> environment = Map.of("XENCTL_HOST_ROOT", host.toString());

        Result list = Cli.runWith(environment, "-o", "json", "pci-host-list");
        assertThat(fields(list.json(), Set.of())).isEqualTo(documented("pci-host-list", 0));
        Result check = Cli.runWith(environment, "-o", "json", "pci-check", "04:10.0");
        assertThat(fields(check.json(), Set.of())).isEqualTo(documented("pci-check", 0));
    }

    @Test
    void pci_assignable_add_remove_list_and_restore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path host) {
        org.xenctl.testing.SysfsTree tree = new org.xenctl.testing.SysfsTree(host).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr")
                .file("driver_override", "(null)");
        Context context = Context.of(Map.of("XENCTL_HOST_ROOT", host.toString()))
                .withSysfs(new org.xenctl.testing.FakeKernel(host));

        Result add = Cli.runIn(context, "-o", "json", "pci-assignable-add", "--persistent", "01:00.0");
        assertThat(fields(add.json(), Set.of())).isEqualTo(documented("pci-assignable-add, pci-assignable-remove", 0));
        Set<String> listed = fields(Cli.runIn(context, "-o", "json", "pci-assignable-list").json(), Set.of());
        Set<String> expected = new TreeSet<>(documented("pci-assignable-list", 0));
        documented("pci-host-list", 0).stream().filter(field -> field.startsWith("devices[].")).forEach(expected::add);
        assertThat(listed).isEqualTo(expected);
        assertThat(fields(Cli.runIn(context, "-o", "json", "pci-restore").json(), Set.of()))
                .isEqualTo(documented("pci-restore", 0));
        try (var keep = TestDriver.keep()) {
            Result remove = Cli.runIn(context, "-c", TestDriver.DEFAULT, "-o", "json", "pci-assignable-remove", "-r",
                    "01:00.0");
            assertThat(fields(remove.json(), Set.of()))
                    .isEqualTo(documented("pci-assignable-add, pci-assignable-remove", 0));
        }
    }

    @Test
    void pci_attach_detach_and_list() {
        try (var keep = TestDriver.keep()) {
            keep.define("<domain type='test'><name>web1</name><memory>131072</memory><os><type>hvm</type></os>"
                    + "<devices><hostdev mode='subsystem' type='pci'><source><address domain='0' bus='1' slot='0' "
                    + "function='0'/></source></hostdev></devices></domain>");
            assertThat(fields(run(TestDriver.DEFAULT, "pci-attach", "web1", "01:00.0"), Set.of()))
                    .isEqualTo(documented("pci-attach, pci-detach", 0));
            assertThat(fields(run(TestDriver.DEFAULT, "pci-detach", "test", "01:00.0"), Set.of()))
                    .isEqualTo(documented("pci-attach, pci-detach", 0));
            assertThat(fields(run(TestDriver.DEFAULT, "pci-list", "web1"), Set.of()))
                    .isEqualTo(documented("pci-list", 0));
        }
    }

    @Test
    void errors_of_a_config_file_list_their_problems() {
        String bad = TestDriver.repositoryFile("src/test/resources/xlcfg/bad-several-errors.cfg").toString();
        Result r = Cli.run("-o", "json", "config", "check", bad);
        assertThat(fields(r.errorJson(), Set.of())).isEqualTo(withProblems(documented("Errors", 0),
                "error.problems[]"));
    }

    @Test
    void errors() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "-o", "json", "info", "nosuch");
        assertThat(fields(r.errorJson(), Set.of())).isEqualTo(documented("Errors", 0));
    }

    @Test
    void every_error_code_is_documented_with_its_exit_status() {
        Map<String, String> documentedStatus = new LinkedHashMap<>();
        for (String row : contract.get("Errors").get(1)) {
            String[] cells = row.split("\\|");
            documentedStatus.put(cells[0], cells[1]);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            actual.put(code.code(), Integer.toString(ExitStatus.of(code.kind())));
        }
        assertThat(actual).isEqualTo(documentedStatus);
    }
}
