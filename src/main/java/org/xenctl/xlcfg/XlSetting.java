package org.xenctl.xlcfg;

/**
 * One assignment as written: {@code key = value} or {@code key += value}, the file (or command-line argument) it
 * comes from, and where it stands there.
 */
public record XlSetting(String key, XlValue value, boolean append, String source, Position position) {
}
