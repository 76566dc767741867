package io.carlo.engine.plan;

import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.ExcelError;
import java.util.List;

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
        double[] count = s.scratch(slot, n);
        boolean minMax = function == Function.MIN || function == Function.MAX;
        boolean sum = function == Function.SUM || function == Function.AVERAGE;
        // parts that count in every lane are counted once here; count[] holds the per-lane rest
        int typedCount = 0;
        double start = function == Function.MIN ? Double.POSITIVE_INFINITY
                : function == Function.MAX ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < n; i++) {
            acc[i] = start;
            count[i] = 0;
        }
        for (Part p : parts) {
            switch (p) {
                case Typed t -> {
                    Column c = t.node().evaluate(s);
                    double[] v = c.num;
                    if (sum) {
                        // NaN + x keeps the first NaN's payload: the first error in reading order wins
                        for (int i = 0; i < n; i++) {
                            acc[i] += v[i];
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            acc[i] = combine(acc[i], v[i]);
                        }
                    }
                    typedCount++;
                    s.release(c);
                }
                case RangeCell r -> {
                    Column c = r.node().evaluate(s);
                    double[] v = c.num;
                    if (c.isNumeric()) {
                        if (sum) {
                            for (int i = 0; i < n; i++) {
                                acc[i] += v[i];
                            }
                        } else {
                            for (int i = 0; i < n; i++) {
                                acc[i] = combine(acc[i], v[i]);
                            }
                        }
                        typedCount++;
                    } else {
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
                    double v = k.value();
                    for (int i = 0; i < n; i++) {
                        acc[i] = combine(acc[i], v);
                    }
                    typedCount++;
                }
            }
        }
        if (function == Function.SUM) {
            return out;
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(acc[i])) {
                continue;
            }
            double counted = count[i] + typedCount;
            if (function == Function.AVERAGE) {
                acc[i] = counted == 0 ? DIV0 : acc[i] / counted;
            } else if (minMax && counted == 0) {
                acc[i] = 0;
            }
        }
        return out;
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
}
