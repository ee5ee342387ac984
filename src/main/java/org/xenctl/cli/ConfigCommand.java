package org.xenctl.cli;

import java.util.List;

/** `config`: xl.cfg files checked, shown, converted to libvirt XML, and exported from a domain. */
final class ConfigCommand extends VerbCommand implements CommandLines.Group {
    /** config's own verb table. */
    static final List<Verb> SUBCOMMANDS = List.of(
            Verb.of("check", ConfigCheckCommand.class, "Check an xl.cfg file as create would read it: every "
                    + "error and warning with its line and column. Exit status 5 if there is an error.").offline()
                    .looksOnly(),
            Verb.of("show", ConfigShowCommand.class, "Show an xl.cfg file as parsed: every setting with its "
                    + "typed value, line and column, and the disk, vif and pci entries split into named "
                    + "fields (best read with -o json).").offline().looksOnly(),
            Verb.of("convert", ConfigConvertCommand.class, "Convert an xl.cfg file to libvirt domain XML "
                    + "for the libxl driver. What the XML cannot carry is a warning on stderr.").offline()
                    .looksOnly(),
            Verb.of("export", ConfigExportCommand.class, "Write a domain's definition as an xl.cfg file "
                    + "(what xl.cfg cannot say is listed in a comment at its top).").readOnly());

    @Override
    void declare(Declaration declaration) {
        for (Verb subcommand : SUBCOMMANDS) {
            declaration.subcommand(subcommand.create());
        }
    }

    @Override
    public String whatIsMissing() {
        return "a subcommand is required: check, show, convert or export";
    }
}
