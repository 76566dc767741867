package io.carlo.server.workbooks;

import io.carlo.engine.workbook.CellAddress;
import io.carlo.server.api.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rectangle of cells, zero-based and inclusive, written in A1 style ({@code A1:J50}). */
public record CellRange(int firstRow, int firstCol, int lastRow, int lastCol) {

    private static final Pattern CELL = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([1-9][0-9]{0,6})");
    /** Excel's grid: 1,048,576 rows by 16,384 columns. */
    private static final int MAX_ROW = 1_048_575;
    private static final int MAX_COL = 16_383;

    public static CellRange parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 2) {
            throw bad(text);
        }
        int[] a = cell(parts[0], text);
        int[] b = parts.length == 2 ? cell(parts[1], text) : a;
        return new CellRange(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }

    public long cellCount() {
        return (long) (lastRow - firstRow + 1) * (lastCol - firstCol + 1);
    }

    public String a1() {
        return CellAddress.a1(firstRow, firstCol) + ":" + CellAddress.a1(lastRow, lastCol);
    }

    private static int[] cell(String ref, String whole) {
        Matcher m = CELL.matcher(ref.trim());
        if (!m.matches()) {
            throw bad(whole);
        }
        int col = 0;
        for (char c : m.group(1).toUpperCase().toCharArray()) {
            col = col * 26 + (c - 'A' + 1);
        }
        int row = Integer.parseInt(m.group(2)) - 1;
        if (row > MAX_ROW || col - 1 > MAX_COL) {
            throw bad(whole);
        }
        return new int[] {row, col - 1};
    }

    private static ApiException bad(String text) {
        return ApiException.badRequest("'" + text + "' is not a cell range such as A1:J50");
    }
}
