package org.xenctl.cli;

import java.math.BigDecimal;
import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A --timeout in seconds, fractions allowed: "30", "0.5"; at most a year (no limit at all: leave it out). */
final class Seconds implements ITypeConverter<Duration> {
    /** A year: longer is a typo or an overflow in a script (1e999 once became 0 s, and a forced shutdown at once). */
    static final long MAXIMUM = 366L * 24 * 3600;

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
            throw new TypeConversionException("'" + value + "' is more than a year (" + MAXIMUM + " s): to wait "
                    + "without a limit, leave the timeout out");
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }
}
