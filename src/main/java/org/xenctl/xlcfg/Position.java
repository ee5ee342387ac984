package org.xenctl.xlcfg;

/** A place in a config file: 1-based line and column (a tab counts as one column). */
public record Position(int line, int column) {

    public Position shifted(int columns) {
        return new Position(line, column + columns);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
