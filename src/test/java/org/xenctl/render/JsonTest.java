package org.xenctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;
import org.xenctl.render.view.ConfigShowView;
import org.xenctl.render.view.DomainIdentityView;
import org.xenctl.render.view.DomainInfoView;
import org.xenctl.render.view.DomainListView;
import org.xenctl.render.view.DomainRow;
import org.xenctl.render.view.ErrorView;
import org.xenctl.render.view.ListColumn;
import org.xenctl.render.view.PciAssignableListView;
import org.xenctl.render.view.PciDeviceView;
import org.xenctl.render.view.ProblemView;
import org.xenctl.xlcfg.DiskSpec;
import org.xenctl.xlcfg.NetSpec;

/**
 * The streaming writer against Jackson's databind, configured as xenctl's writer was before it (snake_case, record
 * order, nulls written): the same text, pretty and on one line, for views of every shape the commands print.
 */
class JsonTest {
    private static final ObjectMapper DATABIND = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void records_nested_records_lists_maps_numbers_and_nulls_are_written_as_databind_wrote_them() throws Exception {
        DomainInfoView info = new DomainInfoView(3, "web", "0b3f", "running", "booted", 1_048_576L, 2_097_152L, 2,
                12_345_678_901L, "linux", "pv", true, false, new DomainInfoView.Devices(
                List.of(new DomainInfoView.Disk("xvda", "xen", "disk", "/dev/vg/web", false)),
                List.of(new DomainInfoView.Nic("00:16:3e:00:00:01", "bridge", "xenbr0", null, "vif3.0")),
                List.of(new DomainInfoView.Pci("0000:01:00.0", true))),
                new DomainInfoView.Scheduler("credit2", 256, null),
                List.of(new DomainInfoView.VcpuSlot(0, 1, "running", "all")));
        ErrorView error = ErrorView.of("bad-config", "guest.cfg has 2 errors", null, 5, List.of(
                new ProblemView("error", "guest.cfg", 3, 9, "\"quoted\" \u00e9 \t tab", "a hint"),
                new ProblemView("warning", null, null, null, "line\nbreak", null)));
        ConfigShowView show = new ConfigShowView("guest.cfg", List.of(
                new ConfigShowView.SettingView("memory", "=", "number", 1024L, "0x400", "guest.cfg", 1, 1),
                new ConfigShowView.SettingView("disk", "=", "list", List.of("a", List.of(1L, 2L)), null, null, 2,
                        1)),
                List.of(new ConfigShowView.EffectiveView("memory", "number", 1024L)),
                List.of(new DiskSpec("/dev/vg/x", "raw", "xvda", "rw", "disk", null, null, null, true, null, true,
                        null, null, Map.of("colo-host", "h"), false)),
                List.of(new NetSpec("00:16:3e:00:00:01", "xenbr0", null, null, null, null, null, List.of("10.0.0.1"),
                        null, null, 0, 1500, new NetSpec.Rate(1_000_000, 50_000, "1MB/s@50ms"), null, null, Map.of(),
                        List.of())),
                List.of(new ConfigShowView.PciView("0000:01:00.0", 4, null, true, null, false, null, "strict")),
                List.of());

        for (Object view : List.of(info, error, show)) {
            assertThat(Json.pretty(view)).isEqualTo(DATABIND.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(view));
            assertThat(Json.line(view)).isEqualTo(DATABIND.writeValueAsString(view));
        }
    }

    @Test
    void a_shaped_view_is_written_as_its_shape() throws Exception {
        DomainRow row = new DomainRow(0, "Domain-0", "0000", "running", null, 4_096L, null, 1, 7L);
        DomainListView list = new DomainListView(List.of(row), List.of(ListColumn.NAME, ListColumn.MEM));
        DomainIdentityView identity = new DomainIdentityView(null, "web", "0b3f", true);
        PciDeviceView device = new PciDeviceView("0000:01:00.0", "8086:10d3", "020000", "Ethernet", "Intel", "82574L",
                null, "pciback", "assignable", null, "nic0", "e1000e", true, 7, List.of(), false, null, List.of(),
                List.of("flr"), List.of());
        PciAssignableListView assignable = new PciAssignableListView(null, List.of(device), List.of("0000:02:00.0: bad"), true, false);

        assertThat(Json.line(list)).isEqualTo("{\"domains\":[{\"name\":\"Domain-0\",\"memory_kib\":4096}]}");
        assertThat(Json.line(identity)).isEqualTo("{\"id\":null,\"name\":\"web\",\"uuid\":\"0b3f\"}");
        assertThat(Json.pretty(assignable)).isEqualTo(DATABIND.writerWithDefaultPrettyPrinter()
                .writeValueAsString(assignable.json()));
    }

    @Test
    void names_are_snake_case_as_jacksons_rule_makes_them() {
        for (String name : List.of("exitStatus", "cpuTimeNs", "a", "pciId", "ioURL", "uriSource", "x1Y2")) {
            assertThat(Json.snakeCase(name)).as(name)
                    .isEqualTo(PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, name));
        }
    }

    @Test
    void a_value_without_a_json_form_is_refused_rather_than_guessed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.line(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
