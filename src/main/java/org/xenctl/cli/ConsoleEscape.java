package org.xenctl.cli;

import java.util.Arrays;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The key that leaves an interactive console (Ctrl-] as in xl and virsh): written "^]" or "^X" (a control
 * character), or one character. The keys typed before it in the same read still go to the guest.
 */
final class ConsoleEscape {
    static final String DEFAULT = "^]";

    private final byte key;

    private ConsoleEscape(byte key) {
        this.key = key;
    }

    static ConsoleEscape parse(String text) {
        if (text.length() == 2 && text.charAt(0) == '^') {
            char letter = Character.toUpperCase(text.charAt(1));
            if (letter >= '@' && letter <= '_') {
                return new ConsoleEscape((byte) (letter - '@'));
            }
        }
        if (text.length() == 1 && text.charAt(0) < 0x80) {
            return new ConsoleEscape((byte) text.charAt(0));
        }
        throw new XenctlException(ErrorCode.USAGE, "'" + text + "' is not an escape key", "give ^ and a letter or "
                + "one of @[\\]^_ (^] is Ctrl-]), or one ASCII character");
    }

    /** The typed bytes up to the escape key (all of them when it is not there). */
    byte[] before(byte[] typed, int length) {
        int at = indexIn(typed, length);
        return Arrays.copyOf(typed, at < 0 ? length : at);
    }

    boolean pressedIn(byte[] typed, int length) {
        return indexIn(typed, length) >= 0;
    }

    private int indexIn(byte[] typed, int length) {
        for (int i = 0; i < length; i++) {
            if (typed[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** As people write it: ^] for Ctrl-]. */
    String shown() {
        return key < 0x20 ? "^" + (char) (key + '@') : String.valueOf((char) key);
    }
}
