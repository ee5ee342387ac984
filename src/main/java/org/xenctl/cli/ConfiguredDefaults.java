package org.xenctl.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.XenctlConf;
import org.xenctl.libvirt.UriResolver;
import org.xenctl.render.OutputFormat;

/**
 * The defaults a command line does not give: the environment, then xenctl.conf ({@code XENCTL_CONFIG} or
 * /etc/xenctl/xenctl.conf), then xenctl's own. The file is read once, when first needed (after the command line
 * parsed, so that --help and --version work beside a broken file), and a broken file fails every command that
 * needs it in the same words.
 */
public final class ConfiguredDefaults {
    private final Map<String, String> environment;
    private XenctlConf conf;
    private XenctlException broken;

    ConfiguredDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The file's settings; throws (exit 5) when it cannot be read or does not parse. */
    synchronized XenctlConf conf() {
        if (conf == null && broken == null) {
            String named = environment.get("XENCTL_CONFIG");
            boolean isNamed = named != null && !named.isEmpty();
            try {
                conf = XenctlConf.read(isNamed ? Path.of(named) : XenctlConf.DEFAULT_FILE, isNamed);
            } catch (XenctlException e) {
                broken = e;
            }
        }
        if (broken != null) {
            throw broken;
        }
        return conf;
    }

    /** What the file says that a user should fix: unknown keys, a named file that is missing. */
    List<String> warnings() {
        return conf().warnings();
    }

    /** -o when not given: output in the file, else text. */
    OutputFormat output() {
        return conf().output().map(format -> format.equals("json") ? OutputFormat.JSON : OutputFormat.TEXT)
                .orElse(OutputFormat.TEXT);
    }

    /** The same, text when the file is broken: how an error about the file itself is reported. */
    OutputFormat outputOrText() {
        try {
            return output();
        } catch (XenctlException e) {
            return OutputFormat.TEXT;
        }
    }

    /**
     * $XENCTL_CONNECT_TIMEOUT (whole seconds), else connect_timeout in the file, else 30 s. A value that is not
     * whole seconds is refused, as in the file: a limit silently replaced by 30 s is not the one asked for.
     */
    Duration connectTimeout() {
        String seconds = environment.get("XENCTL_CONNECT_TIMEOUT");
        if (seconds != null && !seconds.isEmpty()) {
            if (!seconds.matches("[0-9]{1,9}") || Long.parseLong(seconds) == 0
                    || Long.parseLong(seconds) > XenctlConf.MAX_SECONDS) {
                throw new XenctlException(ErrorCode.USAGE, "XENCTL_CONNECT_TIMEOUT must be a whole number of seconds"
                        + " from 1 to " + XenctlConf.MAX_SECONDS + ", not '" + seconds + "'",
                        "unset it for connect_timeout in xenctl.conf, or else "
                        + ConnectOptions.DEFAULT_CONNECT_TIMEOUT.toSeconds() + " s");
            }
            return Duration.ofSeconds(Long.parseLong(seconds));
        }
        // Not LibvirtHypervisor's: commands on files load no libvirt class.
        return conf().connectTimeout().orElse(ConnectOptions.DEFAULT_CONNECT_TIMEOUT);
    }

    /** The URI chain: -c, the environment, uri_default, xen:///system on a dom0. */
    UriResolver uriResolver() {
        XenctlConf settings = conf();
        return new UriResolver(environment, settings.uriDefault(), settings.file().toString(),
                UriResolver.XEN_CAPABILITIES);
    }
}
