package org.xenctl.julshim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shim passes on what java.util.logging shows by default, formatted as it would be, and drops the rest. */
class LoggerTest {
    private static final String NAME = "org.xenctl.test.julshim";
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private java.util.logging.Logger platform;

    @BeforeEach
    void capture() {
        platform = java.util.logging.Logger.getLogger(NAME);
        platform.setUseParentHandlers(false);
        platform.setLevel(java.util.logging.Level.ALL);
        platform.addHandler(capture);
    }

    @AfterEach
    void release() {
        platform.removeHandler(capture);
        platform.setUseParentHandlers(true);
        platform.setLevel(null);
    }

    @Test
    void info_and_above_reach_the_platform_logger_with_their_level_parameters_and_exception() {
        Logger logger = Logger.getLogger(NAME);
        IllegalStateException failure = new IllegalStateException("boom");

        logger.log(Level.INFO, "Looking for library {0}", "libvirt.so.0");
        logger.log(Level.WARNING, "{0} and {1}", new Object[] {"a", "b"});
        logger.log(Level.SEVERE, "failed", failure);
        logger.warning("plain");

        assertThat(records).extracting(LogRecord::getLevel).containsExactly(java.util.logging.Level.INFO,
                java.util.logging.Level.WARNING, java.util.logging.Level.SEVERE, java.util.logging.Level.WARNING);
        assertThat(records).extracting(r -> new java.util.logging.SimpleFormatter().formatMessage(r))
                .containsExactly("Looking for library libvirt.so.0", "a and b", "failed", "plain");
        assertThat(records.get(2).getThrown()).isSameAs(failure);
    }

    @Test
    void below_info_nothing_is_passed_on_and_it_says_so() {
        Logger logger = Logger.getLogger(NAME);

        logger.log(Level.FINE, "Trying {0}", "x");
        logger.log(Level.CONFIG, "config");
        logger.fine("fine");
        logger.finest("finest");

        assertThat(records).isEmpty();
        assertThat(logger.isLoggable(Level.FINE)).isFalse();
        assertThat(logger.isLoggable(Level.INFO)).isTrue();
        assertThat(logger.isLoggable(Level.OFF)).isFalse();
    }
}
