package org.xenctl.lab;

/** Quoting for the bash commands run in the dom0. */
final class Shell {
    private Shell() {
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
