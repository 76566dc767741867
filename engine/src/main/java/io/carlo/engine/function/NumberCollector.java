package io.carlo.engine.function;

import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.Arrays;

/**
 * Gathers the numbers of aggregate functions' arguments (SUM, AVERAGE, STDEV, MAX...) with Excel's
 * two rules: inside references and arrays only numbers count (text, booleans and blanks are
 * skipped); an argument typed directly (a scalar) is coerced, so TRUE counts 1 and "3" counts 3,
 * and a text that is not a number is #VALUE!. Errors anywhere propagate.
 *
 * <p>The "A" variants (AVERAGEA, MAXA, STDEVA...) use {@link Mode#ALL_VALUES}: text in references
 * counts 0 and booleans 1/0.
 */
public final class NumberCollector {

    /** Which values of references and arrays count. */
    public enum Mode { NUMBERS_ONLY, ALL_VALUES }

    private double[] values = new double[16];
    private int size;

    /** Collects the numbers of arguments {@code from} to the end. */
    public static double[] collect(Arguments args, int from, Mode mode) {
        NumberCollector c = new NumberCollector();
        for (int i = from; i < args.size(); i++) {
            c.addArgument(args, i, mode);
        }
        return c.toArray();
    }

    /** Collects the numbers of all arguments with {@link Mode#NUMBERS_ONLY}. */
    public static double[] collect(Arguments args) {
        return collect(args, 0, Mode.NUMBERS_ONLY);
    }

    /** Collects the numbers of one range-like value (reference or array) with range rules. */
    public static double[] collectRange(Arguments args, int index) {
        NumberCollector c = new NumberCollector();
        for (Grid g : args.grids(index)) {
            c.addGrid(g, Mode.NUMBERS_ONLY);
        }
        return c.toArray();
    }

    public void addArgument(Arguments args, int i, Mode mode) {
        if (args.isOmitted(i)) {
            // SUM(1,,2): an empty argument counts as 0 for typed arguments
            add(0);
            return;
        }
        switch (args.value(i)) {
            case ReferenceValue ref -> {
                for (Grid g : args.grids(i)) {
                    addGrid(g, mode);
                }
            }
            case ArrayValue a -> addGrid(a, mode);
            case Scalar s -> addTyped(s);
        }
    }

    private void addTyped(Scalar s) {
        switch (s) {
            case BlankValue b -> add(0);
            default -> add(Coerce.toNumber(s));
        }
    }

    public void addGrid(Grid g, Mode mode) {
        int rows = g.rows();
        int cols = g.cols();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Scalar v = g.get(r, c);
                switch (v) {
                    case NumberValue n -> add(n.value());
                    case ExcelError e -> throw ErrorSignal.of(e);
                    case BooleanValue b -> {
                        if (mode == Mode.ALL_VALUES) {
                            add(b.value() ? 1 : 0);
                        }
                    }
                    case TextValue t -> {
                        if (mode == Mode.ALL_VALUES) {
                            add(0);
                        }
                    }
                    case BlankValue b -> {
                    }
                }
            }
        }
    }

    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
