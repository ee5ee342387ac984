package org.xenctl.render;

/**
 * Nanoseconds as seconds with one decimal, rounded half up, as "%.1f" prints them; by integer arithmetic, because
 * a listing of a thousand domains would otherwise spend more time in java.util.Formatter than in libvirt.
 */
public final class SecondsFormat {
    private static final long NANOS_PER_TENTH = 100_000_000L;

    private SecondsFormat() {
    }

    public static String ofNanos(long nanos) {
        if (nanos < 0) {
            return "-" + ofNanos(-nanos);
        }
        long tenths = nanos / NANOS_PER_TENTH + (nanos % NANOS_PER_TENTH >= NANOS_PER_TENTH / 2 ? 1 : 0);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
