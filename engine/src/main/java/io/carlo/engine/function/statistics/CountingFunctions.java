package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.function.Predicate;

/**
 * COUNT, COUNTA and COUNTBLANK. Unlike the other aggregates they never fail on an error value:
 * they only look at what kind of value each cell holds.
 */
final class CountingFunctions {

    private CountingFunctions() {
    }

    static void register(FunctionRegistry registry) {
        // In ranges and arrays only real numbers count; a typed argument counts when it could be
        // used as a number: TRUE, "3", an empty argument (as in COUNT(1,)), not "abc" or an error.
        registry.function("COUNT").args(1, SampleFunctions.MAX_ARGS).kinds(ArgKind.RANGE)
                .body(args -> count(args, v -> v instanceof NumberValue, CountingFunctions::isTypedNumber));
        // Everything but an empty cell counts, including errors and the "" a formula returns.
        registry.function("COUNTA").args(1, SampleFunctions.MAX_ARGS).kinds(ArgKind.RANGE)
                .body(args -> count(args, v -> !(v instanceof BlankValue), v -> true));
        // Empty cells and cells showing "" count as blank; 0 and FALSE do not.
        registry.function("COUNTBLANK").args(1, 1).kinds(ArgKind.RANGE)
                .body(args -> count(args, CountingFunctions::looksBlank, CountingFunctions::looksBlank));
    }

    private static Scalar count(Arguments args, Predicate<Scalar> inRange, Predicate<Scalar> typed) {
        long n = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.isOmitted(i)) {
                n += typed.test(BlankValue.BLANK) ? 1 : 0;
                continue;
            }
            switch (args.value(i)) {
                case ReferenceValue ref -> {
                    for (Grid g : args.grids(i)) {
                        n += countGrid(g, inRange);
                    }
                }
                case ArrayValue a -> n += countGrid(a, inRange);
                case Scalar s -> n += typed.test(s) ? 1 : 0;
            }
        }
        return NumberValue.of(n);
    }

    private static long countGrid(Grid g, Predicate<Scalar> test) {
        long n = 0;
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                if (test.test(g.get(r, c))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isTypedNumber(Scalar v) {
        return switch (v) {
            case NumberValue n -> true;
            case BooleanValue b -> true;
            case BlankValue b -> true;
            case TextValue t -> Coerce.parseNumber(t.value()).isPresent();
            default -> false;
        };
    }

    private static boolean looksBlank(Scalar v) {
        return v instanceof BlankValue || (v instanceof TextValue t && t.value().isEmpty());
    }
}
