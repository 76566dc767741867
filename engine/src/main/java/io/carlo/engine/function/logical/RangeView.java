package io.carlo.engine.function.logical;

import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;

/**
 * A range argument of the conditional functions (COUNTIFS, SUMIFS, SUMPRODUCT...) with its full
 * shape, even for A:A, of which only the part inside the sheet's used range is read. Everything
 * past {@link #dataRows()} x {@link #dataCols()} is blank, so a scan over several ranges can stop
 * where the last one's data ends and account for the blank rest in one step (COUNTIF(A:A,"")
 * counts a million blank cells without visiting them).
 */
final class RangeView {

    private static final Grid NO_DATA = null;

    private final int rows;
    private final int cols;
    private final Grid data;

    private RangeView(int rows, int cols, Grid data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A reference (one area; more is #VALUE!), an array or a lone scalar. */
    static RangeView of(Value v, FunctionContext context) {
        return switch (v) {
            case ReferenceValue ref -> {
                Area a = singleArea(ref);
                yield ofArea(a, a.rows(), a.cols(), context);
            }
            case ArrayValue a -> new RangeView(a.rows(), a.cols(), a);
            case Scalar s -> new RangeView(1, 1, Grid.of(s));
        };
    }

    /**
     * SUMIF's and AVERAGEIF's value range: Excel uses only its top-left cell and takes a range of
     * the criteria range's shape from there, so SUMIF(A1:A5,"x",B1) sums B1:B5.
     */
    static RangeView resized(Value v, int rows, int cols, FunctionContext context) {
        if (v instanceof ReferenceValue ref) {
            return ofArea(singleArea(ref), rows, cols, context);
        }
        RangeView plain = of(v, context);
        return new RangeView(rows, cols, plain.data);
    }

    private static Area singleArea(ReferenceValue ref) {
        if (!ref.isSingleArea()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return ref.first();
    }

    private static RangeView ofArea(Area a, int rows, int cols, FunctionContext context) {
        // the cells of the range that can hold anything: those inside the sheet's used range
        int lastRow = Math.min(Math.min(a.firstRow() + rows - 1, Area.MAX_ROW), context.lastRow(a.sheet()));
        int lastCol = Math.min(Math.min(a.firstCol() + cols - 1, Area.MAX_COL), context.lastCol(a.sheet()));
        if (lastRow < a.firstRow() || lastCol < a.firstCol()) {
            return new RangeView(rows, cols, NO_DATA);
        }
        Grid data = context.read(new Area(a.sheet(), a.firstRow(), a.firstCol(), lastRow, lastCol));
        return new RangeView(rows, cols, data);
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    boolean sameShape(RangeView other) {
        return rows == other.rows && cols == other.cols;
    }

    /** Rows from the top that may hold values; all below are blank. */
    int dataRows() {
        return data == null ? 0 : Math.min(rows, data.rows());
    }

    /** Columns from the left that may hold values; all to the right are blank. */
    int dataCols() {
        return data == null ? 0 : Math.min(cols, data.cols());
    }

    Scalar get(int row, int col) {
        if (data == null || row >= data.rows() || col >= data.cols()) {
            return BlankValue.BLANK;
        }
        return data.get(row, col);
    }
}
