package org.xenctl.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned with spaces, like `xl list`: text left-aligned, numbers right-aligned, no trailing blanks; widths
 * as a terminal shows them ({@link DisplayWidth}), so that a CJK or accented name does not push its row aside.
 */
public final class Table {
    public enum Align { LEFT, RIGHT }

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public Table column(String header, Align align) {
        headers.add(header);
        aligns.add(align);
        return this;
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "-" : Printable.of(cell.toString()));
        }
        rows.add(row);
        return this;
    }

    /** Writes the whole table at once: a writer that flushes each line would make a long table a syscall per row. */
    public void write(PrintWriter out, boolean withHeaders) {
        int[] widths = new int[headers.size()];
        List<List<String>> shown = new ArrayList<>();
        if (withHeaders) {
            shown.add(headers);
        }
        shown.addAll(rows);
        for (List<String> row : shown) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        for (List<String> row : shown) {
            int start = text.length();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append("  ");
                }
                String cell = row.get(i);
                int pad = widths[i] - DisplayWidth.of(cell);
                if (aligns.get(i) == Align.RIGHT) {
                    text.append(" ".repeat(pad)).append(cell);
                } else {
                    text.append(cell).append(" ".repeat(pad));
                }
            }
            int end = text.length();
            while (end > start && text.charAt(end - 1) == ' ') {
                end--;
            }
            text.setLength(end);
            text.append(newline);
        }
        out.print(text);
    }
}
