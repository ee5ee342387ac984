package org.xenctl.domain;

import java.util.regex.Pattern;

/**
 * A domain as the user named it: a name, a numeric id or a UUID, in the order virsh tries them. The text is kept as
 * typed so that error messages quote the user's own words.
 */
public record DomainRef(String text) {
    private static final Pattern UUID_FORM =
            Pattern.compile("\\p{XDigit}{8}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{12}");
    private static final Pattern ID_FORM = Pattern.compile("0|[1-9][0-9]{0,9}");

    public DomainRef {
        if (text == null || text.isBlank()) {
            throw new XenctlException(ErrorCode.USAGE, "a domain name, id or uuid is required");
        }
    }

    public static DomainRef of(String text) {
        return new DomainRef(text);
    }

    /** True when the text could be a domain id (a non-negative int without leading zeros). */
    public boolean looksLikeId() {
        if (!ID_FORM.matcher(text).matches()) {
            return false;
        }
        return Long.parseLong(text) <= Integer.MAX_VALUE;
    }

    public boolean looksLikeUuid() {
        return UUID_FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
