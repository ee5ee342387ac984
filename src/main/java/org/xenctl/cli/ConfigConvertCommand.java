package org.xenctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.spec.XlDomainReader.Reading;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.render.view.ConfigXmlView;
import org.xenctl.render.view.ProblemView;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", description = "Convert an xl.cfg file to libvirt domain XML for the libxl driver. What "
        + "the XML cannot carry is a warning on stderr.")
final class ConfigConvertCommand extends HypervisorCommand {
    @Mixin
    CompatOption compatOption;

    @Option(names = "--domain-type", paramLabel = "TYPE", description = "the XML's domain type (default: xen)")
    String domainType = "xen";

    @Parameters(index = "0", paramLabel = "FILE", description = "xl.cfg file")
    Path file;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "xl.cfg settings that override the file's")
    List<String> overrides = new ArrayList<>();

    @Override
    boolean needsSession() {
        return false;
    }

    @Override
    View execute(Session session) {
        Reading reading = ConfigFiles.read(file, InputFiles.read(file), overrides, compatOption.compat);
        warn(reading.warnings());
        return new ConfigXmlView(file.toString(), reading.spec().name(),
                SpecXmlWriter.write(reading.spec(), domainType), ProblemView.of(reading.warnings()));
    }
}
