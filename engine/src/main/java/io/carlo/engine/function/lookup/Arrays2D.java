package io.carlo.engine.function.lookup;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the dynamic-array functions. */
final class Arrays2D {

    /** Computes one cell of a new array from its position. */
    @FunctionalInterface
    interface CellSource {
        Scalar at(int row, int col);
    }

    private Arrays2D() {
    }

    /** A range or array argument; an error given instead (VLOOKUP(1,1/0,2)) is that error. */
    static Grid grid(Arguments args, int i) {
        if (args.value(i) instanceof ExcelError e) {
            throw ErrorSignal.of(e);
        }
        return args.grid(i);
    }

    /** A new rows x cols array; an empty result is Excel's #CALC! (the empty array error). */
    static ArrayValue build(int rows, int cols, CellSource source) {
        if (rows <= 0 || cols <= 0) {
            throw ErrorSignal.of(ExcelError.CALC);
        }
        Scalar[] cells = new Scalar[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = source.at(r, c);
            }
        }
        return ArrayValue.of(rows, cols, cells);
    }

    /** The rows of {@code g} listed in {@code rows}, in that order. */
    static ArrayValue pickRows(Grid g, List<Integer> rows) {
        return build(rows.size(), g.cols(), (r, c) -> g.get(rows.get(r), c));
    }

    static ArrayValue pickCols(Grid g, List<Integer> cols) {
        return build(g.rows(), cols.size(), (r, c) -> g.get(r, cols.get(c)));
    }

    /** Every element of arguments {@code from}.. as whole numbers (CHOOSECOLS(a,{1,3},2)). */
    static List<Integer> integers(Arguments args, int from) {
        return integers(args, from, args.size());
    }

    /** Every element of arguments {@code from} (inclusive) to {@code to} (exclusive) as whole numbers. */
    static List<Integer> integers(Arguments args, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Grid g = args.grid(i);
            for (int k = 0; k < g.size(); k++) {
                double d = Coerce.toNumber(g.get(k));
                if (Math.abs(d) >= Integer.MAX_VALUE) {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
                out.add((int) d);
            }
        }
        return out;
    }

    /** An optional whole-number argument; absent or written empty gives {@code absent}. */
    static int optionalInt(Arguments args, int i, int absent) {
        return args.has(i) && !args.isOmitted(i) ? args.integer(i) : absent;
    }

    /** An optional scalar argument read whole (pad_with...), checked for errors only when used. */
    static Scalar optionalScalar(Arguments args, int i, Scalar absent) {
        return args.has(i) && !args.isOmitted(i) ? args.scalar(i) : absent;
    }
}
