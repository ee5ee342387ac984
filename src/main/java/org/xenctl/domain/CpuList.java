package org.xenctl.domain;

import java.util.BitSet;

/**
 * A set of host CPUs in xl's CPU list syntax (xl vcpu-pin, cpus= in xl.cfg): "all", "3", "0-3", "0-7,^2", "^1"
 * (all but one), separated by commas; read against the host's CPU count, so that a CPU the host does not have is
 * refused where it is written.
 */
public record CpuList(BitSet cpus, int hostCpus) {

    public CpuList {
        cpus = (BitSet) cpus.clone();
    }

    /** Parses {@code text}; USAGE with what is wrong and where when it is not a list of this host's CPUs. */
    public static CpuList parse(String text, int hostCpus) {
        BitSet set = new BitSet(hostCpus);
        String[] items = text.split(",", -1);
        boolean onlyExclusions = true;
        for (String item : items) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                throw bad(text, "an empty item", "separate CPUs and ranges with single commas, e.g. 0-3,6");
            }
            boolean exclude = trimmed.startsWith("^");
            String range = exclude ? trimmed.substring(1) : trimmed;
            if (range.equals("all")) {
                if (exclude) {
                    throw bad(text, "'^all' excludes every CPU", "give the CPUs to exclude, e.g. all,^0");
                }
                set.set(0, hostCpus);
                onlyExclusions = false;
                continue;
            }
            if (range.startsWith("node")) {
                throw bad(text, "NUMA node lists (" + range + ") are not supported yet", "give CPU numbers");
            }
            int dash = range.indexOf('-');
            int from = cpu(text, dash < 0 ? range : range.substring(0, dash), hostCpus);
            int to = dash < 0 ? from : cpu(text, range.substring(dash + 1), hostCpus);
            if (to < from) {
                throw bad(text, "the range " + range + " runs backwards", "write it low-high, e.g. " + to + "-" + from);
            }
            if (exclude) {
                if (onlyExclusions && set.isEmpty()) {
                    set.set(0, hostCpus);  // xl: a list that starts with ^ means all but those
                }
                set.clear(from, to + 1);
            } else {
                set.set(from, to + 1);
                onlyExclusions = false;
            }
        }
        if (set.isEmpty()) {
            throw bad(text, "it leaves no CPU", "keep at least one of the host's " + hostCpus + " CPUs");
        }
        return new CpuList(set, hostCpus);
    }

    /** Every CPU of the host. */
    public static CpuList all(int hostCpus) {
        BitSet set = new BitSet(hostCpus);
        set.set(0, hostCpus);
        return new CpuList(set, hostCpus);
    }

    public boolean isAll() {
        return cpus.cardinality() == hostCpus;
    }

    public boolean contains(int cpu) {
        return cpus.get(cpu);
    }

    /** As xl prints an affinity: "all", or ranges such as "0-3,6". */
    @Override
    public String toString() {
        if (isAll()) {
            return "all";
        }
        StringBuilder text = new StringBuilder();
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; ) {
            int end = cpus.nextClearBit(cpu) - 1;
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(cpu);
            if (end > cpu) {
                text.append('-').append(end);
            }
            cpu = cpus.nextSetBit(end + 1);
        }
        return text.toString();
    }

    private static int cpu(String text, String number, int hostCpus) {
        if (!number.matches("[0-9]{1,6}")) {
            throw bad(text, "'" + number + "' is not a CPU number", "CPUs are numbered 0 to " + (hostCpus - 1));
        }
        int cpu = Integer.parseInt(number);
        if (cpu >= hostCpus) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, "CPU " + cpu + " in '" + text + "': the host has "
                    + hostCpus + " CPU" + (hostCpus == 1 ? "" : "s") + " (0-" + (hostCpus - 1) + ")",
                    "host-info shows the host's CPUs");
        }
        return cpu;
    }

    private static XenctlException bad(String text, String what, String hint) {
        return new XenctlException(ErrorCode.USAGE, "CPU list '" + text + "': " + what, hint);
    }
}
