package org.xenctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The hosts a command line names: -c URI (given several times for several hosts) and -H GROUP (a host group of
 * xenctl.conf). None: the defaults chain picks one host. More than one, or any group: a fleet, which only the verbs
 * that read from every host at once take ({@link FleetCommand}).
 *
 * @param uris   the -c URIs, in the order given
 * @param groups the -H group names, in the order given
 */
record HostSelection(List<String> uris, List<String> groups) {
    static final HostSelection DEFAULT = new HostSelection(List.of(), List.of());

    HostSelection {
        uris = List.copyOf(uris);
        groups = List.copyOf(groups);
    }

    static HostSelection of(String uri) {
        return uri == null ? DEFAULT : new HostSelection(List.of(uri), List.of());
    }

    /** The one -c URI, or null for the defaults chain; what a single-host command connects to. */
    String single() {
        return uris.isEmpty() ? null : uris.get(0);
    }

    boolean isFleet() {
        return new LinkedHashSet<>(uris).size() > 1 || !groups.isEmpty();
    }

    /** The URIs of a fleet: the -c ones, then each group's, each URI once. */
    List<String> resolve(ConfiguredDefaults defaults) {
        LinkedHashSet<String> all = new LinkedHashSet<>(uris);
        Map<String, List<String>> known = defaults.conf().hostGroups();
        for (String group : groups) {
            List<String> members = group.equals("all") && !known.containsKey("all")
                    ? known.values().stream().flatMap(List::stream).toList() : known.get(group);
            if (members == null || members.isEmpty()) {
                throw new XenctlException(ErrorCode.USAGE, "no host group '" + group + "' in "
                        + defaults.conf().file(), known.isEmpty()
                        ? "define one there: hosts." + group + " = [ \"xen+ssh://root@HOST/system\", … ]"
                        : "its groups: " + String.join(", ", known.keySet()) + " (and all, every one of them)");
            }
            all.addAll(members);
        }
        return new ArrayList<>(all);
    }
}
