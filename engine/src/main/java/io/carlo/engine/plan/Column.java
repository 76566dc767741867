package io.carlo.engine.plan;

import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.Arrays;

/**
 * The values of one cell or expression for every lane (iteration) of a block, in two views:
 * {@code num} is what arithmetic reads (numbers, booleans as 1/0, text coerced to a number or
 * #VALUE!, blank as 0, errors as NaN payloads), {@code obj} holds the lanes whose value is not a
 * plain number (booleans, text, blanks) and is null when there are none, which is the common
 * case and keeps numeric kernels to one array.
 */
public final class Column {

    public final double[] num;
    public Scalar[] obj;
    /**
     * Every lane that is not an error holds a boolean (1 or 0 in {@code num}), and {@code obj} is
     * null: how comparisons store their results without an object per lane.
     */
    public boolean booleans;
    private Scalar[] spare;
    /** A scratch column of a {@link BlockState}, given back after use. */
    boolean temporary;
    /**
     * What a kernel knows of this block's values, so that the kernels reading them can skip checks
     * that cannot fire (an overflow test when no product can overflow, an error test when no lane
     * holds an error): every lane of {@code num} that is not an error (NaN) lies in [low, high],
     * and when {@code noErrors} holds, every lane is a finite number. Writing lanes forgets it
     * (unbounded: [-inf, inf], errors possible); a kernel states it after computing its column.
     */
    double low = Double.NEGATIVE_INFINITY;
    double high = Double.POSITIVE_INFINITY;
    boolean noErrors;

    public Column(int lanes) {
        this.num = new double[lanes];
    }

    /** The lane's value as a scalar. */
    public Scalar scalar(int lane) {
        if (obj != null && obj[lane] != null) {
            return obj[lane];
        }
        double v = num[lane];
        if (Double.isNaN(v)) {
            return ErrorBits.errorOf(v);
        }
        return booleans ? BooleanValue.of(v != 0) : NumberValue.of(v);
    }

    /** Stores a scalar in a lane, with its numeric view. */
    public void set(int lane, Scalar v) {
        if (booleans) {
            throw new IllegalStateException("reset() a boolean column before setting lanes one by one");
        }
        unbounded();
        switch (v) {
            case NumberValue n -> {
                num[lane] = n.value();
                if (obj != null) {
                    obj[lane] = null;
                }
            }
            case ExcelError e -> {
                num[lane] = ErrorBits.of(e);
                if (obj != null) {
                    obj[lane] = null;
                }
            }
            default -> {
                if (obj == null) {
                    obj = spareArray();
                }
                obj[lane] = v;
                num[lane] = numericView(v);
            }
        }
    }

    /** How a non-number reads in arithmetic. */
    static double numericView(Scalar v) {
        return switch (v) {
            case BooleanValue b -> b.value() ? 1 : 0;
            case BlankValue b -> 0;
            case TextValue t -> {
                try {
                    yield Coerce.toNumber(t);
                } catch (ErrorSignal e) {
                    yield ErrorBits.of(e.error());
                }
            }
            case NumberValue n -> n.value();
            case ExcelError e -> ErrorBits.of(e);
        };
    }

    /** Copies lanes [0, count) of another column. */
    public void copyFrom(Column c, int count) {
        System.arraycopy(c.num, 0, num, 0, count);
        if (c.obj == null) {
            clearObjects();
            booleans = c.booleans;
        } else {
            booleans = false;
            if (obj == null) {
                obj = spareArray();
            }
            System.arraycopy(c.obj, 0, obj, 0, count);
        }
        low = c.low;
        high = c.high;
        noErrors = c.noErrors;
    }

    /** Forgets what is known of the values (see {@link #low}). */
    void unbounded() {
        low = Double.NEGATIVE_INFINITY;
        high = Double.POSITIVE_INFINITY;
        noErrors = false;
    }

    /**
     * States that every lane that is not an error lies in [low, high] and, with {@code noErrors},
     * that every lane is a finite number. A NaN bound (from inf - inf, 0 x inf) states nothing.
     */
    void bound(double low, double high, boolean noErrors) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            unbounded();
            return;
        }
        this.low = low;
        this.high = high;
        this.noErrors = noErrors;
    }

    /** States the bounds of lanes [0, count) by looking at them (for values from outside the plan). */
    void measure(int count) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean finite = true;
        for (int i = 0; i < count; i++) {
            double v = num[i];
            if (Double.isNaN(v)) {
                finite = false;
            } else {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                finite &= Double.isFinite(v);
            }
        }
        if (lo > hi) {
            unbounded(); // every lane an error (or none)
        } else {
            bound(lo, hi, finite);
        }
    }

    private Scalar[] spareArray() {
        Scalar[] a = spare != null ? spare : new Scalar[num.length];
        spare = null;
        return a;
    }

    /**
     * Forgets non-number lanes: every lane is then a number or an error read from {@code num}; and
     * forgets the bounds of the values, which the kernel about to write the lanes states anew.
     */
    public void clearObjects() {
        booleans = false;
        unbounded();
        if (obj != null) {
            Arrays.fill(obj, null);
            spare = obj;
            obj = null;
        }
    }

    /** Prepares the column for lanes written one by one with {@link #set}. */
    public void reset() {
        clearObjects();
    }

    /** Whether lane {@code i} holds a non-number (boolean, text or blank). */
    public boolean isObject(int i) {
        return booleans ? !Double.isNaN(num[i]) : obj != null && obj[i] != null;
    }

    /** Whether lane {@code i} holds text (the only kind a numeric kernel cannot read from {@code num}). */
    public boolean isText(int i) {
        return obj != null && obj[i] instanceof TextValue;
    }

    /** Every lane is a number or an error. */
    public boolean isNumeric() {
        return obj == null && !booleans;
    }
}
