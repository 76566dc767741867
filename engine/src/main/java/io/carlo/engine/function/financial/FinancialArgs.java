package io.carlo.engine.function.financial;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/** Argument and result conventions shared by the financial functions. */
final class FinancialArgs {

    private FinancialArgs() {
    }

    /**
     * An optional number: {@code absent} when the argument is missing or written empty
     * ({@code PMT(r,n,pv,,1)}), so an empty guess still means Excel's default guess.
     */
    static double optional(Arguments args, int i, double absent) {
        return args.has(i) && !args.isOmitted(i) ? args.number(i) : absent;
    }

    /**
     * The payment-timing argument of the annuity functions: Excel treats any non-zero type as
     * "payments at the beginning of the period".
     */
    static boolean payAtStart(Arguments args, int i) {
        return optional(args, i, 0) != 0;
    }

    /** Excel's integer parameters (periods, frequencies, basis) are truncated toward zero. */
    static double truncated(Arguments args, int i) {
        double d = args.number(i);
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }

    static Scalar result(double value) {
        return NumberValue.of(value);
    }

    static void require(boolean condition) {
        if (!condition) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
    }

    static ErrorSignal num() {
        return ErrorSignal.of(ExcelError.NUM);
    }

    static ErrorSignal div0() {
        return ErrorSignal.of(ExcelError.DIV0);
    }
}
