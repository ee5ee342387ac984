package org.xenctl.julshim;

/**
 * What the packaged jar gives JNA in place of {@code java.util.logging.Logger}: the shade plugin
 * rewrites its references to the two JDK classes into this one and {@link Level}. JNA's {@code Native} asks for
 * a logger before anything else, and starting java.util.logging costs a fresh JVM ~13 ms (security properties, a
 * service lookup that reads the whole jar's directory, the logging configuration) on the path of every command that
 * calls libvirt, for messages that are all below the level shown by default. So: what java.util.logging would show
 * in its default configuration (INFO and above; JNA's {@code jna.debug_load} messages are INFO) is passed on to the
 * platform's logger ({@code System.getLogger}, which is java.util.logging), started only then; the rest is dropped
 * unformatted. A logging.properties that shows JNA's FINE messages is therefore not honoured by the packaged jar.
 */
public final class Logger {
    private static final int SHOWN = Level.INFO.intValue();

    private final String name;
    private volatile System.Logger platform;

    private Logger(String name) {
        this.name = name;
    }

    public static Logger getLogger(String name) {
        return new Logger(name);
    }

    public static Logger getLogger(String name, String resourceBundleName) {
        return new Logger(name);
    }

    public String getName() {
        return name;
    }

    public boolean isLoggable(Level level) {
        return level.intValue() >= SHOWN && level != Level.OFF;
    }

    public void log(Level level, String message) {
        if (isLoggable(level)) {
            platform().log(level.platformLevel(), message);
        }
    }

    public void log(Level level, String message, Object parameter) {
        if (isLoggable(level)) {
            platform().log(level.platformLevel(), message, parameter);
        }
    }

    public void log(Level level, String message, Object[] parameters) {
        if (isLoggable(level)) {
            platform().log(level.platformLevel(), message, parameters);
        }
    }

    public void log(Level level, String message, Throwable thrown) {
        if (isLoggable(level)) {
            platform().log(level.platformLevel(), message, thrown);
        }
    }

    public void severe(String message) {
        log(Level.SEVERE, message);
    }

    public void warning(String message) {
        log(Level.WARNING, message);
    }

    public void info(String message) {
        log(Level.INFO, message);
    }

    public void config(String message) {
        log(Level.CONFIG, message);
    }

    public void fine(String message) {
        log(Level.FINE, message);
    }

    public void finer(String message) {
        log(Level.FINER, message);
    }

    public void finest(String message) {
        log(Level.FINEST, message);
    }

    private System.Logger platform() {
        System.Logger logger = platform;
        if (logger == null) {
            logger = System.getLogger(name);
            platform = logger;
        }
        return logger;
    }
}
