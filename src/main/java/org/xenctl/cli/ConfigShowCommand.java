package org.xenctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.xenctl.render.view.ConfigShowView;
import org.xenctl.render.view.ConfigShowView.PciView;
import org.xenctl.render.view.ConfigShowView.SettingView;
import org.xenctl.xlcfg.DiskSpec;
import org.xenctl.xlcfg.DiskSpecParser;
import org.xenctl.xlcfg.NetSpec;
import org.xenctl.xlcfg.NetSpecParser;
import org.xenctl.xlcfg.PciSpec;
import org.xenctl.xlcfg.PciSpecParser;
import org.xenctl.xlcfg.SpecEntries;
import org.xenctl.xlcfg.SpecReport;
import org.xenctl.xlcfg.XlConfig;
import org.xenctl.xlcfg.XlProblem;
import org.xenctl.xlcfg.XlSetting;
import org.xenctl.xlcfg.XlValue;
import org.xenctl.render.View;

final class ConfigShowCommand extends HypervisorCommand {
    final CompatOption compatOption = new CompatOption();
    Path file;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(compatOption)
                .parameter("0", "FILE", Path.class, "xl.cfg file", v -> file = v);
    }

    @Override
    View execute(Session session) {
        XlConfig config = ConfigFiles.parse(file, InputFiles.read(file), List.of());
        List<XlProblem> problems = new ArrayList<>(config.warnings());
        List<DiskSpec> disks = entries(config, "disk", problems, DiskSpecParser::parse);
        List<NetSpec> vifs = entries(config, "vif", problems, NetSpecParser::parse);
        List<PciView> pci = entries(config, "pci", problems, PciSpecParser::parse).stream()
                .map(ConfigShowCommand::pciView).toList();
        if (problems.stream().anyMatch(XlProblem::isError)) {
            throw new InvalidConfigException(problems);
        }
        warn(problems);
        List<SettingView> settings = config.settings().stream().map(ConfigShowCommand::settingView).toList();
        List<ConfigShowView.EffectiveView> effective = config.effective().values().stream()
                .map(entry -> new ConfigShowView.EffectiveView(entry.key(), entry.value().typeName(),
                        typed(entry.value()))).toList();
        return new ConfigShowView(file.toString(), settings, effective, disks, vifs, pci,
                Problems.views(problems));
    }

    private <T> List<T> entries(XlConfig config, String key, List<XlProblem> problems,
                                BiFunction<String, SpecReport, T> parser) {
        return config.entry(key).map(entry -> SpecEntries.parse(entry, compatOption.compat, problems, parser))
                .orElse(List.of());
    }

    private static SettingView settingView(XlSetting setting) {
        XlValue value = setting.value();
        return new SettingView(setting.key(), setting.append() ? "+=" : "=", value.typeName(), typed(value),
                value instanceof XlValue.Number n ? n.literal() : null, setting.source(),
                setting.position().line(), setting.position().column());
    }

    private static Object typed(XlValue value) {
        if (value instanceof XlValue.Items items) {
            return items.items().stream().map(ConfigShowCommand::typed).toList();
        }
        if (value instanceof XlValue.Number number) {
            Long parsed = org.xenctl.xlcfg.Numbers.strtol(number.literal());
            return parsed == null ? number.literal() : parsed;
        }
        return value.atom();
    }

    private static PciView pciView(PciSpec spec) {
        return new PciView(spec.bdf() == null ? null : spec.bdf().toString(), spec.vslot(), spec.name(),
                spec.permissive(), spec.msitranslate(), spec.seize(), spec.powerMgmt(), spec.rdmPolicy());
    }
}
