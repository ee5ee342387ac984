package org.xenctl.cli;

import java.nio.file.Path;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.XlDomainReader;
import org.xenctl.domain.spec.XlDomainReader.Reading;
import org.xenctl.xlcfg.XlConfig;
import org.xenctl.xlcfg.XlConfigException;
import org.xenctl.xlcfg.XlParser;

/** Reads the domain files users name: libvirt XML, or an xl.cfg file parsed and read with xl's semantics. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** Whether a file is libvirt XML rather than xl.cfg (xl.cfg cannot start with '<'). */
    static boolean isXml(String text) {
        return text.stripLeading().startsWith("<");
    }

    /**
     * The file as xl.cfg; libvirt XML is refused in one line (read as xl.cfg, every '<' was an error of its own: a
     * screenful for `config check guest.xml`).
     */
    static XlConfig parse(Path file, String text, List<String> overrides) {
        if (isXml(text)) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, file + " is libvirt domain XML, not an xl.cfg file",
                    "create and define take the XML as it is; 'xenctl config export DOMAIN' writes a domain as xl.cfg");
        }
        try {
            return XlParser.parse(text, file.toString(), overrides);
        } catch (XlConfigException e) {
            throw new InvalidConfigException(e.problems());
        }
    }

    static Reading read(Path file, String text, List<String> overrides, boolean compat) {
        XlConfig config = parse(file, text, overrides);
        try {
            return XlDomainReader.read(config, compat);
        } catch (XlConfigException e) {
            throw new InvalidConfigException(e.problems());
        }
    }
}
