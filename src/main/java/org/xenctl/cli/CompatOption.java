package org.xenctl.cli;

import picocli.CommandLine.Option;

/** The `--compat` option of every command that reads xl.cfg files. */
final class CompatOption {
    @Option(names = "--compat", description = "accept what xl accepts, with a warning, where xenctl is stricter")
    boolean compat;
}
