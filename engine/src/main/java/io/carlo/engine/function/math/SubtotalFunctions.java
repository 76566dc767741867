package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.of;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.Locale;

/**
 * SUBTOTAL and AGGREGATE: a statistic chosen by number over ranges, skipping the cells that hold
 * SUBTOTAL or AGGREGATE formulas themselves (so a column with subtotals can be totalled without
 * counting them twice) and, for AGGREGATE's options, skipping error values.
 *
 * <p>Hidden and filtered rows cannot be known to the engine: they are treated as visible, so
 * SUBTOTAL 101-111 behave like 1-11 and AGGREGATE's "ignore hidden rows" options have no effect.
 */
final class SubtotalFunctions {

    private SubtotalFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("SUBTOTAL").args(2, 255).kinds(ArgKind.VALUE, ArgKind.RANGE).body(args -> {
            int number = args.integer(0);
            Statistic statistic = Statistic.byNumber(number > 100 ? number - 100 : number);
            if (statistic.ordinal() > Statistic.VAR_P.ordinal()) {
                throw ErrorSignal.of(ExcelError.VALUE); // SUBTOTAL knows only 1-11
            }
            Gathered values = new Gathered(statistic, true, false, args.context());
            for (int i = 1; i < args.size(); i++) {
                values.add(args.value(i));
            }
            return of(statistic.compute(values.numbers.toArray(), values.nonBlank, 0));
        });

        // The third argument is an array expression in AGGREGATE(14, 6, A1:A9/(B1:B9>0), 1).
        registry.function("AGGREGATE").args(3, 255).kinds(ArgKind.VALUE, ArgKind.VALUE, ArgKind.ARRAY, ArgKind.RANGE)
                .body(args -> {
                    Statistic statistic = Statistic.byNumber(args.integer(0));
                    int option = args.isOmitted(1) ? 0 : args.integer(1);
                    if (option < 0 || option > 7) {
                        throw ErrorSignal.of(ExcelError.VALUE);
                    }
                    // Options 0-3 skip nested SUBTOTAL/AGGREGATE cells; 2, 3, 6 and 7 skip errors.
                    boolean skipNested = option <= 3;
                    boolean skipErrors = option == 2 || option == 3 || option == 6 || option == 7;
                    Gathered values = new Gathered(statistic, skipNested, skipErrors, args.context());
                    double parameter = 0;
                    if (statistic.takesParameter()) {
                        if (args.size() != 4 || args.isOmitted(3)) {
                            throw ErrorSignal.of(ExcelError.VALUE);
                        }
                        values.add(args.value(2));
                        parameter = args.number(3);
                    } else {
                        for (int i = 2; i < args.size(); i++) {
                            values.add(args.value(i));
                        }
                    }
                    return of(statistic.compute(values.numbers.toArray(), values.nonBlank, parameter));
                });
    }

    /** The numbers (and the count of non-blank values) of the ranges, with the skipping rules applied. */
    private static final class Gathered {
        final NumberCollector numbers = new NumberCollector();
        int nonBlank;
        private final Statistic statistic;
        private final boolean skipNested;
        private final boolean skipErrors;
        private final FunctionContext context;

        Gathered(Statistic statistic, boolean skipNested, boolean skipErrors, FunctionContext context) {
            this.statistic = statistic;
            this.skipNested = skipNested;
            this.skipErrors = skipErrors;
            this.context = context;
        }

        void add(Value value) {
            switch (value) {
                case ReferenceValue ref -> {
                    for (Area area : ref.areas()) {
                        Grid grid = context.read(area);
                        for (int r = 0; r < grid.rows(); r++) {
                            for (int c = 0; c < grid.cols(); c++) {
                                Scalar v = grid.get(r, c);
                                if (!(v instanceof BlankValue)
                                        && !(skipNested && isSubtotalCell(area.sheet(), area.firstRow() + r, area.firstCol() + c))) {
                                    add(v);
                                }
                            }
                        }
                    }
                }
                case ArrayValue array -> {
                    for (int i = 0; i < array.size(); i++) {
                        add(array.get(i));
                    }
                }
                case Scalar s -> add(s);
            }
        }

        private void add(Scalar v) {
            switch (v) {
                case BlankValue b -> {
                }
                case NumberValue n -> {
                    numbers.add(n.value());
                    nonBlank++;
                }
                case ExcelError e -> {
                    if (skipErrors) {
                        return;
                    }
                    nonBlank++;
                    // COUNT skips errors and COUNTA counts them; every other statistic fails on one.
                    if (statistic != Statistic.COUNT && statistic != Statistic.COUNTA) {
                        throw ErrorSignal.of(e);
                    }
                }
                default -> nonBlank++;
            }
        }

        private boolean isSubtotalCell(int sheet, int row, int col) {
            return context.formulaText(sheet, row, col)
                    .map(f -> f.toUpperCase(Locale.ROOT))
                    .filter(f -> f.contains("SUBTOTAL(") || f.contains("AGGREGATE("))
                    .isPresent();
        }
    }
}
