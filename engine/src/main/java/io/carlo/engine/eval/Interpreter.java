package io.carlo.engine.eval;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.Expr.Binary;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.formula.Expr.Call;
import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionDef;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.sampling.RiskCalls;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Evaluates a formula's syntax tree for one cell with Excel's semantics: implicit intersection of
 * ranges in ordinary formulas, element-wise array arithmetic in array formulas (and wherever an
 * operand is an array), functions lifted over arrays for their single-value arguments.
 *
 * <p>This is the reference ("scalar") evaluator: one value at a time. The simulation engine compiles
 * formulas into vector kernels instead; this interpreter defines what they must compute.
 */
public final class Interpreter {

    private final FunctionLibrary library;
    private final Map<String, FunctionDef> resolved = new HashMap<>();

    public Interpreter(FunctionLibrary library) {
        this.library = library;
    }

    public Value evaluate(Expr e, CellContext c) {
        return switch (e) {
            case Expr.NumberLiteral n -> NumberValue.of(n.value());
            case Expr.TextLiteral t -> new TextValue(t.value());
            case Expr.BooleanLiteral b -> BooleanValue.of(b.value());
            case Expr.ErrorLiteral err -> err.error();
            case Expr.ArrayLiteral a -> a.value();
            case Expr.Missing m -> BlankValue.BLANK;
            case Expr.Reference r -> r.is3d() ? new ReferenceValue(r.areas())
                    : ReferenceValue.of(new Area(r.firstSheet(), r.firstRow(), r.firstCol(), r.lastRow(), r.lastCol()));
            case Expr.Name n -> c.name(n.name(), this);
            case Expr.Unary u -> unary(u, c);
            case Binary b -> binary(b, c);
            case Call call -> call(call, c);
        };
    }

    private Value unary(Expr.Unary u, CellContext c) {
        Value v = operand(evaluate(u.operand(), c), c);
        return switch (u.op()) {
            case PLUS -> v;
            case NEGATE -> map(v, Operators::negate);
            case PERCENT -> map(v, Operators::percent);
        };
    }

    private Value binary(Binary b, CellContext c) {
        return switch (b.op()) {
            case RANGE, UNION, INTERSECT -> referenceOperator(b.op(), evaluate(b.left(), c), evaluate(b.right(), c));
            default -> {
                Value l = operand(evaluate(b.left(), c), c);
                Value r = operand(evaluate(b.right(), c), c);
                BinaryOp op = b.op();
                yield zip(l, r, (x, y) -> Operators.binary(op, x, y));
            }
        };
    }

    /**
     * An operand of an operator: a range becomes its values in an array formula and one value by
     * implicit intersection otherwise; a single cell is read.
     */
    public static Value operand(Value v, CellContext c) {
        if (v instanceof ReferenceValue ref) {
            if (ref.isSingleArea() && ref.first().isSingleCell()) {
                Area a = ref.first();
                return c.cell(a.sheet(), a.firstRow(), a.firstCol());
            }
            if (c.arrayMode()) {
                if (!ref.isSingleArea()) {
                    return ExcelError.VALUE;
                }
                return ArrayValue.copyOf(c.read(ref.first()));
            }
            return Arguments.intersect(ref, c);
        }
        return v;
    }

    private static Value map(Value v, UnaryOperator<Scalar> f) {
        if (v instanceof ArrayValue a) {
            return a.map(f);
        }
        return f.apply((Scalar) v);
    }

