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
    /** The parts after the leading constants, which are folded into {@link #start}. */
    private final Part[] rest;
    /** Per part of {@link #rest}: whether it is the same number in every lane, and that number. */
    private final boolean[] restConstant;
    private final double[] restValue;
    /** Every lane's accumulator after the leading constant parts. */
    private final double start;
    /** How many leading constant parts {@link #start} holds (each counts in every lane). */
    private final int leading;

    AggregateNode(int slot, Function function, List<Part> parts) {
        super(slot);
        this.function = function;
        this.parts = List.copyOf(parts);
        double acc = function == Function.MIN ? Double.POSITIVE_INFINITY
                : function == Function.MAX ? Double.NEGATIVE_INFINITY : 0;
        int k = 0;
        while (k < parts.size() && constantOf(parts.get(k)) != null) {
            acc = combine(acc, constantOf(parts.get(k)));
            k++;
        }
        this.start = acc;
        this.leading = k;
        this.rest = parts.subList(k, parts.size()).toArray(new Part[0]);
        this.restConstant = new boolean[rest.length];
        this.restValue = new double[rest.length];
        for (int p = 0; p < rest.length; p++) {
            Double v = constantOf(rest[p]);
            restConstant[p] = v != null;
            restValue[p] = v != null ? v : 0;
        }
    }

    /** The number a part adds in every lane, or null when it is a column. */
    private static Double constantOf(Part p) {
        return switch (p) {
            case RangeConstant k -> k.value();
            case Typed t when t.node() instanceof ConstantNode k -> k.numericView();
            default -> null;
        };
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
        int typedCount = leading;
        // until a column is folded in, every lane's accumulator is `start`, and acc[] is not written
        boolean filled = false;
        // bounds of the accumulators, and whether none is NaN (then MIN and MAX need no NaN test)
        double lo = start;
        double hi = start;
        boolean noNaN = !Double.isNaN(start);
        // MIN and MAX start from an infinity that the first part replaces in every lane
        boolean partsFinite = Double.isFinite(start)
                || leading == 0 && (function == Function.MIN || function == Function.MAX);
        boolean bounded = true;
        for (int part = 0; part < rest.length; part++) {
            Part p = rest[part];
            if (restConstant[part]) {
                double v = restValue[part];
                if (!filled) {
                    Arrays.fill(acc, 0, n, start);
                    filled = true;
                }
                combine(acc, v, n);
                lo = combineBound(lo, v);
                hi = combineBound(hi, v);
                noNaN &= !Double.isNaN(v);
                partsFinite &= Double.isFinite(v);
                typedCount++;
                continue;
            }
            Column c = p instanceof Typed t ? t.node().evaluate(s) : ((RangeCell) p).node().evaluate(s);
            if (p instanceof Typed || c.isNumeric()) {
                boolean fast = noNaN && c.noErrors;
                if (filled) {
                    combine(acc, c.num, n, fast);
                } else {
                    combineInto(acc, start, c.num, n, fast);
                    filled = true;
                }
                lo = combineBound(lo, c.low);
                hi = combineBound(hi, c.high);
                noNaN &= c.noErrors;
                partsFinite &= c.noErrors;
                typedCount++;
            } else {
                if (!filled) {
                    Arrays.fill(acc, 0, n, start);
                    filled = true;
                }
                if (count == null) {
                    countColumn = s.temp();
                    count = countColumn.num;
                    Arrays.fill(count, 0, n, 0);
                }
                double[] v = c.num;
                for (int i = 0; i < n; i++) {
                    if (!c.isObject(i)) {
                        acc[i] = combine(acc[i], v[i]);
                        count[i]++;
                    }
                }
                bounded = false;
                noNaN = false;
            }
            s.release(c);
        }
        if (!filled) {
            Arrays.fill(acc, 0, n, start);
        }
        if (function == Function.AVERAGE || (count != null || typedCount == 0) && function != Function.SUM) {
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
        } else if (bounded) {
            // SUM, or MIN/MAX of at least one part: the accumulators' bounds are the result's
            out.bound(lo, hi, partsFinite && Double.isFinite(lo) && Double.isFinite(hi));
        }
        s.release(countColumn);
        return out;
    }

    /**
     * A bound of the accumulators after folding in a part whose values have the same-side bound
     * {@code v} (lower with lower, upper with upper): sums and MIN/MAX are monotonic in each
     * operand, and so is rounding.
     */
    private double combineBound(double bound, double v) {
        return switch (function) {
            case SUM, AVERAGE -> bound + v;
            case MIN -> Math.min(bound, v);
            case MAX -> Math.max(bound, v);
        };
    }

    /**
     * Folds a column into the accumulators, lane by lane, with {@link #combine(double, double)}'s
     * rules; {@code noNaN}: neither side holds a NaN, so MIN and MAX need no test for one.
     */
    private void combine(double[] acc, double[] v, int n, boolean noNaN) {
        switch (function) {
            case SUM, AVERAGE -> {
                // NaN + x keeps the first NaN's payload: the first error in reading order wins
                for (int i = 0; i < n; i++) {
                    acc[i] += v[i];
                }
            }
            case MIN -> {
                if (noNaN) {
                    for (int i = 0; i < n; i++) {
                        acc[i] = Math.min(acc[i], v[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        acc[i] = combine(acc[i], v[i]);
                    }
                }
            }
            case MAX -> {
                if (noNaN) {
                    for (int i = 0; i < n; i++) {
                        acc[i] = Math.max(acc[i], v[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        acc[i] = combine(acc[i], v[i]);
                    }
                }
            }
        }
    }

    /** As {@link #combine(double[], double[], int, boolean)} onto accumulators that all hold {@code start}. */
    private void combineInto(double[] acc, double start, double[] v, int n, boolean noNaN) {
        switch (function) {
            case SUM, AVERAGE -> {
                for (int i = 0; i < n; i++) {
                    acc[i] = start + v[i];
                }
            }
            case MIN -> {
                if (noNaN) {
                    for (int i = 0; i < n; i++) {
                        acc[i] = Math.min(start, v[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        acc[i] = combine(start, v[i]);
                    }
                }
            }
            case MAX -> {
                if (noNaN) {
                    for (int i = 0; i < n; i++) {
                        acc[i] = Math.max(start, v[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        acc[i] = combine(start, v[i]);
                    }
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
