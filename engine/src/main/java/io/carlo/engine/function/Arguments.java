package io.carlo.engine.function;

import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluated arguments of one function call, with Excel's coercions. Arguments declared
 * {@link ArgKind#VALUE} always hold a {@link Scalar} here; {@link ArgKind#RANGE} and
 * {@link ArgKind#ARRAY} arguments hold whatever the expression produced (reference, array or
 * scalar). The typed getters throw {@link ErrorSignal} on an error value or a failed coercion.
 */
public final class Arguments {

    private final Value[] values;
    private final boolean[] omitted;
    private final FunctionContext context;

    public Arguments(Value[] values, boolean[] omitted, FunctionContext context) {
        this.values = values;
        this.omitted = omitted;
        this.context = context;
    }

    public int size() {
        return values.length;
    }

    /** The argument was written but left empty, as the last one in {@code VLOOKUP(a,b,2,)}. */
    public boolean isOmitted(int i) {
        return i < values.length && omitted[i];
    }

    /** The argument exists (possibly written empty). */
    public boolean has(int i) {
        return i < values.length;
    }

    public FunctionContext context() {
        return context;
    }

    /** The argument as evaluated: a scalar, an array or a reference. */
    public Value value(int i) {
        return values[i];
    }

    /**
     * The argument as one scalar. A single-cell reference is read; a larger reference or array is
     * reduced the way Excel reduces a range given where one value is wanted (implicit intersection
     * with the host cell, or the top-left element of an array).
     */
    public Scalar scalar(int i) {
        return toScalar(values[i], context);
    }

    public double number(int i) {
        return Coerce.toNumber(scalar(i));
    }

    public double number(int i, double absent) {
        return has(i) ? number(i) : absent;
    }

    /** A number truncated toward zero, as Excel treats integer parameters. */
    public int integer(int i) {
        double d = number(i);
        if (d >= Integer.MAX_VALUE || d <= Integer.MIN_VALUE) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return (int) d;
    }

    public int integer(int i, int absent) {
        return has(i) ? integer(i) : absent;
    }

    public String text(int i) {
        return Coerce.toText(scalar(i));
    }

    public String text(int i, String absent) {
        return has(i) ? text(i) : absent;
    }

    public boolean bool(int i) {
        return Coerce.toBoolean(scalar(i));
    }

    public boolean bool(int i, boolean absent) {
        return has(i) ? bool(i) : absent;
    }

    /** The argument as a grid of values: a reference's single area, an array, or a lone scalar. */
    public Grid grid(int i) {
        return toGrid(values[i], context);
    }

    /** Every area of a reference argument (several for a union or 3-D reference), or the array/scalar. */
    public List<Grid> grids(int i) {
        if (values[i] instanceof ReferenceValue ref) {
            List<Grid> out = new ArrayList<>(ref.areas().size());
            for (Area a : ref.areas()) {
                out.add(context.read(a));
            }
            return out;
        }
        return List.of(toGrid(values[i], context));
    }

    /** The argument as a reference, or #VALUE! when it is not one (ROW, OFFSET, ISREF...). */
    public ReferenceValue reference(int i) {
        if (values[i] instanceof ReferenceValue ref) {
            return ref;
        }
        throw ErrorSignal.of(ExcelError.VALUE);
    }

    public boolean isReference(int i) {
        return values[i] instanceof ReferenceValue;
    }

    /** Reads a value as a grid; a multi-area reference is #VALUE! here (see {@link #grids(int)}). */
    public static Grid toGrid(Value v, FunctionContext context) {
        return switch (v) {
            case ReferenceValue ref -> {
                if (!ref.isSingleArea()) {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
                yield context.read(ref.first());
            }
            case ArrayValue a -> a;
            case Scalar s -> Grid.of(s);
        };
    }

    /** Reduces any value to one scalar (see {@link #scalar(int)}). */
    public static Scalar toScalar(Value v, FunctionContext context) {
        return switch (v) {
            case Scalar s -> s;
            case ArrayValue a -> a.get(0, 0);
            case ReferenceValue ref -> intersect(ref, context);
        };
    }

    /**
     * Implicit intersection: a single cell is read; a one-column range yields the cell on the host's
     * row, a one-row range the cell in the host's column (on the range's sheet); otherwise #VALUE!.
     */
    public static Scalar intersect(ReferenceValue ref, FunctionContext context) {
        if (!ref.isSingleArea()) {
            return ExcelError.VALUE;
        }
        Area a = ref.first();
        if (a.isSingleCell()) {
            return context.cell(a.sheet(), a.firstRow(), a.firstCol());
        }
        // Excel intersects with the host cell's row or column number whatever sheet the range is on:
        // =Data!A1:A10 in Tests!B3 reads Data!A3.
        if (a.firstCol() == a.lastCol() && context.hostRow() >= a.firstRow() && context.hostRow() <= a.lastRow()) {
            return context.cell(a.sheet(), context.hostRow(), a.firstCol());
        }
        if (a.firstRow() == a.lastRow() && context.hostCol() >= a.firstCol() && context.hostCol() <= a.lastCol()) {
            return context.cell(a.sheet(), a.firstRow(), context.hostCol());
        }
        return ExcelError.VALUE;
    }
}
