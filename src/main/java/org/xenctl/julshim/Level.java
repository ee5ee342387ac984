package org.xenctl.julshim;

/**
 * What the packaged jar gives JNA (and Jackson) in place of {@code java.util.logging.Level}: see {@link Logger}. The
 * same constants and values, each with the {@code System.Logger} level a message is passed on at.
 */
public final class Level {
    public static final Level OFF = new Level("OFF", Integer.MAX_VALUE, System.Logger.Level.OFF);
    public static final Level SEVERE = new Level("SEVERE", 1000, System.Logger.Level.ERROR);
    public static final Level WARNING = new Level("WARNING", 900, System.Logger.Level.WARNING);
    public static final Level INFO = new Level("INFO", 800, System.Logger.Level.INFO);
    public static final Level CONFIG = new Level("CONFIG", 700, System.Logger.Level.DEBUG);
    public static final Level FINE = new Level("FINE", 500, System.Logger.Level.DEBUG);
    public static final Level FINER = new Level("FINER", 400, System.Logger.Level.TRACE);
    public static final Level FINEST = new Level("FINEST", 300, System.Logger.Level.TRACE);
    public static final Level ALL = new Level("ALL", Integer.MIN_VALUE, System.Logger.Level.ALL);

    private final String name;
    private final int value;
    private final System.Logger.Level platformLevel;

    private Level(String name, int value, System.Logger.Level platformLevel) {
        this.name = name;
        this.value = value;
        this.platformLevel = platformLevel;
    }

    public String getName() {
        return name;
    }

    public int intValue() {
        return value;
    }

    System.Logger.Level platformLevel() {
        return platformLevel;
    }

    @Override
    public String toString() {
        return name;
    }
}
