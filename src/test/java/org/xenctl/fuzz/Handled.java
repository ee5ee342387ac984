package org.xenctl.fuzz;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.xlcfg.XlConfigException;
import org.xml.sax.InputSource;

/**
 * What a fuzz target may end in: a result, or one of the failures xenctl reports with a documented exit status (a
 * config error, exit 5; usage, exit 2…). Anything else escapes and is a finding: an unexpected exception (exit 70),
 * a StackOverflowError (a dead JVM), an AssertionError from a check of the result.
 */
public final class Handled {
    private Handled() {
    }

    public static void run(Runnable target) {
        try {
            target.run();
        } catch (XlConfigException expected) {
            // Every error with its line and column: exit 5.
        } catch (XenctlException failure) {
            if (failure.code() == ErrorCode.INTERNAL) {
                throw failure;
            }
        }
    }

    /** A value with no control character, which would end up in a URI or a message. */
    static void printable(String value, String what) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new AssertionError(what + " accepted with a control character: " + value);
        }
    }

    static void oneOf(String value, java.util.List<String> allowed, String what) {
        if (!allowed.contains(value)) {
            throw new AssertionError(what + " accepted as " + value + ", not one of " + allowed);
        }
    }

    /** XML that libvirt (or any parser) can read back: well-formed, with only characters XML 1.0 allows. */
    static void wellFormed(String xml) {
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                throw new AssertionError(String.format("character U+%04X at %d of the XML", (int) c, i));
            }
        }
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("the XML does not parse back: " + e.getMessage(), e);
        }
    }
}
