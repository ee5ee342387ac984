package org.xenctl.xlcfg;

import java.util.List;

/**
 * Where a spec string (one DISK, NET or PCI entry) came from, and where its problems go. Positions inside the
 * string are counted from its opening quote; a string with escapes may put them a little to the right.
 *
 * @param what how to name the entry in messages, e.g. "disk 2" or "pci 1"
 * @param compat whether to accept what xl accepts (with a warning) instead of refusing it
 */
public record SpecReport(String source, Position position, String what, boolean compat, List<XlProblem> problems) {

    /** A report for spec strings that do not come from a file (e.g. a command-line argument). */
    public static SpecReport of(String what, boolean compat, List<XlProblem> problems) {
        return new SpecReport(null, null, what, compat, problems);
    }

    /** An error; a character pasted with the text that the message quotes is named (PastedCharacters). */
    public void error(int offset, String message, String hint) {
        problems.add(XlProblem.error(source, at(offset), what + ": " + PastedCharacters.naming(message),
                PastedCharacters.mending(message, hint)));
    }

    public void warning(int offset, String message, String hint) {
        problems.add(XlProblem.warning(source, at(offset), what + ": " + PastedCharacters.naming(message),
                PastedCharacters.mending(message, hint)));
    }

    /** A point where xl is sloppy: an error by default, a warning in compat mode. */
    public void sloppy(int offset, String message, String hint) {
        if (compat) {
            warning(offset, message + " (accepted as xl does, --compat)", hint);
        } else {
            error(offset, message, hint + " (--compat accepts it as xl does)");
        }
    }

    public long errorCount() {
        return problems.stream().filter(XlProblem::isError).count();
    }

    private Position at(int offset) {
        return position == null ? null : position.shifted(1 + offset);
    }
}
