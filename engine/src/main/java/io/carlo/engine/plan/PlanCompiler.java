package io.carlo.engine.plan;

import io.carlo.engine.eval.CellContext;
import io.carlo.engine.eval.Interpreter;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Sheet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the uncertain cells of a model (the cone between inputs and outputs, in dependency
 * order) into vector kernels. Everything outside the cone has already been computed once by the
 * scalar evaluator and enters the plan as constants. Expressions with a kernel (arithmetic,
 * comparisons, IF, IFERROR, ROUND, SUM...) become {@link Node}s; anything else is evaluated lane by
 * lane by the interpreter ({@link GenericNode}), so every formula runs, only slower.
 */
public final class PlanCompiler {

    /** The function the simulation substitutes for a distribution written in a cell: CARLO.INPUT(k). */
    public static final String INPUT_FUNCTION = "CARLO.INPUT";

    /** Ranges larger than this inside SUM & co. are left to the interpreter instead of unrolled. */
    private static final int MAX_UNROLLED_RANGE = 4096;

    private final WorkbookEvaluator base;
    private final List<CellAddress> cone;
    private final int[][][] coneIndex;
    private final Map<CellAddress, Integer> cellInputs;
    private final Map<CellAddress, Expr> formulas;
    private final Interpreter folding;
    private final FunctionLibrary library = FunctionLibrary.standard();
    private int slots;
    private int currentCell;

    /**
     * @param cone       the uncertain cells in evaluation order
     * @param cellInputs cells replaced as a whole by an input (given on the command line) to the input's index
     * @param formulas   the formulas of cone cells, with in-cell distributions already replaced by
     *                   {@code CARLO.INPUT(k)}
     */
    private PlanCompiler(WorkbookEvaluator base, List<CellAddress> cone, Map<CellAddress, Integer> cellInputs,
                         Map<CellAddress, Expr> formulas) {
        this.base = base;
        this.cone = cone;
        this.cellInputs = cellInputs;
        this.formulas = formulas;
        this.folding = new Interpreter(FunctionLibrary.standard());
        this.coneIndex = new int[base.workbook().sheets().size()][][];
        for (Sheet s : base.workbook().sheets()) {
            int[][] rows = new int[s.lastRow() + 1][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new int[s.rowWidth(r)];
                Arrays.fill(rows[r], -1);
            }
            coneIndex[s.index()] = rows;
        }
        for (int i = 0; i < cone.size(); i++) {
            CellAddress a = cone.get(i);
            int[][] rows = coneIndex[a.sheet()];
            if (a.row() >= rows.length || a.col() >= rows[a.row()].length) {
                // an input given on an empty cell: widen that row of the index
                int[][] grown = a.row() >= rows.length ? Arrays.copyOf(rows, a.row() + 1) : rows;
                for (int r = rows.length; r < grown.length; r++) {
                    grown[r] = new int[0];
                }
                int[] row = grown[a.row()];
                if (a.col() >= row.length) {
                    int old = row.length;
                    row = Arrays.copyOf(row, a.col() + 1);
                    Arrays.fill(row, old, row.length, -1);
                    grown[a.row()] = row;
                }
                coneIndex[a.sheet()] = grown;
                rows = grown;
            }
            rows[a.row()][a.col()] = i;
        }
    }

    public static Plan compile(WorkbookEvaluator base, FunctionLibrary library, List<CellAddress> cone,
                               Map<CellAddress, Integer> cellInputs, Map<CellAddress, Expr> formulas,
                               int inputCount, long seed) {
        PlanCompiler c = new PlanCompiler(base, cone, cellInputs, formulas);
        Node[] roots = new Node[cone.size()];
        for (int i = 0; i < cone.size(); i++) {
            c.currentCell = i;
            roots[i] = c.compileCell(cone.get(i));
        }
        return new Plan(base, library, List.copyOf(cone), roots, c.slots, inputCount, c.coneIndex, seed);
    }

    private int slot() {
        return slots++;
    }

