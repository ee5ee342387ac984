package org.xenctl.cli;

import java.math.BigDecimal;
import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A --timeout in seconds, fractions allowed: "30", "0.5". */
final class Seconds implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            if (seconds.signum() < 0) {
                throw new TypeConversionException("'" + value + "' is negative: give a number of seconds, e.g. 30");
            }
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a number of seconds, e.g. 30 or 0.5");
        }
    }
}
