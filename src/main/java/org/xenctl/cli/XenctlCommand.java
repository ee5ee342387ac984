package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.xenctl.render.OutputFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * The root command: the global options, inherited by every verb so they may stand before or after it. Its verbs
 * are registered by {@link Verbs}, only the one a command line runs. The one place that names the global options.
 */
public final class XenctlCommand implements Declared, CommandLines.Group {
    static final String CONNECT = "-c|--connect";
    static final String HOSTS = "-H|--hosts";
    static final String OUTPUT = "-o|--output";
    /** The global options that take a value: the word after one is not the verb. */
    static final List<String> VALUED = List.of("-c", "--connect", "-H", "--hosts", "-o", "--output");

    private CommandSpec spec;
    private List<String> connects = new ArrayList<>();
    private List<String> groups = new ArrayList<>();
    /** -o, or null: xenctl.conf's output, else text. */
    private OutputFormat output;
    private boolean noHeaders;
    private boolean quiet;
    private boolean verbose;

    /** The root of a command line, every option at its default. */
    XenctlCommand() {
    }

    /** The root of a batch line: the batch's options, which the line may override. */
    XenctlCommand(Invocation defaults) {
        connects = new ArrayList<>(defaults.hosts().uris());
        groups = new ArrayList<>(defaults.hosts().groups());
        output = defaults.output();
        noHeaders = !defaults.headers();
        quiet = defaults.quiet();
        verbose = defaults.verbose();
    }

    @Override
    public CommandSpec spec() {
        if (spec == null) {
            CommandSpec root = Declaration.command(this, "xenctl",
                            "Drive the domains of a Xen host through libvirt, with xl's verbs.")
                    .inheritedOptions()
                    .repeatable(CONNECT, "URI", new HostArgument("a libvirt URI, e.g. xen+ssh://root@HOST/system, "
                            + "or leave -c out for the default host"), "libvirt URI of the host (default: "
                            + "$XENCTL_DEFAULT_URI, $LIBVIRT_DEFAULT_URI, uri_default in /etc/xenctl/xenctl.conf, "
                            + "xen:///system on a dom0); given again, more hosts (list, host-info, events, stats)",
                            () -> connects, v -> connects = v)
                    .repeatable(HOSTS, "GROUP", new HostArgument("the name of a host group of xenctl.conf, or all"),
                            "the hosts of a group, hosts.GROUP in xenctl.conf (all: every "
                            + "group)", () -> groups, v -> groups = v)
                    .option(OUTPUT, "FORMAT", OutputFormat.class, new OutputFormatConverter(),
                            "text or json (default: text, or output in xenctl.conf)", v -> output = v)
                    .flag("--no-headers", "leave out table headers", v -> noHeaders = v)
                    .flag("-q|--quiet", "print results only, no confirmations", v -> quiet = v)
                    .flag("-v|--verbose", "show stack traces of internal errors", v -> verbose = v)
                    .helpOptions()
                    .spec();
            root.scopeType(ScopeType.INHERIT).versionProvider(new XenctlVersion());
            root.usageMessage().sortOptions(false).autoWidth(true).footer("",
                    "Exit status: 0 ok, 1 failure, 2 usage, 3 not found, 4 wrong state or timeout,",
                    "5 bad configuration, 6 host or permission problem, 7 some hosts did not answer,",
                    "70 internal error, 130 interrupted, 141 output pipe closed by its reader.");
            spec = root;
        }
        return spec;
    }

    @Override
    public String whatIsMissing() {
        return "a command is required (xenctl --help lists them)";
    }

    /** A run with the options parsed so far. */
    Invocation invocation(Context context, PrintWriter out, PrintWriter err) {
        return new Invocation(new HostSelection(connects, groups),
                output != null ? output : context.defaults().output(), !noHeaders, quiet, verbose, context, out, err);
    }

    /** This root with {@code format} as its output when -o was not given: how a failure to read the file is told. */
    XenctlCommand withOutputIfUnset(OutputFormat format) {
        if (output == null) {
            output = format;
        }
        return this;
    }

    /**
     * The output form the command line asks for (-o json, -ojson, --output=text…), read from the raw words: for a
     * line that does not parse, whose error must still come in the form asked. The last one given wins, as picocli
     * has it; null when none is given (the configured default then applies).
     */
    static OutputFormat askedOutput(String[] args) {
        OutputFormat asked = null;
        List<String> names = List.of(OUTPUT.split("\\|"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (names.contains(arg) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (arg.startsWith("--output=")) {
                value = arg.substring("--output=".length());
            } else if (arg.startsWith("-o") && arg.length() > 2 && !arg.startsWith("-o=")) {
                value = arg.substring(2);
            } else if (arg.startsWith("-o=")) {
                value = arg.substring(3);
            }
            if (value != null && (value.equalsIgnoreCase("json") || value.equalsIgnoreCase("text"))) {
                asked = value.equalsIgnoreCase("json") ? OutputFormat.JSON : OutputFormat.TEXT;
            }
        }
        return asked;
    }
}