    private Node compileCell(CellAddress cell) {
        Integer input = cellInputs.get(cell);
        if (input != null) {
            return new InputNode(slot(), input);
        }
        ParsedFormula f = base.formulas().get(cell);
        Expr expr = formulas.get(cell);
        if (f == null || expr == null) {
            return new ConstantNode(slot(), base.value(cell));
        }
        if (f.isArray()) {
            CellAddress anchor = f.arrayAnchor();
            Expr anchorExpr = formulas.getOrDefault(anchor, expr);
            return new GenericNode(slot(), anchorExpr, anchor.sheet(), anchor.row(), anchor.col(),
                    GenericNode.Role.ARRAY_CELL, cell.row() - anchor.row(), cell.col() - anchor.col(), currentCell);
        }
        if (!vectorizable(expr)) {
            return generic(expr, cell, GenericNode.Role.CELL);
        }
        return compile(expr, cell);
    }

    private GenericNode generic(Expr e, CellAddress host, GenericNode.Role role) {
        return new GenericNode(slot(), e, host.sheet(), host.row(), host.col(), role, 0, 0, currentCell);
    }

    /** Whether the top of an expression has a kernel (its sub-expressions may still go generic). */
    private static boolean vectorizable(Expr e) {
        return switch (e) {
            case Expr.Binary b -> b.op() != BinaryOp.CONCAT && b.op() != BinaryOp.RANGE && b.op() != BinaryOp.UNION
                    && b.op() != BinaryOp.INTERSECT;
            case Expr.Call c -> KERNEL_FUNCTIONS.contains(c.name());
            case Expr.Unary u -> true;
            case Expr.Reference r -> !r.is3d();
            default -> true;
        };
    }

    private static final Set<String> KERNEL_FUNCTIONS = Set.of(
            INPUT_FUNCTION, "IF", "IFERROR", "IFNA", "ROUND", "ROUNDUP", "ROUNDDOWN", "ABS", "INT", "SQRT", "EXP",
            "LN", "SUM", "AVERAGE", "MIN", "MAX", "NPV", "IRR");

    /** Compiles an expression whose value is used as one value per lane (an operand). */
    private Node compile(Expr e, CellAddress host) {
        if (!(e instanceof Expr.Reference) && !(e instanceof Expr.Call c && c.name().equals(INPUT_FUNCTION))
                && isConstant(e, host.sheet(), 0)) {
            return folded(e, host);
        }
        if (e instanceof Expr.Binary || e instanceof Expr.Call) {
            // identical sub-expressions of different formulas are computed once per block
            SharedKey key = new SharedKey(e, host.sheet(), hostDependent(e) ? host : null);
            SharedNode shared = sharedNodes.get(key);
            if (shared == null) {
                shared = new SharedNode(slot(), compileFresh(e, host));
                sharedNodes.put(key, shared);
            } else {
                shared.addUser();
            }
            return shared;
        }
        return compileFresh(e, host);
    }

    /** A sub-expression's identity: the same tree on the same sheet (and cell, when its value depends on it). */
    private record SharedKey(Expr expr, int sheet, CellAddress host) {
    }

    private final Map<SharedKey, SharedNode> sharedNodes = new HashMap<>();

    /** Whether an expression's value depends on the cell it is in (implicit intersection, ROW(), names...). */
    private static boolean hostDependent(Expr e) {
        return switch (e) {
            case Expr.Reference r -> !r.isCell();
            case Expr.Name n -> true;
            case Expr.Unary u -> hostDependent(u.operand());
            case Expr.Binary b -> hostDependent(b.left()) || hostDependent(b.right());
            // random functions draw a stream per cell: never shared between cells
            case Expr.Call c -> c.args().isEmpty() || c.args().stream().anyMatch(PlanCompiler::hostDependent)
                    || c.name().equals("ROW") || c.name().equals("COLUMN") || c.name().startsWith("RAND");
            default -> false;
        };
    }

    private Node compileFresh(Expr e, CellAddress host) {
        return switch (e) {
            case Expr.NumberLiteral n -> constant(NumberValue.of(n.value()));
            case Expr.TextLiteral t -> constant(new TextValue(t.value()));
            case Expr.BooleanLiteral b -> constant(BooleanValue.of(b.value()));
            case Expr.ErrorLiteral err -> constant(err.error());
            case Expr.ArrayLiteral a -> constant(a.value().get(0, 0));
            case Expr.Missing m -> constant(BlankValue.BLANK);
            case Expr.Reference r -> reference(r, host, e);
            case Expr.Unary u -> switch (u.op()) {
                case PLUS -> compile(u.operand(), host);
                case NEGATE -> new UnaryNode(slot(), false, compile(u.operand(), host));
                case PERCENT -> new UnaryNode(slot(), true, compile(u.operand(), host));
            };
            case Expr.Binary b -> binary(b, host);
            case Expr.Call c -> call(c, host);
            case Expr.Name n -> base.formulas().name(n.name(), host.sheet())
                    .filter(x -> x instanceof Expr.Reference r && !r.is3d())
                    .map(x -> reference((Expr.Reference) x, host, x))
                    .orElseGet(() -> generic(e, host, GenericNode.Role.OPERAND));
        };
    }

