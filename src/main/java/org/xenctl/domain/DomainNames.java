package org.xenctl.domain;

import java.util.Optional;

/**
 * What can name a domain: libvirt keeps a domain's files under its name, and xl, virsh and xenctl take it as one word
 * of a command line and print it in a column.
 */
public final class DomainNames {
    public static final String HINT = "use letters, digits, '-', '_' or '.', without blanks or '/'";

    private DomainNames() {
    }

    /** Why {@code name} cannot name a domain, or empty when it can. */
    public static Optional<String> whyUnusable(String name) {
        if (name.isEmpty()) {
            return Optional.of("a domain name cannot be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/') {
                return Optional.of("a domain name cannot contain '/'");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("a domain name cannot contain blanks");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("a domain name cannot contain control characters");
            }
        }
        return Optional.empty();
    }
}
