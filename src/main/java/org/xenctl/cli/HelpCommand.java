package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.HelpView;
import picocli.CommandLine;

/** help [VERB] (xl's and virsh's): the verbs, or one verb's usage, as --help prints it. */
final class HelpCommand extends HypervisorCommand {
    String verb;

    @Override
    void declare(Declaration declaration) {
        declaration.optionalParameter("0", "VERB", String.class, "the verb to explain (default: list them all)",
                v -> verb = v);
    }

    @Override
    View execute(Session session) {
        CommandLine root = new CommandLine(new XenctlCommand().spec());
        if (verb == null) {
            Verbs.register(root, new String[] {"--help"});
            return new HelpView(null, root.getUsageMessage());
        }
        Verb row = Verbs.BY_NAME.get(verb);
        ForeignVerbs.Answer foreign = row == null ? ForeignVerbs.of(verb) : null;
        if (foreign != null) {
            throw new XenctlException(ErrorCode.USAGE, foreign.message(), foreign.hint());
        }
        if (row == null) {
            List<String> similar = Suggestions.verbsLike(verb);
            throw new XenctlException(ErrorCode.USAGE, "'" + verb + "' is not a xenctl verb", similar.isEmpty()
                    ? "'xenctl help' lists them" : "did you mean " + Suggestions.either(similar) + "?");
        }
        Verbs.register(root, new String[] {row.name()});
        return new HelpView(row.name(), root.getSubcommands().get(row.name()).getUsageMessage());
    }
}
