package org.xenctl.cli;

import org.xenctl.render.OutputFormat;
import org.xenctl.render.Renderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The root command: global options, inherited by every subcommand so they may stand before or after the verb. Its
 * subcommands are registered by {@link Verbs}, only the one a command line runs.
 */
public final class XenctlCommand implements Runnable, Declared {
    private final Context context;
    private Declaration declaration;
    private CommandSpec spec;
    String connect;
    OutputFormat output = OutputFormat.TEXT;
    boolean noHeaders;
    boolean quiet;
    boolean verbose;

    public XenctlCommand(Context context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        if (spec == null) {
            CommandSpec root = declaration().spec();
            root.scopeType(ScopeType.INHERIT).versionProvider(new XenctlVersion());
            root.usageMessage().sortOptions(false).autoWidth(true).footer("",
                    "Exit status: 0 ok, 1 failure, 2 usage, 3 not found, 4 wrong state or timeout,",
                    "5 bad configuration, 6 host or permission problem, 70 internal error, 130 interrupted.");
            spec = root;
        }
        return spec;
    }

    /** The global options, bound to this object's fields; what picocli's model and the quick parser start from. */
    Declaration declaration() {
        if (declaration == null) {
            declaration = Declaration.command(this, "xenctl",
                            "Drive the domains of a Xen host through libvirt, with xl's verbs.")
                    .inheritedOptions()
                    .option("-c|--connect", "URI", String.class, "libvirt URI of the host (default: "
                            + "$XENCTL_DEFAULT_URI, $LIBVIRT_DEFAULT_URI, uri_default in /etc/xenctl/xenctl.conf, "
                            + "xen:///system on a dom0)", v -> connect = v)
                    .option("-o|--output", "FORMAT", OutputFormat.class, new OutputFormatConverter(),
                            "text or json (default: text)", v -> output = v)
                    .flag("--no-headers", "leave out table headers", v -> noHeaders = v)
                    .flag("-q|--quiet", "print results only, no confirmations", v -> quiet = v)
                    .flag("-v|--verbose", "show stack traces of internal errors", v -> verbose = v)
                    .helpOptions();
        }
        return declaration;
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
