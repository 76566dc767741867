package io.carlo.engine.plan;

import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.ExcelError;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * SUM, AVERAGE, MIN and MAX over typed arguments and ranges, lane by lane, with
 * {@link NumberCollector}'s rules: a typed argument counts as its numeric
 * view, inside a range only numbers count, the first error in reading order wins. Parts are
 * accumulated in the same order as the library does, so sums are bit-identical.
 */
final class AggregateNode extends Node {

    enum Function { SUM, AVERAGE, MIN, MAX }

    /** One argument, or one cell of a range argument, in reading order. */
    sealed interface Part permits Typed, RangeCell, RangeConstant {
    }

    /** An argument given directly: it always counts, coerced. */
    record Typed(Node node) implements Part {
    }

    /** An uncertain cell inside a range: counts only where it holds a number (or an error). */
    record RangeCell(Node node) implements Part {
    }

    /** A number or an error folded from a constant cell inside a range. */
    record RangeConstant(double value) implements Part {
    }

    private static final double DIV0 = ErrorBits.of(ExcelError.DIV0);

    final Function function;
    final List<Part> parts;

    AggregateNode(int slot, Function function, List<Part> parts) {
        super(slot);
        this.function = function;
        this.parts = List.copyOf(parts);
    }

    @Override
    public Column evaluate(BlockState s) {
        Column out = s.temp();
        out.clearObjects();
        double[] acc = out.num;
        int n = s.count();
        // parts that count in every lane are counted once here; count[] holds the per-lane rest,
        // needed only when a range cell holds something else than numbers in this block
        Column countColumn = null;
        double[] count = null;
        int typedCount = 0;
        double start = function == Function.MIN ? Double.POSITIVE_INFINITY
                : function == Function.MAX ? Double.NEGATIVE_INFINITY : 0;
        Arrays.fill(acc, 0, n, start);
        for (Part p : parts) {
            switch (p) {
                case Typed t -> {
                    if (t.node() instanceof ConstantNode k) {
                        // the same number in every lane: no column to read
                        combine(acc, k.numericView(), n);
                    } else {
                        Column c = t.node().evaluate(s);
                        combine(acc, c.num, n);
                        s.release(c);
                    }
                    typedCount++;
                }
                case RangeCell r -> {
                    Column c = r.node().evaluate(s);
                    double[] v = c.num;
                    if (c.isNumeric()) {
                        combine(acc, v, n);
                        typedCount++;
                    } else {
                        if (count == null) {
                            countColumn = s.temp();
                            count = countColumn.num;
                            Arrays.fill(count, 0, n, 0);
                        }
                        for (int i = 0; i < n; i++) {
                            if (!c.isObject(i)) {
                                acc[i] = combine(acc[i], v[i]);
                                count[i]++;
                            }
                        }
                    }
                    s.release(c);
                }
                case RangeConstant k -> {
                    combine(acc, k.value(), n);
                    typedCount++;
                }
            }
        }
        if (function != Function.SUM) {
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(acc[i])) {
                    continue;
                }
                double counted = (count == null ? 0 : count[i]) + typedCount;
                if (function == Function.AVERAGE) {
                    acc[i] = counted == 0 ? DIV0 : acc[i] / counted;
                } else if (counted == 0) {
                    acc[i] = 0;
                }
            }
        }
        s.release(countColumn);
        return out;
    }

    /** Folds a column into the accumulators, lane by lane, with {@link #combine(double, double)}'s rules. */
    private void combine(double[] acc, double[] v, int n) {
        switch (function) {
            case SUM, AVERAGE -> {
                // NaN + x keeps the first NaN's payload: the first error in reading order wins
                for (int i = 0; i < n; i++) {
                    acc[i] += v[i];
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    double a = acc[i];
                    double x = v[i];
                    acc[i] = Double.isNaN(a) ? a : Double.isNaN(x) ? x : Math.min(a, x);
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    double a = acc[i];
                    double x = v[i];
                    acc[i] = Double.isNaN(a) ? a : Double.isNaN(x) ? x : Math.max(a, x);
                }
            }
        }
    }

    /** Folds the same number into every lane's accumulator. */
    private void combine(double[] acc, double v, int n) {
        for (int i = 0; i < n; i++) {
            acc[i] = combine(acc[i], v);
        }
    }

    /** The nodes among parts (range constants have none). */
    static void visitParts(List<Part> parts, Consumer<Node> visit) {
        for (Part p : parts) {
            switch (p) {
                case Typed t -> visit.accept(t.node());
                case RangeCell r -> visit.accept(r.node());
                case RangeConstant k -> {
                }
            }
        }
    }

    private double combine(double acc, double v) {
        if (Double.isNaN(acc)) {
            return acc;
        }
        return switch (function) {
            case SUM, AVERAGE -> acc + v;
            case MIN -> Double.isNaN(v) ? v : Math.min(acc, v);
            case MAX -> Double.isNaN(v) ? v : Math.max(acc, v);
        };
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visitParts(parts, visit);
    }
}
