package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;
import org.xenctl.xlcfg.DiskSpec;
import org.xenctl.xlcfg.NetSpec;

/**
 * `config show`: every assignment in file order with its typed value and position, and the disk, vif and pci
 * entries parsed into named fields, so that scripts read a config without parsing it.
 */
public record ConfigShowView(String file, List<SettingView> settings, List<EffectiveView> effective,
                             List<DiskSpec> disks, List<NetSpec> vifs, List<PciView> pci, List<ProblemView> warnings)
        implements View {

    /** A key's value once every assignment is applied (the last '=', then each '+=' after it): what xl uses. */
    public record EffectiveView(String key, String type, Object value) {
    }

    /**
     * One assignment. {@code value} is a string, a number (the integer xl reads) or a list of such; {@code literal}
     * is a number as written (e.g. "0x20"), null for other types.
     */
    public record SettingView(String key, String operator, String type, Object value, String literal, String source,
                              int line, int column) {
    }

    /** A PCI entry; {@code bdf} is "DDDD:BB:SS.F" ("*" for every function), null when the device is named. */
    public record PciView(String bdf, Integer vslot, String name, Boolean permissive, Boolean msitranslate,
                          Boolean seize, Boolean powerMgmt, String rdmPolicy) {
    }

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table().column("LINE", Table.Align.RIGHT).column("KEY", Table.Align.LEFT)
                .column("OP", Table.Align.LEFT).column("TYPE", Table.Align.LEFT).column("VALUE", Table.Align.LEFT);
        for (SettingView setting : settings) {
            table.row(setting.line(), setting.key(), setting.operator(), setting.type(), text(setting.value()));
        }
        out.table(table);
        for (EffectiveView value : effective) {
            long assignments = settings.stream().filter(setting -> setting.key().equals(value.key())).count();
            if (assignments > 1) {
                out.line("effective: " + value.key() + " = " + text(value.value()));
            }
        }
        int i = 0;
        for (DiskSpec disk : disks) {
            out.line("disk " + ++i + ": vdev=" + disk.vdev() + (disk.target() == null ? " (empty)"
                    : " target=" + disk.target()) + " format=" + disk.format() + " access=" + disk.access()
                    + " devtype=" + disk.devtype()
                    + (disk.backendtype() == null ? "" : " backendtype=" + disk.backendtype())
                    + (disk.backend() == null ? "" : " backend=" + disk.backend()));
        }
        i = 0;
        for (NetSpec vif : vifs) {
            out.line("vif " + ++i + ": bridge=" + (vif.bridge() == null ? "(xenbr0)" : vif.bridge())
                    + (vif.mac() == null ? "" : " mac=" + vif.mac()) + (vif.model() == null ? "" : " model="
                    + vif.model()) + (vif.mtu() == null ? "" : " mtu=" + vif.mtu())
                    + (vif.backend() == null ? "" : " backend=" + vif.backend()));
        }
        i = 0;
        for (PciView device : pci) {
            out.line("pci " + ++i + ": " + (device.bdf() == null ? "name=" + device.name() : device.bdf())
                    + (device.vslot() == null ? "" : String.format(" vslot=%02x", device.vslot()))
                    + (device.permissive() == null ? "" : " permissive=" + (device.permissive() ? 1 : 0))
                    + (device.seize() == null ? "" : " seize=" + (device.seize() ? 1 : 0)));
        }
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(ConfigShowView::text).toList()) + "]";
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
