package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.domain.spec.XlDomainReader.Reading;
import org.xenctl.render.view.ConfigCheckView;
import org.xenctl.render.view.ProblemView;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Check an xl.cfg file as create would read it: every error and warning with "
        + "its line and column. Exit status 5 if there is an error.")
final class ConfigCheckCommand extends HypervisorCommand {
    @Mixin
    CompatOption compatOption;

    @Parameters(paramLabel = "FILE", description = "xl.cfg file")
    Path file;

    @Override
    boolean needsSession() {
        return false;
    }

    @Override
    View execute(Session session) {
        Reading reading = ConfigFiles.read(file, InputFiles.read(file), java.util.List.of(), compatOption.compat);
        warn(reading.warnings());
        return new ConfigCheckView(file.toString(), reading.spec().name(), true,
                ProblemView.of(reading.warnings()));
    }
}
