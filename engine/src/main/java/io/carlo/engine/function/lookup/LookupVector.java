package io.carlo.engine.function.lookup;

import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;

/** One row or one column of a grid, seen as a list: what lookups search. */
final class LookupVector {

    private final Grid grid;
    private final int fixed;
    private final boolean isRow;

    private LookupVector(Grid grid, int fixed, boolean isRow) {
        this.grid = grid;
        this.fixed = fixed;
        this.isRow = isRow;
    }

    static LookupVector column(Grid grid, int col) {
        return new LookupVector(grid, col, false);
    }

    static LookupVector row(Grid grid, int row) {
        return new LookupVector(grid, row, true);
    }

    /** A one-row or one-column grid as a vector, or null when the grid is two-dimensional. */
    static LookupVector of(Grid grid) {
        if (grid.cols() == 1) {
            return column(grid, 0);
        }
        if (grid.rows() == 1) {
            return row(grid, 0);
        }
        return null;
    }

    int size() {
        return isRow ? grid.cols() : grid.rows();
    }

    Scalar get(int i) {
        return isRow ? grid.get(fixed, i) : grid.get(i, fixed);
    }

    boolean isRow() {
        return isRow;
    }
}
