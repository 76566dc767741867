package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.of;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.function.DoubleBinaryOperator;

/** SUM, PRODUCT and the sums of squares, pairwise sums and power series. */
final class SumFunctions {

    private SumFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("SUM").args(1, 255).kinds(ArgKind.RANGE).body(args -> of(sum(NumberCollector.collect(args))));
        registry.function("SUMSQ").args(1, 255).kinds(ArgKind.RANGE).body(args -> {
            double total = 0;
            for (double v : NumberCollector.collect(args)) {
                total += v * v;
            }
            return of(total);
        });
        registry.function("PRODUCT").args(1, 255).kinds(ArgKind.RANGE).body(args -> of(product(NumberCollector.collect(args))));

        pairwise(registry, "SUMX2MY2", (x, y) -> x * x - y * y);
        pairwise(registry, "SUMX2PY2", (x, y) -> x * x + y * y);
        pairwise(registry, "SUMXMY2", (x, y) -> (x - y) * (x - y));

        registry.function("SERIESSUM").args(4, 4)
                .kinds(ArgKind.VALUE, ArgKind.VALUE, ArgKind.VALUE, ArgKind.RANGE).body(args -> {
                    double x = args.number(0);
                    double n = args.number(1);
                    double m = args.number(2);
                    Grid coefficients = args.grid(3);
                    double total = 0;
                    for (int i = 0; i < coefficients.size(); i++) {
                        // Non-numbers are skipped but keep their place in the series.
                        if (Coerce.check(coefficients.get(i)) instanceof NumberValue a) {
                            total += a.value() * ElementaryFunctions.power(x, n + i * m);
                        }
                    }
                    return of(total);
                });
    }

    static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /** The product of no numbers is 0 in Excel, not 1. */
    static double product(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double result = 1;
        for (double v : values) {
            result *= v;
        }
        return result;
    }

    /**
     * SUMX2MY2 and friends: both arrays must have as many elements (#N/A otherwise); pairs where
     * either side is not a number are skipped, errors propagate.
     */
    private static void pairwise(FunctionRegistry registry, String name, DoubleBinaryOperator term) {
        registry.function(name).args(2, 2).kinds(ArgKind.ARRAY).body(args -> {
            Grid xs = args.grid(0);
            Grid ys = args.grid(1);
            if (xs.size() != ys.size()) {
                throw ErrorSignal.of(ExcelError.NA);
            }
            double total = 0;
            for (int i = 0; i < xs.size(); i++) {
                Scalar x = Coerce.check(xs.get(i));
                Scalar y = Coerce.check(ys.get(i));
                if (x instanceof NumberValue a && y instanceof NumberValue b) {
                    total += term.applyAsDouble(a.value(), b.value());
                }
            }
            return of(total);
        });
    }
}
