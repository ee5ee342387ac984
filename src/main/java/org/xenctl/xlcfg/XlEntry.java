package org.xenctl.xlcfg;

/**
 * A key's effective value after every assignment to it (the last {@code =} wins, {@code +=} appends), with the
 * position of the assignment that last touched it.
 */
public record XlEntry(String key, XlValue value, String source, Position position) {
}
