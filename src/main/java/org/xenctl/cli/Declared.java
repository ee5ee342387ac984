package org.xenctl.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command whose picocli model is built by code ({@link Declaration}) rather than read from annotations: the JDK
 * makes a proxy class for every annotation type it reads, and in a fresh JVM those proxies cost a short command more
 * than all its work (docs/performance.md).
 */
interface Declared {
    /** This command's model, bound to this instance's fields. */
    CommandSpec spec();
}
