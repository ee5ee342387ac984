package org.xenctl.cli;

import java.math.BigDecimal;
import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A --timeout (or another span, such as stats' --interval) in seconds, fractions allowed: "30", "0.5"; at most a year
 * (no limit at all: leave a timeout out).
 */
final class Seconds implements ITypeConverter<Duration> {
    /** A year: longer is a typo or an overflow in a script (1e999 once became 0 s, and a forced shutdown at once). */
    static final long MAXIMUM = 366L * 24 * 3600;

    /** What to do instead of giving more than a year, after the refusal; empty for a span that has no "no limit". */
    private final String beyondAYear;

    /** A timeout, which has no limit when it is left out. */
    Seconds() {
        this(": to wait without a limit, leave the timeout out");
    }

    private Seconds(String beyondAYear) {
        this.beyondAYear = beyondAYear;
    }

    /** A span between two things (stats' readings), which has no "no limit" to point to. */
    static Seconds between() {
        return new Seconds("");
    }

    @Override
    public Duration convert(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a number of seconds, e.g. 30 or 0.5");
        }
        if (seconds.signum() < 0) {
            throw new TypeConversionException("'" + value + "' is negative: give a number of seconds, e.g. 30");
        }
        if (seconds.compareTo(BigDecimal.valueOf(MAXIMUM)) > 0) {
            throw new TypeConversionException("'" + value + "' is more than a year (" + MAXIMUM + " s)" + beyondAYear);
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }
}
