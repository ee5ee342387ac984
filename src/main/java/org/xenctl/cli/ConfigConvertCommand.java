package org.xenctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.spec.XlDomainReader.Reading;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.render.view.ConfigXmlView;
import org.xenctl.render.View;

final class ConfigConvertCommand extends HypervisorCommand {
    final CompatOption compatOption = new CompatOption();
    String domainType = "xen";
    Path file;
    List<String> overrides = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(compatOption)
                .option("--domain-type", "TYPE", String.class, "the XML's domain type (default: xen)",
                        v -> domainType = v)
                .parameter("0", "FILE", Path.class, "xl.cfg file", v -> file = v)
                .parameters("1..*", "0..*", "KEY=VALUE", "xl.cfg settings that override the file's",
                        () -> overrides, v -> overrides = v);
    }

    @Override
    View execute(Session session) {
        Reading reading = ConfigFiles.read(file, InputFiles.read(file), overrides, compatOption.compat);
        warn(reading.warnings());
        return new ConfigXmlView(file.toString(), reading.spec().name(),
                SpecXmlWriter.write(reading.spec(), domainType), Problems.views(reading.warnings()));
    }
}
