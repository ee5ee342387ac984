package org.xenctl.cli;

import org.xenctl.render.OutputFormat;
import org.xenctl.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: global options, inherited by every subcommand so they may stand before or after the verb. Its
 * subcommands are registered by {@link Verbs}, only the one a command line runs.
 */
@Command(name = "xenctl", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = XenctlVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Drive the domains of a Xen host through libvirt, with xl's verbs.",
        footer = {"", "Exit status: 0 ok, 1 failure, 2 usage, 3 not found, 4 wrong state or timeout,",
                "5 bad configuration, 6 host or permission problem, 70 internal error, 130 interrupted."})
public final class XenctlCommand implements Runnable {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--connect"}, paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "libvirt URI of the host (default: $XENCTL_DEFAULT_URI, $LIBVIRT_DEFAULT_URI, "
                    + "uri_default in /etc/xenctl/xenctl.conf, xen:///system on a dom0)")
    String connect;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            converter = OutputFormatConverter.class, description = "text or json (default: text)")
    OutputFormat output = OutputFormat.TEXT;

    @Option(names = "--no-headers", scope = ScopeType.INHERIT, description = "leave out table headers")
    boolean noHeaders;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "print results only, no confirmations")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "show stack traces of internal errors")
    boolean verbose;

    public XenctlCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (xenctl --help lists them)");
    }

    Context context() {
        return context;
    }

    Renderer renderer() {
        return new Renderer(output, !noHeaders, quiet);
    }

    OutputFormat output() {
        return output;
    }

    boolean verbose() {
        return verbose;
    }

    String connect() {
        return connect;
    }

    /** Copies the global options into a fresh root, for the lines of a batch. */
    void copyOptionsTo(XenctlCommand other) {
        other.connect = connect;
        other.output = output;
        other.noHeaders = noHeaders;
        other.quiet = quiet;
        other.verbose = verbose;
    }
}