    /** Element-wise combination with Excel's broadcasting: a single row or column repeats, a missing element is #N/A. */
    static Value zip(Value l, Value r, BinaryOperator<Scalar> f) {
        if (l instanceof Scalar a && r instanceof Scalar b) {
            return f.apply(a, b);
        }
        Grid gl = l instanceof ArrayValue al ? al : Grid.of((Scalar) l);
        Grid gr = r instanceof ArrayValue ar ? ar : Grid.of((Scalar) r);
        int rows = broadcastSize(gl.rows(), gr.rows());
        int cols = broadcastSize(gl.cols(), gr.cols());
        Scalar[] out = new Scalar[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = f.apply(element(gl, i, j), element(gr, i, j));
            }
        }
        return ArrayValue.of(rows, cols, out);
    }

    static int broadcastSize(int a, int b) {
        if (a == 1) {
            return b;
        }
        if (b == 1) {
            return a;
        }
        return Math.max(a, b);
    }

    public static Scalar element(Grid g, int row, int col) {
        int r = g.rows() == 1 ? 0 : row;
        int c = g.cols() == 1 ? 0 : col;
        if (r >= g.rows() || c >= g.cols()) {
            return ExcelError.NA;
        }
        return g.get(r, c);
    }

    // ---- reference operators -------------------------------------------------------------------

    /** The reference operators : , and space, on two operands that must both be references. */
    private static Value referenceOperator(BinaryOp op, Value l, Value r) {
        if (l instanceof ExcelError e) {
            return e;
        }
        if (r instanceof ExcelError e) {
            return e;
        }
        if (!(l instanceof ReferenceValue a) || !(r instanceof ReferenceValue b)) {
            return ExcelError.VALUE;
        }
        return switch (op) {
            case RANGE -> span(a, b);
            case UNION -> {
                List<Area> areas = new ArrayList<>(a.areas());
                areas.addAll(b.areas());
                yield new ReferenceValue(areas);
            }
            default -> intersect(a, b);
        };
    }

    /** {@code A1:INDEX(...)}: the smallest area covering both operands, on one sheet. */
    private static Value span(ReferenceValue a, ReferenceValue b) {
        Area span = null;
        List<Area> all = new ArrayList<>(a.areas());
        all.addAll(b.areas());
        for (Area x : all) {
            span = span == null ? x : span.span(x);
            if (span == null) {
                return ExcelError.REF;
            }
        }
        return ReferenceValue.of(span);
    }

    private static Value intersect(ReferenceValue a, ReferenceValue b) {
        List<Area> out = new ArrayList<>();
        for (Area x : a.areas()) {
            for (Area y : b.areas()) {
                Area i = x.intersect(y);
                if (i != null) {
                    out.add(i);
                }
            }
        }
        return out.isEmpty() ? ExcelError.NULL : new ReferenceValue(out);
    }

    // ---- function calls ------------------------------------------------------------------------

    private Value call(Call call, CellContext c) {
        if (call.name().equals("LET")) {
            return let(call, c);
        }
        FunctionDef def = resolve(call.name());
        if (def == null) {
            return RiskCalls.isDistribution(call.name()) ? RiskStaticValue.of(call, c, this) : ExcelError.NAME;
        }
        List<Expr> argExprs = call.args();
        int n = argExprs.size();
        if (n < def.minArgs() || n > def.maxArgs()) {
            return ExcelError.VALUE;
        }
        Value[] values = new Value[n];
        boolean[] omitted = new boolean[n];
        boolean lift = false;
        for (int i = 0; i < n; i++) {
            Expr a = argExprs.get(i);
            if (a instanceof Expr.Missing) {
                values[i] = BlankValue.BLANK;
                omitted[i] = true;
                continue;
            }
            ArgKind kind = def.kind(i);
            Value v = switch (kind) {
                case VALUE -> operand(evaluate(a, c), c);
                case RANGE -> evaluate(a, c);
                case ARRAY -> evaluate(a, c.withArrayMode(true));
            };
            if (kind == ArgKind.VALUE && v instanceof ArrayValue) {
                lift = true;
            }
            values[i] = v;
        }
        if (lift) {
            return lifted(def, values, omitted, c);
        }
        return invoke(def, values, omitted, c);
    }

    private FunctionDef resolve(String name) {
        FunctionDef def = resolved.get(name);
        if (def == null && !resolved.containsKey(name)) {
            def = library.find(name).orElse(null);
            resolved.put(name, def);
        }
        return def;
    }

    private static Value invoke(FunctionDef def, Value[] values, boolean[] omitted, CellContext c) {
        try {
            Value r = def.body().apply(new Arguments(values, omitted, c));
            return r == null ? BlankValue.BLANK : r;
        } catch (ErrorSignal e) {
            return e.error();
        }
    }

    /** Applies a function element by element over the array given to its single-value arguments. */
    private static Value lifted(FunctionDef def, Value[] values, boolean[] omitted, CellContext c) {
        int rows = 1;
        int cols = 1;
        for (int i = 0; i < values.length; i++) {
            if (def.kind(i) == ArgKind.VALUE && values[i] instanceof ArrayValue a) {
                rows = broadcastSize(rows, a.rows());
                cols = broadcastSize(cols, a.cols());
            }
        }
        Scalar[] out = new Scalar[rows * cols];
        Value[] each = new Value[values.length];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                for (int i = 0; i < values.length; i++) {
                    each[i] = def.kind(i) == ArgKind.VALUE && values[i] instanceof ArrayValue a
                            ? element(a, r, col) : values[i];
                }
                out[r * cols + col] = Arguments.toScalar(invoke(def, each.clone(), omitted, c), c);
            }
        }
        return ArrayValue.of(rows, cols, out);
    }

    /** LET(name1, value1, [name2, value2, ...], calculation): names are bound in order. */
    private Value let(Call call, CellContext c) {
        List<Expr> args = call.args();
        if (args.size() < 3 || args.size() % 2 == 0) {
            return ExcelError.VALUE;
        }
        CellContext scope = c;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!(args.get(i) instanceof Expr.Name name)) {
                return ExcelError.VALUE;
            }
            Value v = evaluate(args.get(i + 1), scope);
            scope = scope.withLocal(name.name().toUpperCase(Locale.ROOT), v);
        }
        return evaluate(args.get(args.size() - 1), scope);
    }
}
