package org.xenctl.cli;

/** The `--compat` option of every command that reads xl.cfg files. */
final class CompatOption implements Declaration.SharedOptions {
    boolean compat;

    @Override
    public void declareOn(Declaration declaration) {
        declaration.flag("--compat", "accept what xl accepts, with a warning, where xenctl is stricter",
                v -> compat = v);
    }
}
