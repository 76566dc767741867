package io.carlo.engine.value;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A rectangular array of scalars, row-major: an array constant such as {1,2;3,4}, the contents of a
 * range read into memory, or the result of array arithmetic.
 */
public final class ArrayValue implements Value, Grid {

    private final int rows;
    private final int cols;
    private final Scalar[] cells;

    private ArrayValue(int rows, int cols, Scalar[] cells) {
        if (rows <= 0 || cols <= 0 || cells.length != rows * cols) {
            throw new IllegalArgumentException("bad array shape " + rows + "x" + cols + " for " + cells.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
    }

    /** Wraps {@code cells} (row-major, not copied: the caller hands it over). */
    public static ArrayValue of(int rows, int cols, Scalar[] cells) {
        return new ArrayValue(rows, cols, cells);
    }

    public static ArrayValue copyOf(Grid grid) {
        Scalar[] cells = new Scalar[grid.rows() * grid.cols()];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                cells[r * grid.cols() + c] = grid.get(r, c);
            }
        }
        return new ArrayValue(grid.rows(), grid.cols(), cells);
    }

    public static ArrayValue column(Scalar... values) {
        return new ArrayValue(values.length, 1, values.clone());
    }

    public static ArrayValue row(Scalar... values) {
        return new ArrayValue(1, values.length, values.clone());
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public Scalar get(int row, int col) {
        return cells[row * cols + col];
    }

    public ArrayValue map(UnaryOperator<Scalar> f) {
        Scalar[] out = new Scalar[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = f.apply(cells[i]);
        }
        return new ArrayValue(rows, cols, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayValue a && a.rows == rows && a.cols == cols && Arrays.equals(a.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(';');
            }
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(get(r, c));
            }
        }
        return sb.append('}').toString();
    }
}
