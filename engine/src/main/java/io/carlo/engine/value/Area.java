package io.carlo.engine.value;

/**
 * A rectangle of cells on one sheet, zero-based and inclusive. Whole-column and whole-row
 * references keep their full extent here; readers clip them to the sheet's used range.
 */
public record Area(int sheet, int firstRow, int firstCol, int lastRow, int lastCol) {

    /** Excel's last row and column (zero-based): 1,048,576 rows, 16,384 columns. */
    public static final int MAX_ROW = 1_048_575;
    public static final int MAX_COL = 16_383;

    public Area {
        if (firstRow > lastRow) {
            int t = firstRow;
            firstRow = lastRow;
            lastRow = t;
        }
        if (firstCol > lastCol) {
            int t = firstCol;
            firstCol = lastCol;
            lastCol = t;
        }
    }

    public static Area cell(int sheet, int row, int col) {
        return new Area(sheet, row, col, row, col);
    }

    public int rows() {
        return lastRow - firstRow + 1;
    }

    public int cols() {
        return lastCol - firstCol + 1;
    }

    public boolean isSingleCell() {
        return firstRow == lastRow && firstCol == lastCol;
    }

    public boolean contains(int sheet, int row, int col) {
        return this.sheet == sheet && row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
    }

    /** The smallest area covering both, or null when they are on different sheets. */
    public Area span(Area other) {
        if (other.sheet != sheet) {
            return null;
        }
        return new Area(sheet, Math.min(firstRow, other.firstRow), Math.min(firstCol, other.firstCol),
                Math.max(lastRow, other.lastRow), Math.max(lastCol, other.lastCol));
    }

    /** The overlap of both, or null when they do not overlap. */
    public Area intersect(Area other) {
        if (other.sheet != sheet) {
            return null;
        }
        int r0 = Math.max(firstRow, other.firstRow);
        int c0 = Math.max(firstCol, other.firstCol);
        int r1 = Math.min(lastRow, other.lastRow);
        int c1 = Math.min(lastCol, other.lastCol);
        return r0 <= r1 && c0 <= c1 ? new Area(sheet, r0, c0, r1, c1) : null;
    }
}
