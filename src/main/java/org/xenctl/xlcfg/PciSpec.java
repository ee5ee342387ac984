package org.xenctl.xlcfg;

/**
 * One PCI_SPEC_STRING after parsing (xl-pci-configuration(5)). Exactly one of {@code bdf} and {@code name} is set.
 * Null options were not given: the domain's {@code pci_*} settings apply.
 *
 * @param vslot the guest slot (0x00–0x1f), or null to let xl choose
 * @param name a name given to the device by {@code pci-assignable-add -n}
 */
public record PciSpec(Bdf bdf, Integer vslot, String name, Boolean permissive, Boolean msitranslate, Boolean seize,
                      Boolean powerMgmt, String rdmPolicy) {

    /**
     * A host PCI address {@code DDDD:BB:SS.F}; {@code function} is null for {@code *} (every function).
     */
    public record Bdf(int domain, int bus, int slot, Integer function) {
        @Override
        public String toString() {
            return String.format("%04x:%02x:%02x.%s", domain, bus, slot, function == null ? "*" : function);
        }
    }
}
