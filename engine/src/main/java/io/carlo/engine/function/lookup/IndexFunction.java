package io.carlo.engine.function.lookup;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
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
 * INDEX in its two forms. Given a reference it returns a reference (so SUM(INDEX(A1:C3,0,2)) and
 * A1:INDEX(...) work); given an array it returns a value or a sub-array. A row or column number of
 * 0 (or left out) selects the whole column or row.
 */
final class IndexFunction {

    private IndexFunction() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("INDEX").args(2, 4).kinds(ArgKind.RANGE, ArgKind.VALUE, ArgKind.VALUE, ArgKind.VALUE)
                .body(IndexFunction::index);
    }

    private static Value index(Arguments args) {
        int row = position(args, 1);
        int col = position(args, 2);
        int areaNum = args.has(3) && !args.isOmitted(3) ? args.integer(3) : 1;
        boolean columnGiven = args.has(2) && !args.isOmitted(2);
        if (args.value(0) instanceof ReferenceValue ref) {
            if (areaNum < 1 || areaNum > ref.areas().size()) {
                throw ErrorSignal.of(ExcelError.REF);
            }
            Area a = ref.areas().get(areaNum - 1);
            int[] rc = resolve(a.rows(), a.cols(), row, col, columnGiven);
            int r0 = rc[0] == 0 ? a.firstRow() : a.firstRow() + rc[0] - 1;
            int r1 = rc[0] == 0 ? a.lastRow() : r0;
            int c0 = rc[1] == 0 ? a.firstCol() : a.firstCol() + rc[1] - 1;
            int c1 = rc[1] == 0 ? a.lastCol() : c0;
            return ReferenceValue.of(new Area(a.sheet(), r0, c0, r1, c1));
        }
        if (areaNum != 1) {
            throw ErrorSignal.of(ExcelError.REF);
        }
        Grid g = args.grid(0);
        int[] rc = resolve(g.rows(), g.cols(), row, col, columnGiven);
        if (rc[0] != 0 && rc[1] != 0) {
            return g.get(rc[0] - 1, rc[1] - 1);
        }
        int rows = rc[0] == 0 ? g.rows() : 1;
        int cols = rc[1] == 0 ? g.cols() : 1;
        Scalar[] cells = new Scalar[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = g.get(rc[0] == 0 ? r : rc[0] - 1, rc[1] == 0 ? c : rc[1] - 1);
            }
        }
        return ArrayValue.of(rows, cols, cells);
    }

    /** A row or column number: absent or blank is 0 (whole), negative is #VALUE!. */
    private static int position(Arguments args, int i) {
        if (!args.has(i) || args.scalar(i) instanceof BlankValue) {
            return 0;
        }
        int n = args.integer(i);
        if (n < 0) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return n;
    }

    /**
     * The one-based row and column (0 = all) inside a rows x cols block. With only one number given,
     * a single row or column is indexed along its length: INDEX(A1:E1,3) is C1.
     */
    private static int[] resolve(int rows, int cols, int row, int col, boolean columnGiven) {
        if (!columnGiven && rows == 1 && cols > 1) {
            col = row;
            row = 0;
            if (col == 0) {
                return new int[] {0, 0};
            }
            // a one-row block: its single row
            row = 1;
        }
        if (row > rows || col > cols) {
            throw ErrorSignal.of(ExcelError.REF);
        }
        if (rows == 1 && row == 0 && col != 0) {
            row = 1;
        }
        if (cols == 1 && col == 0 && row != 0) {
            col = 1;
        }
        return new int[] {row, col};
    }
}
