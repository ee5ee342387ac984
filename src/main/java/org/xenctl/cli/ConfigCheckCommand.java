package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.domain.spec.XlDomainReader.Reading;
import org.xenctl.render.view.ConfigCheckView;
import org.xenctl.render.View;

final class ConfigCheckCommand extends HypervisorCommand {
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
        Reading reading = ConfigFiles.read(file, InputFiles.read(file), java.util.List.of(), compatOption.compat);
        warn(reading.warnings());
        return new ConfigCheckView(file.toString(), reading.spec().name(), true,
                Problems.views(reading.warnings()));
    }
}
