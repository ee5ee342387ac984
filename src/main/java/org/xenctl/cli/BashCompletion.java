package org.xenctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Bash completion for xenctl, written from the command table: verbs, each verb's options, the values of the options
 * that have a fixed set, files where a verb takes one, and domain names where it takes a DOMAIN, asked of xenctl
 * itself (with the -c URI already typed). zsh loads it through bashcompinit. The package build runs it
 * ({@code java -cp xenctl.jar org.xenctl.cli.BashCompletion > xenctl}).
 */
public final class BashCompletion {
    /** Values of the options that take one of a fixed set, by their value's label. */
    private static final Map<String, String> VALUES = Map.of(
            "FORMAT", "text json",
            "STATE", "running paused shutoff gone",
            "TYPE", "pv serial",
            "COLS", String.join(" ", ListColumns.KNOWN.split(",")));

    private BashCompletion() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        write(new CommandTable(), out);
        out.flush();
    }

    static void write(CommandTable table, PrintWriter out) {
        List<String> verbs = new ArrayList<>();
        for (CommandSpec verb : table.verbs()) {
            verbs.add(verb.name());
            verbs.addAll(List.of(verb.aliases()));
        }
        out.println("# bash completion for xenctl, generated from its command table (xenctl " + XenctlVersion.current()
                + "); zsh: autoload -U bashcompinit && bashcompinit, then source this file.");
        out.println("_xenctl_domains() {");
        out.println("    command xenctl ${_xenctl_uri:+-c \"$_xenctl_uri\"} --no-headers list --all --columns name "
                + "2>/dev/null");
        out.println("}");
        out.println("_xenctl() {");
        out.println("    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} verb= i opts= takes=");
        out.println("    _xenctl_uri=");
        out.println("    for ((i = 1; i < COMP_CWORD; i++)); do");
        out.println("        case ${COMP_WORDS[i]} in");
        out.println("            -c|--connect) [ -z \"$verb\" ] && { _xenctl_uri=${COMP_WORDS[i+1]}; ((i++)); } ;;");
        out.println("            -o|--output|-H|--hosts) ((i++)) ;;");
        out.println("            -*) ;;");
        out.println("            *) [ -z \"$verb\" ] && verb=${COMP_WORDS[i]} ;;");
        out.println("        esac");
        out.println("    done");
        out.println("    if [ -z \"$verb\" ]; then");
        out.println("        case $prev in");
        out.println("            -o|--output) COMPREPLY=($(compgen -W \"" + VALUES.get("FORMAT") + "\" -- \"$cur\"));"
                + " return ;;");
        out.println("            -c|--connect) COMPREPLY=($(compgen -W \"xen:///system test:///default\" -- "
                + "\"$cur\")); return ;;");
        // The host groups of xenctl.conf (hosts.NAME = [...]), and all.
        out.println("            -H|--hosts) COMPREPLY=($(compgen -W \"all $(sed -n 's/^[[:space:]]*hosts\\.\\([A-Za-z0-9_-]*\\)"
                + "[[:space:]]*=.*/\\1/p' \"${XENCTL_CONFIG:-/etc/xenctl/xenctl.conf}\" 2>/dev/null)\" -- \"$cur\"));"
                + " return ;;");
        out.println("        esac");
        out.println("        COMPREPLY=($(compgen -W \"" + String.join(" ", verbs) + " "
                + String.join(" ", names(table.globalOptions())) + "\" -- \"$cur\"))");
        out.println("        return");
        out.println("    fi");
        out.println("    case $verb in");
        for (CommandSpec verb : table.verbs()) {
            String pattern = verb.name() + (verb.aliases().length == 0 ? "" : "|" + String.join("|", verb.aliases()));
            Set<String> options = new LinkedHashSet<>(names(CommandTable.ownOptions(verb)));
            options.addAll(List.of("--help", "--output", "--quiet", "--no-headers"));
            verb.subcommands().keySet().forEach(options::add);
            out.println("        " + pattern + ") opts=\"" + String.join(" ", options) + "\"; takes="
                    + takes(verb) + " ;;");
        }
        out.println("    esac");
        out.println("    case $prev in");
        for (Map.Entry<String, String> values : VALUES.entrySet()) {
            List<String> options = optionsLabelled(table, values.getKey());
            if (!options.isEmpty()) {
                out.println("        " + String.join("|", options) + ") COMPREPLY=($(compgen -W \""
                        + values.getValue() + "\" -- \"$cur\")); return ;;");
            }
        }
        out.println("    esac");
        out.println("    if [[ $cur == -* ]]; then");
        out.println("        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))");
        out.println("    elif [ \"$takes\" = domain ]; then");
        out.println("        COMPREPLY=($(compgen -W \"$(_xenctl_domains)\" -- \"$cur\"))");
        out.println("    elif [ \"$takes\" = file ]; then");
        out.println("        COMPREPLY=($(compgen -f -- \"$cur\"))");
        out.println("    fi");
        out.println("}");
        out.println("complete -F _xenctl xenctl");
    }

    /** What the verb's first argument is: a domain, a file, or something else (nothing offered). */
    private static String takes(CommandSpec verb) {
        List<PositionalParamSpec> parameters = CommandTable.parameters(verb);
        if (parameters.isEmpty()) {
            return "none";
        }
        String label = parameters.get(0).paramLabel();
        return label.equals("DOMAIN") ? "domain" : label.equals("FILE") ? "file" : "none";
    }

    private static List<String> optionsLabelled(CommandTable table, String label) {
        Set<String> names = new LinkedHashSet<>();
        for (CommandSpec verb : table.verbs()) {
            for (OptionSpec option : CommandTable.ownOptions(verb)) {
                if (option.arity().max() > 0 && label.equals(option.paramLabel())) {
                    names.addAll(List.of(option.names()));
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static List<String> names(List<OptionSpec> options) {
        List<String> names = new ArrayList<>();
        options.forEach(option -> names.addAll(List.of(option.names())));
        return names;
    }
}
