package org.xenctl.domain;

/**
 * A running domain's scheduler and its share of the CPUs, as xl sched-credit and sched-credit2 show them.
 *
 * @param scheduler the host scheduler's name: credit, credit2 (Xen), or what another driver calls its own (fair)
 * @param weight    the domain's weight against the others (1 to 65535), or null where the scheduler has none
 * @param cap       the most CPU it may use, in percent of one CPU, 0 for no cap; null where the scheduler has none
 */
public record SchedulerSettings(String scheduler, Integer weight, Integer cap) {

    /** The most a weight may be (Xen's credit and credit2 take 1 to 65535). */
    public static final int MAX_WEIGHT = 65535;
}
