package io.carlo.engine.workbook;

/** A cell's position: sheet index and zero-based row and column. */
public record CellAddress(int sheet, int row, int col) implements Comparable<CellAddress> {

    /** {@code B3} style text for a zero-based row and column. */
    public static String a1(int row, int col) {
        return columnName(col) + (row + 1);
    }

    /** {@code A}, {@code Z}, {@code AA}... for a zero-based column. */
    public static String columnName(int col) {
        StringBuilder sb = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.append((char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.reverse().toString();
    }

    public String a1() {
        return a1(row, col);
    }

    @Override
    public int compareTo(CellAddress o) {
        if (sheet != o.sheet) {
            return Integer.compare(sheet, o.sheet);
        }
        if (row != o.row) {
            return Integer.compare(row, o.row);
        }
        return Integer.compare(col, o.col);
    }
}
