package org.xenctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * xenctl(1), in roff, written from the command table: every verb with its synopsis, description, options and
 * arguments, so the page cannot drift from the program. The package build runs it
 * ({@code java -cp xenctl.jar org.xenctl.cli.ManPage VERSION DATE > xenctl.1}).
 */
public final class ManPage {
    private final PrintWriter out;

    ManPage(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String version = args.length > 0 ? args[0] : XenctlVersion.current();
        String date = args.length > 1 ? args[1] : LocalDate.now().toString();
        new ManPage(out).write(new CommandTable(), version, date);
        out.flush();
    }

    void write(CommandTable table, String version, String date) {
        out.println(".TH XENCTL 1 \"" + date + "\" \"xenctl " + escape(version) + "\" \"User Commands\"");
        out.println(".SH NAME");
        out.println("xenctl \\- drive the domains of a Xen host through libvirt, with xl's verbs");
        out.println(".SH SYNOPSIS");
        out.println(".B xenctl");
        out.println("[\\fIGLOBAL OPTIONS\\fR] \\fIVERB\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]");
        out.println(".SH DESCRIPTION");
        paragraph("xenctl is a toolstack for Xen: it creates, starts and stops domains, changes their devices and "
                + "resources, and hands host PCI devices to them, with xl's verbs and xl.cfg files, through libvirt "
                + "(a local dom0 or a remote one, -c xen+ssh://root@HOST/system) and, for PCI passthrough, the "
                + "dom0's sysfs. Every verb answers in text or, with -o json, in JSON, and ends with a documented "
                + "exit status.");
        out.println(".SH GLOBAL OPTIONS");
        paragraph("They may stand before the verb or after it (after create, -c is xl's --console and after "
                + "sched-credit its --cap: give -c URI before those verbs).");
        for (OptionSpec option : table.globalOptions()) {
            option(option);
        }
        out.println(".SH VERBS");
        for (CommandSpec verb : table.verbs()) {
            verb(verb);
        }
        out.println(".SH EXIT STATUS");
        String[][] statuses = {{"0", "ok (also when nothing needed doing: the verbs are idempotent)"},
                {"1", "failure"}, {"2", "usage: a bad command line"}, {"3", "not found (a domain, a device)"},
                {"4", "wrong state, out of range, a refusal before failure, or a timeout"},
                {"5", "bad configuration: an xl.cfg file or XML with errors, a file that cannot be read"},
                {"6", "host, connection or permission problem"},
                {"7", "partial: over several hosts (-c given again, -H), some did not answer"},
                {"70", "internal error (a bug: report it)"},
                {"130", "interrupted (Ctrl-C)"}};
        for (String[] status : statuses) {
            out.println(".TP");
            out.println(".B " + status[0]);
            out.println(escape(status[1]));
        }
        out.println(".SH AUDIT");
        paragraph("Every command that may change a host (domain lifecycle, definitions, devices, PCI binds; not under "
                + "-n, not the verbs that only look) leaves one record in the system's log once it has run or failed: "
                + "facility authpriv, tag xenctl, notice when it succeeded and warning when not, with the command as "
                + "typed (passwords masked), the URI, the uid, SUDO_USER and the login uid, the exit status and the "
                + "error code. Read it back with journalctl -t xenctl, or in /var/log/auth.log under rsyslog. A system "
                + "without a log daemon records nothing; a daemon that does not take the record costs a warning, "
                + "never the command.");
        out.println(".SH ENVIRONMENT");
        term("XENCTL_DEFAULT_URI", "the libvirt URI when -c is not given (before LIBVIRT_DEFAULT_URI)");
        term("LIBVIRT_DEFAULT_URI", "libvirt's own default URI");
        term("XENCTL_CONFIG", "another configuration file than /etc/xenctl/xenctl.conf");
        term("XENCTL_CONNECT_TIMEOUT", "seconds a connection may take to open (before connect_timeout in the file)");
        term("XENCTL_SYSLOG_SOCKET", "where audit records go instead of /dev/log (a chroot's log socket)");
        term("XENCTL_HOST_ROOT", "for tests: a directory read and written instead of / for sysfs, /proc and the PCI "
                + "records (a sysfs-shaped tree); never set on a dom0");
        out.println(".SH FILES");
        term("/etc/xenctl/xenctl.conf", "configuration, see xenctl.conf(5)");
        term("/var/lib/xenctl/pci", "the records of the PCI devices made assignable, which pci-restore reads at "
                + "boot");
        out.println(".SH SEE ALSO");
        out.println(".BR xenctl.conf (5),");
        out.println(".BR xl (1),");
        out.println(".BR xl.cfg (5),");
        out.println(".BR virsh (1)");
    }

    private void verb(CommandSpec verb) {
        String names = verb.name() + (verb.aliases().length == 0 ? "" : ", " + String.join(", ", verb.aliases()));
        out.println(".SS " + escape(names));
        out.println(".nf");
        out.println(".B " + escape(CommandTable.synopsis(verb)));
        out.println(".fi");
        for (String line : verb.usageMessage().description()) {
            paragraph(line);
        }
        for (PositionalParamSpec parameter : CommandTable.parameters(verb)) {
            out.println(".TP");
            out.println("\\fI" + escape(parameter.paramLabel()) + "\\fR");
            out.println(escape(String.join(" ", parameter.description())));
        }
        for (OptionSpec option : CommandTable.ownOptions(verb)) {
            option(option);
        }
        for (CommandSpec sub : verb.subcommands().values().stream().map(c -> c.getCommandSpec()).distinct()
                .toList()) {
            out.println(".TP");
            out.println("\\fB" + escape(CommandTable.synopsis(sub)) + "\\fR");
            out.println(escape(String.join(" ", sub.usageMessage().description())));
        }
    }

    private void option(OptionSpec option) {
        out.println(".TP");
        StringBuilder head = new StringBuilder();
        for (String name : option.names()) {
            head.append(head.length() == 0 ? "" : ", ").append("\\fB").append(escape(name)).append("\\fR");
        }
        if (option.arity().max() > 0) {
            head.append("=\\fI").append(escape(option.paramLabel())).append("\\fR");
        }
        out.println(head);
        out.println(escape(String.join(" ", option.description())));
    }

    private void term(String name, String meaning) {
        out.println(".TP");
        out.println(".B " + escape(name));
        out.println(escape(meaning));
    }

    private void paragraph(String text) {
        out.println(".PP");
        out.println(escape(text));
    }

    /** roff's special characters: a backslash, a hyphen (else a hyphenation point), a line's leading dot or quote. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        List<String> lines = escaped.lines().map(line -> line.startsWith(".") || line.startsWith("'")
                ? "\\&" + line : line).toList();
        return String.join("\n", lines);
    }
}
