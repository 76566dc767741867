package io.carlo.engine.plan;

import io.carlo.engine.eval.CellContext;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * VLOOKUP/HLOOKUP with approximate match of an uncertain number in a constant table whose keys are
 * ascending numbers (a tax bracket, a volume discount): a binary search over a double[] per lane.
 * On such a table Excel's binary search finds the last key less than or equal to the value, which
 * is what this computes. Lanes whose key is not a number go through the library function.
 */
final class SortedLookupNode extends Node {

    private final Node key;
    private final double[] keys;
    private final Scalar[] results;
    private final FunctionNode fallback;
    /** The results as a numeric column holds them, when every result is a number or an error (else null). */
    private final double[] numericResults;
    /** #N/A (no key at or below the value), then {@link #numericResults}: indexed by entry + 1. */
    private final double[] resultsAfterNa;

    private SortedLookupNode(int slot, Node key, double[] keys, Scalar[] results, FunctionNode fallback) {
        super(slot);
        this.key = key;
        this.keys = keys;
        this.results = results;
        this.fallback = fallback;
        double[] numbers = new double[results.length];
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof NumberValue num) {
                numbers[i] = num.value();
            } else if (results[i] instanceof ExcelError e) {
                numbers[i] = ErrorBits.of(e);
            } else {
                numbers = null;
                break;
            }
        }
        this.numericResults = numbers;
        if (numbers != null) {
            resultsAfterNa = new double[numbers.length + 1];
            resultsAfterNa[0] = NA;
            System.arraycopy(numbers, 0, resultsAfterNa, 1, numbers.length);
        } else {
            resultsAfterNa = null;
        }
    }

    /**
     * The node for {@code VLOOKUP(key, table, col[, TRUE])} or the HLOOKUP twin when the table
     * qualifies, else null.
     */
    static SortedLookupNode of(int slot, boolean vertical, FunctionNode call, CellContext context) {
        if (call.lanes[0] == null || call.lanes.length < 3 || call.constants[1] == null || call.constants[2] == null) {
            return null;
        }
        for (int a = 1; a < call.lanes.length; a++) {
            if (call.lanes[a] != null) {
                return null;
            }
        }
        if (call.lanes.length == 4 && !call.omitted[3] && !(call.constants[3] instanceof BooleanValue b
                && b.value()) && !(call.constants[3] instanceof NumberValue n && n.value() != 0)) {
            return null; // exact match: left to the library
        }
        if (call.lanes.length == 4 && call.omitted[3]) {
            return null; // VLOOKUP(k,t,2,) is an exact match
        }
        Value table = call.constants[1];
        Grid g;
        try {
            g = table instanceof ReferenceValue ref ? Arguments.toGrid(ref, context)
                    : table instanceof ArrayValue arr ? arr : null;
        } catch (RuntimeException e) {
            return null;
        }
        if (!(call.constants[2] instanceof NumberValue colValue) || g == null) {
            return null;
        }
        int index = (int) colValue.value();
        int entries = vertical ? g.rows() : g.cols();
        int width = vertical ? g.cols() : g.rows();
        if (index < 1 || index > width || entries == 0) {
            return null;
        }
        double[] keys = new double[entries];
        Scalar[] results = new Scalar[entries];
        for (int i = 0; i < entries; i++) {
            Scalar k = vertical ? g.get(i, 0) : g.get(0, i);
            if (!(k instanceof NumberValue n) || (i > 0 && n.value() < keys[i - 1])) {
                return null; // text, blanks or unsorted keys: Excel's search has its own rules there
            }
            keys[i] = n.value();
            results[i] = vertical ? g.get(i, index - 1) : g.get(index - 1, i);
        }
        return new SortedLookupNode(slot, call.lanes[0], keys, results, call);
    }

    @Override
    public Column evaluate(BlockState s) {
        Column k = key.evaluate(s);
        Column out = s.temp();
        if (numericResults != null && k.isNumeric()) {
            // numbers in, numbers out: no scalar per lane
            out.clearObjects();
            double[] x = k.num;
            double[] r = out.num;
            int n = s.count();
            // the entries the keys' bounds can reach
            int first = lastAtMost(k.low);
            int last = lastAtMost(k.high);
            if (k.noErrors && first >= 0 && first == last) {
                Arrays.fill(r, 0, n, numericResults[first]); // every key falls on the same entry
            } else if (k.noErrors && last - first <= SCANNED) {
                // only the keys after entry `first` up to `last` can move a lane off `first`: count
                // those at or below the lane's key (compares to 0/1, no branch to mispredict)
                double[] entries = resultsAfterNa;
                if (last == first + 1) {
                    double boundary = keys[last];
                    for (int i = 0; i < n; i++) {
                        r[i] = entries[first + 1 + (boundary <= x[i] ? 1 : 0)];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        double v = x[i];
                        int found = first;
                        for (int e = first + 1; e <= last; e++) {
                            found += keys[e] <= v ? 1 : 0;
                        }
                        r[i] = entries[found + 1];
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[i];
                    if (Double.isNaN(v)) {
                        r[i] = ErrorBits.of(ErrorBits.errorOf(v));
                    } else {
                        int found = lastAtMost(v);
                        r[i] = found < 0 ? NA : numericResults[found];
                    }
                }
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            boolean noErrors = k.noErrors && first >= 0;
            for (int e = Math.max(first, 0); e <= last; e++) {
                double v = numericResults[e];
                noErrors &= !Double.isNaN(v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo <= hi) {
                out.bound(lo, hi, noErrors);
            }
            s.release(k);
            return out;
        }
        out.reset();
        Column slow = null;
        int n = s.count();
        for (int i = 0; i < n; i++) {
            if (k.isObject(i)) {
                if (slow == null) {
                    slow = fallback.evaluate(s);
                }
                out.set(i, slow.scalar(i));
                continue;
            }
            double x = k.num[i];
            if (Double.isNaN(x)) {
                out.set(i, ErrorBits.errorOf(x));
                continue;
            }
            int found = lastAtMost(x);
            out.set(i, found < 0 ? ExcelError.NA : results[found]);
        }
        s.release(k);
        s.release(slow);
        return out;
    }

    private static final double NA = ErrorBits.of(ExcelError.NA);

    /** Tables up to this many keys are scanned (no branch to mispredict) rather than searched. */
    private static final int SCANNED = 16;

    /** Index of the last key <= x (not NaN; infinities are fine), or -1. */
    private int lastAtMost(double x) {
        if (keys.length <= SCANNED) {
            // the keys ascend, so those <= x are a prefix: its length less one
            int atMost = 0;
            for (double k : keys) {
                atMost += k <= x ? 1 : 0;
            }
            return atMost - 1;
        }
        int lo = 0;
        int hi = keys.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(key);
        visit.accept(fallback);
    }
}