    /** Functions whose result can change between iterations although their arguments do not. */
    private static final Set<String> NOT_FOLDABLE = Set.of(INPUT_FUNCTION, "RAND",
            "RANDBETWEEN", "RANDARRAY", "INDIRECT", "OFFSET", "NOW", "TODAY");

    /**
     * Whether no uncertain cell, input or random function reaches an expression: then it is computed
     * once at compile time (a lookup into a constant table inside a formula that also reads an
     * input, say), instead of once per iteration.
     */
    private boolean isConstant(Expr e, int sheet, int depth) {
        return switch (e) {
            case Expr.Reference r -> {
                for (Area a : r.areas()) {
                    if (touchesCone(a)) {
                        yield false;
                    }
                }
                yield true;
            }
            case Expr.Name n -> depth < 16 && base.formulas().name(n.name(), sheet)
                    .map(x -> isConstant(x, sheet, depth + 1)).orElse(true);
            case Expr.Unary u -> isConstant(u.operand(), sheet, depth);
            case Expr.Binary b -> isConstant(b.left(), sheet, depth) && isConstant(b.right(), sheet, depth);
            case Expr.Call c -> {
                if (NOT_FOLDABLE.contains(c.name()) || c.name().equals("LET")) {
                    yield false;
                }
                for (Expr a : c.args()) {
                    if (!isConstant(a, sheet, depth)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> true;
        };
    }

    private boolean touchesCone(Area a) {
        if (a.sheet() < 0 || a.sheet() >= coneIndex.length) {
            return false;
        }
        int[][] rows = coneIndex[a.sheet()];
        int lastRow = Math.min(a.lastRow(), rows.length - 1);
        for (int r = a.firstRow(); r <= lastRow; r++) {
            int[] row = rows[r];
            int lastCol = Math.min(a.lastCol(), row.length - 1);
            for (int c = a.firstCol(); c <= lastCol; c++) {
                if (row[c] >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value of a constant expression, computed now by the formula engine. */
    private Node folded(Expr e, CellAddress host) {
        CellContext c = CellContext.of(base, host.sheet(), host.row(),
                host.col(), false);
        Value v = folding.evaluate(e, c);
        return constant(Arguments.toScalar(Interpreter.operand(v, c), c));
    }

    private Node constant(Scalar v) {
        return new ConstantNode(slot(), v);
    }

    /** A reference used as one value: a cell, or a range reduced by implicit intersection with the host. */
    private Node reference(Expr.Reference r, CellAddress host, Expr original) {
        if (r.is3d()) {
            return generic(original, host, GenericNode.Role.OPERAND);
        }
        int row = r.firstRow();
        int col = r.firstCol();
        if (!r.isCell()) {
            // as Arguments.intersect: the host's row or column, whatever sheet the range is on
            if (r.firstCol() == r.lastCol() && host.row() >= r.firstRow() && host.row() <= r.lastRow()) {
                row = host.row();
            } else if (r.firstRow() == r.lastRow() && host.col() >= r.firstCol() && host.col() <= r.lastCol()) {
                col = host.col();
            } else {
                return constant(ExcelError.VALUE);
            }
        }
        return cell(r.firstSheet(), row, col);
    }

    private Node cell(int sheet, int row, int col) {
        int k = coneCell(sheet, row, col);
        if (k >= 0) {
            return new CellNode(slot(), k);
        }
        return constant(base.value(sheet, row, col));
    }

    private int coneCell(int sheet, int row, int col) {
        if (sheet < 0 || sheet >= coneIndex.length) {
            return -1;
        }
        int[][] rows = coneIndex[sheet];
        return row >= 0 && row < rows.length && col >= 0 && col < rows[row].length ? rows[row][col] : -1;
    }

    private Node binary(Expr.Binary b, CellAddress host) {
        return switch (b.op()) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, POWER ->
                    new ArithmeticNode(slot(), b.op(), compile(b.left(), host), compile(b.right(), host));
            case EQ, NE, LT, LE, GT, GE ->
                    new CompareNode(slot(), b.op(), compile(b.left(), host), compile(b.right(), host));
            default -> generic(b, host, GenericNode.Role.OPERAND);
        };
    }

    private Node call(Expr.Call c, CellAddress host) {
        List<Expr> args = c.args();
        int n = args.size();
        switch (c.name()) {
            case INPUT_FUNCTION -> {
                return new InputNode(slot(), (int) ((Expr.NumberLiteral) args.get(0)).value());
            }
            case "IF" -> {
                if (n >= 1 && n <= 3) {
                    return ifNode(args, host);
                }
            }
            case "IFERROR", "IFNA" -> {
                if (n == 2) {
                    return new IfErrorNode(slot(), compile(args.get(0), host), compile(args.get(1), host),
                            c.name().equals("IFNA"));
                }
            }
            case "ROUND", "ROUNDUP", "ROUNDDOWN" -> {
                if (n == 2) {
                    return new MathNode(slot(), MathNode.Function.valueOf(c.name()), compile(args.get(0), host),
                            compile(args.get(1), host));
                }
            }
            case "ABS", "INT", "SQRT", "EXP", "LN" -> {
                if (n == 1) {
                    return new MathNode(slot(), MathNode.Function.valueOf(c.name()), compile(args.get(0), host), null);
                }
            }
            case "SUM", "AVERAGE", "MIN", "MAX" -> {
                Node agg = aggregate(c, host);
                if (agg != null) {
                    return agg;
                }
            }
            case "NPV", "IRR" -> {
                Node flows = cashFlow(c, host);
                if (flows != null) {
                    return flows;
                }
            }
            default -> {
            }
        }
        Node direct = functionNode(c, host);
        return direct != null ? direct : generic(c, host, GenericNode.Role.OPERAND);
    }

    /**
     * A library function whose uncertain arguments are all single values: called lane by lane with
     * its constant arguments computed once. Null when that does not apply (volatile functions, an
     * uncertain range argument, arrays that would lift the function, LET...).
     */
    private Node functionNode(Expr.Call c, CellAddress host) {
        var def = library.find(c.name()).orElse(null);
        if (def == null || def.isVolatile() || NOT_FOLDABLE.contains(c.name())) {
            return null;
        }
        int n = c.args().size();
        if (n < def.minArgs() || n > def.maxArgs()) {
            return null;
        }
        CellContext context = CellContext.of(base, host.sheet(), host.row(),
                host.col(), false);
        Value[] constants = new Value[n];
        Node[] lanes = new Node[n];
        boolean[] omitted = new boolean[n];
        for (int i = 0; i < n; i++) {
            Expr a = c.args().get(i);
            if (a instanceof Expr.Missing) {
                constants[i] = BlankValue.BLANK;
                omitted[i] = true;
                continue;
            }
            ArgKind kind = def.kind(i);
            if (isConstant(a, host.sheet(), 0)) {
                Value v = kind == ArgKind.ARRAY
                        ? folding.evaluate(a, context.withArrayMode(true)) : folding.evaluate(a, context);
                if (kind == ArgKind.VALUE) {
                    v = Interpreter.operand(v, context);
                    if (v instanceof ArrayValue) {
                        return null; // the function would be lifted over the array
                    }
                }
                constants[i] = v;
            } else if (kind == ArgKind.VALUE && !(a instanceof Expr.ArrayLiteral)) {
                lanes[i] = compile(a, host);
            } else {
                return null;
            }
        }
        FunctionNode call = new FunctionNode(slot(), def, constants, lanes, omitted, context);
        if (c.name().equals("VLOOKUP") || c.name().equals("HLOOKUP")) {
            Node sorted = SortedLookupNode.of(slot(), c.name().equals("VLOOKUP"), call, context);
            if (sorted != null) {
                return sorted;
            }
        }
        return call;
    }

    private Node ifNode(List<Expr> args, CellAddress host) {
        Node test = compile(args.get(0), host);
        Node then = null;
        Scalar thenConstant = null;
        if (args.size() < 2) {
            thenConstant = BooleanValue.TRUE;
        } else if (args.get(1) instanceof Expr.Missing) {
            thenConstant = NumberValue.ZERO;
        } else {
            then = compile(args.get(1), host);
        }
        Node otherwise = null;
        Scalar otherwiseConstant = null;
        if (args.size() < 3) {
            otherwiseConstant = BooleanValue.FALSE;
        } else if (args.get(2) instanceof Expr.Missing) {
            otherwiseConstant = NumberValue.ZERO;
        } else {
            otherwise = compile(args.get(2), host);
        }
        return new IfNode(slot(), test, then, thenConstant, otherwise, otherwiseConstant);
    }

    /** SUM/AVERAGE/MIN/MAX unrolled into parts in reading order, or null when an argument needs the interpreter. */
    private Node aggregate(Expr.Call c, CellAddress host) {
        List<AggregateNode.Part> parts = parts(c.args(), host);
        return parts == null ? null : new AggregateNode(slot(), AggregateNode.Function.valueOf(c.name()), parts);
    }

    /** NPV(rate, values...) and IRR(range[, guess]) with the flows gathered lane by lane. */
    private Node cashFlow(Expr.Call c, CellAddress host) {
        List<Expr> args = c.args();
        if (c.name().equals("NPV")) {
            if (args.size() < 2 || args.get(0) instanceof Expr.Missing || !vectorizable(args.get(0))) {
                return null;
            }
            List<AggregateNode.Part> parts = parts(args.subList(1, args.size()), host);
            return parts == null ? null : new CashFlowNode(slot(), false, compile(args.get(0), host), parts);
        }
        if (args.isEmpty() || args.size() > 2 || !(args.get(0) instanceof Expr.Reference)) {
            return null; // IRR of an array expression: the interpreter
        }
        List<AggregateNode.Part> parts = parts(args.subList(0, 1), host);
        Node guess = args.size() == 2 && !(args.get(1) instanceof Expr.Missing) ? compile(args.get(1), host)
                : constant(NumberValue.of(0.1));
        return parts == null ? null : new CashFlowNode(slot(), true, guess, parts);
    }

    /** Arguments gathered like NumberCollector does, as kernel parts; null when one needs the interpreter. */
    private List<AggregateNode.Part> parts(List<Expr> argExprs, CellAddress host) {
        List<AggregateNode.Part> parts = new ArrayList<>();
        for (Expr a : argExprs) {
            if (a instanceof Expr.Missing) {
                parts.add(new AggregateNode.Typed(constant(NumberValue.ZERO)));
            } else if (a instanceof Expr.Reference r) {
                if (r.is3d() || !addRange(r, parts)) {
                    return null;
                }
            } else if (a instanceof Expr.Name || a instanceof Expr.ArrayLiteral || !vectorizable(a)
                    || a instanceof Expr.Call call && !KERNEL_FUNCTIONS.contains(call.name())) {
                return null;
            } else {
                parts.add(new AggregateNode.Typed(compile(a, host)));
            }
        }
        return parts;
    }

    private boolean addRange(Expr.Reference r, List<AggregateNode.Part> parts) {
        Sheet sheet = base.workbook().sheet(r.firstSheet());
        int lastRow = Math.min(r.lastRow(), Math.max(sheet.lastRow(), 0));
        int lastCol = Math.min(r.lastCol(), Math.max(sheet.lastCol(), 0));
        if (r.firstRow() == 0 && r.lastRow() == Area.MAX_ROW || r.firstCol() == 0 && r.lastCol() == Area.MAX_COL) {
            return false; // whole columns: leave to the interpreter, which clips them
        }
        long cells = (long) (lastRow - r.firstRow() + 1) * (lastCol - r.firstCol() + 1);
        if (cells > MAX_UNROLLED_RANGE) {
            return false;
        }
        for (int row = r.firstRow(); row <= lastRow; row++) {
            for (int col = r.firstCol(); col <= lastCol; col++) {
                int k = coneCell(r.firstSheet(), row, col);
                if (k >= 0) {
                    parts.add(new AggregateNode.RangeCell(new CellNode(slot(), k)));
                    continue;
                }
                Scalar v = base.value(r.firstSheet(), row, col);
                if (v instanceof NumberValue num) {
                    parts.add(new AggregateNode.RangeConstant(num.value()));
                } else if (v instanceof ExcelError err) {
                    parts.add(new AggregateNode.RangeConstant(ErrorBits.of(err)));
                }
            }
        }
        return true;
    }
}
