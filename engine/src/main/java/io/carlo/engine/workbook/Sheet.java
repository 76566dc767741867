package io.carlo.engine.workbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One worksheet's non-empty cells, indexed by row and column for fast reads. Rows are stored as
 * arrays sized to their last used column, so a typical model sheet costs little memory and a read
 * is two array indexings.
 */
public final class Sheet {

    private static final Cell[] EMPTY_ROW = new Cell[0];

    private final String name;
    private final int index;
    private final Cell[][] rows;
    private final int lastCol;
    private final int cellCount;

    public Sheet(String name, int index, List<Cell> cells) {
        this.name = name;
        this.index = index;
        int maxRow = -1;
        int maxCol = -1;
        for (Cell c : cells) {
            maxRow = Math.max(maxRow, c.row());
            maxCol = Math.max(maxCol, c.col());
        }
        int[] rowWidth = new int[maxRow + 1];
        for (Cell c : cells) {
            rowWidth[c.row()] = Math.max(rowWidth[c.row()], c.col() + 1);
        }
        this.rows = new Cell[maxRow + 1][];
        for (int r = 0; r <= maxRow; r++) {
            rows[r] = rowWidth[r] == 0 ? EMPTY_ROW : new Cell[rowWidth[r]];
        }
        for (Cell c : cells) {
            rows[c.row()][c.col()] = c;
        }
        this.lastCol = maxCol;
        this.cellCount = cells.size();
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    /** The cell at a position, or null when it is empty. */
    public Cell cell(int row, int col) {
        if (row < 0 || row >= rows.length) {
            return null;
        }
        Cell[] r = rows[row];
        return col >= 0 && col < r.length ? r[col] : null;
    }

    /** One past the last used column of a row (0 for an empty or missing row). */
    public int rowWidth(int row) {
        return row >= 0 && row < rows.length ? rows[row].length : 0;
    }

    /** Last row holding a cell (zero-based), -1 when the sheet is empty. */
    public int lastRow() {
        return rows.length - 1;
    }

    /** Last column holding a cell (zero-based), -1 when the sheet is empty. */
    public int lastCol() {
        return lastCol;
    }

    public int cellCount() {
        return cellCount;
    }

    /** All non-empty cells in row-major order. */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>(cellCount);
        for (Cell[] row : rows) {
            for (Cell c : row) {
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return name;
    }
}
