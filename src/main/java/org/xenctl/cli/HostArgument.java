package org.xenctl.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A value that names a host or a group of hosts (-c, -H, migrate's destination, evacuate's host): an empty one is
 * refused. It is what an unset shell variable gives ({@code xenctl -c "$HOST" destroy web}), and libvirt, as virsh
 * does, would take it for the default host: on a dom0, this machine, not the one the script meant.
 */
final class HostArgument implements ITypeConverter<String> {
    private final String expected;

    /** @param expected what to give instead, said after "give" */
    HostArgument(String expected) {
        this.expected = expected;
    }

    static HostArgument uri() {
        return new HostArgument("a libvirt URI, e.g. xen:///system or xen+ssh://root@HOST/system");
    }

    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException((value.isEmpty() ? "an empty value" : "a value of only spaces")
                    + " names no host: give " + expected);
        }
        return value;
    }
}
