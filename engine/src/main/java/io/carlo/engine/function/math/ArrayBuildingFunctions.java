package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.num;
import static io.carlo.engine.function.math.Numbers.of;
import static io.carlo.engine.function.math.Numbers.optional;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.function.IntFunction;

/**
 * Functions that make numbers from nothing: the volatile random ones (RAND, RANDBETWEEN,
 * RANDARRAY), whose randomness comes from the context so that a simulation controls the stream,
 * and SEQUENCE.
 */
final class ArrayBuildingFunctions {

    /** Carlo's own bound on a generated array (Excel's is the sheet), to refuse rather than exhaust memory. */
    private static final long MAX_CELLS = 1L << 24;

    private ArrayBuildingFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("RAND").args(0, 0).volatileFunction().body(args -> of(args.context().random()));

        registry.function("RANDBETWEEN").args(2, 2).volatileFunction().body(args -> {
            // Fractional bounds shrink inward: RANDBETWEEN(1.5, 3.5) draws 2 or 3.
            double low = Math.ceil(args.number(0));
            double high = Math.floor(args.number(1));
            if (low > high) {
                throw num();
            }
            return of(uniformInteger(args.context(), low, high));
        });

        registry.function("RANDARRAY").args(0, 5).volatileFunction().body(args -> {
            int rows = dimension(args, 0);
            int cols = dimension(args, 1);
            double min = optional(args, 2, 0);
            double max = optional(args, 3, 1);
            boolean whole = args.has(4) && !args.isOmitted(4) && args.bool(4);
            if (min > max) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            FunctionContext context = args.context();
            if (whole) {
                double low = Math.ceil(min);
                double high = Math.floor(max);
                if (low > high) {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
                return build(rows, cols, i -> of(uniformInteger(context, low, high)));
            }
            return build(rows, cols, i -> of(min + context.random() * (max - min)));
        });

        registry.scalar("SEQUENCE", 1, 4, args -> {
            int rows = dimension(args, 0);
            int cols = dimension(args, 1);
            double start = optional(args, 2, 1);
            double step = optional(args, 3, 1);
            return build(rows, cols, i -> of(start + i * step));
        });
    }

    private static double uniformInteger(FunctionContext context, double low, double high) {
        return low + Math.floor(context.random() * (high - low + 1));
    }

    /**
     * A row or column count, 1 when absent. Zero would make an empty array, which Excel reports
     * as #CALC!; a negative count or one past the sheet's size is #VALUE!.
     */
    private static int dimension(Arguments args, int i) {
        double d = Math.floor(optional(args, i, 1));
        if (d == 0) {
            throw ErrorSignal.of(ExcelError.CALC);
        }
        if (d < 0 || d > Area.MAX_ROW + 1 || (i == 1 && d > Area.MAX_COL + 1)) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return (int) d;
    }

    private static Value build(int rows, int cols, IntFunction<Scalar> element) {
        if ((long) rows * cols > MAX_CELLS) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        Scalar[] cells = new Scalar[rows * cols];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = element.apply(i);
        }
        return ArrayValue.of(rows, cols, cells);
    }
}
