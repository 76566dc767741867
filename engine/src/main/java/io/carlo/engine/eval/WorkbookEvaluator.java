package io.carlo.engine.eval;

import io.carlo.engine.formula.FormulaPrinter;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ExcelDates;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.FormulaSource;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Computes a workbook's formula cells from its constants, in dependency order, with the
 * {@link Interpreter}. Cells reached only through INDIRECT or OFFSET are computed on demand when
 * first read. A circular reference is an error naming its cells, unless the workbook enables
 * iterative calculation, in which case the cycle is iterated as Excel does.
 *
 * <p>Not thread-safe: one evaluator per thread.
 */
public final class WorkbookEvaluator implements CellSource {

    /**
     * @param random uniform numbers in [0,1) for RAND and its relatives
     * @param now    the current date-time as an Excel serial number, for NOW and TODAY
     */
    public record Options(DoubleSupplier random, double now) {
        public static Options defaults() {
            Random rnd = new Random();
            double now = ExcelDates.toSerial(LocalDate.now())
                    + LocalTime.now().toSecondOfDay() / 86400.0;
            return new Options(rnd::nextDouble, now);
        }
    }

    private static final byte PENDING = 0;
    private static final byte RUNNING = 1;
    private static final byte DONE = 2;

    private final Workbook workbook;
    private final WorkbookFormulas formulas;
    private final DependencyGraph graph;
    private final Interpreter interpreter;
    private final Options options;
    private final Scalar[][][] values;
    private final byte[][][] state;
    private final Map<CellAddress, Grid> arrayResults = new HashMap<>();
    private boolean iterating;

    public WorkbookEvaluator(WorkbookFormulas formulas, DependencyGraph graph, FunctionLibrary library, Options options) {
        this.workbook = formulas.workbook();
        this.formulas = formulas;
        this.graph = graph;
        this.interpreter = new Interpreter(library);
        this.options = options;
        int sheets = workbook.sheets().size();
        this.values = new Scalar[sheets][][];
        this.state = new byte[sheets][][];
        for (Sheet s : workbook.sheets()) {
            int rows = s.lastRow() + 1;
            values[s.index()] = new Scalar[rows][];
            state[s.index()] = new byte[rows][];
            for (int r = 0; r < rows; r++) {
                values[s.index()][r] = new Scalar[s.rowWidth(r)];
                state[s.index()][r] = new byte[s.rowWidth(r)];
            }
        }
    }

    /** Parses, builds the graph and prepares an evaluator with default options. */
    public static WorkbookEvaluator of(Workbook workbook) {
        WorkbookFormulas f = WorkbookFormulas.parse(workbook);
        return new WorkbookEvaluator(f, DependencyGraph.build(f), FunctionLibrary.standard(), Options.defaults());
    }

    @Override
    public Workbook workbook() {
        return workbook;
    }

    @Override
    public WorkbookFormulas formulas() {
        return formulas;
    }

    public DependencyGraph graph() {
        return graph;
    }

    @Override
    public double random() {
        return options.random().getAsDouble();
    }

    @Override
    public double now() {
        return options.now();
    }

    /** Computes every formula cell. */
    public void evaluateAll() {
        for (List<CellAddress> component : graph.components()) {
            evaluateComponent(component);
        }
    }

    /** Computes only what the given cells need. */
    public void evaluate(Collection<CellAddress> targets) {
        List<CellAddress> order = graph.orderFor(targets);
        for (CellAddress a : order) {
            value(a.sheet(), a.row(), a.col());
        }
    }

    private void evaluateComponent(List<CellAddress> component) {
        boolean cyclic = component.size() > 1 || graph.precedents(component.get(0)).contains(component.get(0));
        if (!cyclic) {
            CellAddress a = component.get(0);
            value(a.sheet(), a.row(), a.col());
            return;
        }
        if (!workbook.calculation().iterative()) {
            throw new CircularReferenceException(describe(component));
        }
        iterate(component);
    }

    /** Excel's iterative calculation: recompute the cycle until no value moves more than maxChange. */
    private void iterate(List<CellAddress> cycle) {
        iterating = true;
        try {
            for (CellAddress a : cycle) {
                values[a.sheet()][a.row()][a.col()] = NumberValue.ZERO;
                state[a.sheet()][a.row()][a.col()] = DONE;
            }
            int limit = workbook.calculation().maxIterations();
            for (int i = 0; i < limit; i++) {
                double maxChange = 0;
                for (CellAddress a : cycle) {
                    Scalar before = values[a.sheet()][a.row()][a.col()];
                    Scalar after = compute(a.sheet(), a.row(), a.col());
                    values[a.sheet()][a.row()][a.col()] = after;
                    maxChange = Math.max(maxChange, change(before, after));
                }
                if (maxChange <= workbook.calculation().maxChange()) {
                    break;
                }
            }
        } finally {
            iterating = false;
        }
    }

    private static double change(Scalar before, Scalar after) {
        if (before instanceof NumberValue b && after instanceof NumberValue a) {
            return Math.abs(a.value() - b.value());
        }
        return before.equals(after) ? 0 : Double.POSITIVE_INFINITY;
    }

    private List<String> describe(List<CellAddress> cells) {
        List<String> out = new ArrayList<>();
        for (CellAddress a : cells) {
            out.add(workbook.describe(a));
        }
        return out;
    }

    /** The value of a cell: its constant, or its formula's result (computed now if needed). */
    public Scalar value(CellAddress a) {
        return value(a.sheet(), a.row(), a.col());
    }

    @Override
    public Scalar value(int sheet, int row, int col) {
        if (sheet < 0 || sheet >= values.length) {
            return ExcelError.REF;
        }
        Scalar[][] sv = values[sheet];
        if (row < 0 || row >= sv.length || col < 0 || col >= sv[row].length) {
            return BlankValue.BLANK;
        }
        Scalar v = sv[row][col];
        if (v != null && state[sheet][row][col] == DONE) {
            return v;
        }
        Cell cell = workbook.cell(sheet, row, col);
        if (cell == null) {
            return BlankValue.BLANK;
        }
        if (!cell.isFormula()) {
            sv[row][col] = cell.value();
            state[sheet][row][col] = DONE;
            return cell.value();
        }
        if (state[sheet][row][col] == RUNNING) {
            if (iterating || workbook.calculation().iterative()) {
                return v == null ? NumberValue.ZERO : v;
            }
            throw new CircularReferenceException(List.of(workbook.describe(new CellAddress(sheet, row, col))));
        }
        state[sheet][row][col] = RUNNING;
        Scalar result;
        try {
            result = compute(sheet, row, col);
        } catch (RuntimeException | StackOverflowError e) {
            state[sheet][row][col] = PENDING;
            throw e;
        }
        sv[row][col] = result;
        state[sheet][row][col] = DONE;
        return result;
    }

    private Scalar compute(int sheet, int row, int col) {
        ParsedFormula f = formulas.get(sheet, row, col);
        if (f == null || (f.expr() == null && !f.isArray())) {
            return ExcelError.NAME; // unparseable formula: reported by verify/inspect, never a silent 0
        }
        if (f.isArray()) {
            Grid g = arrayResult(f.arrayAnchor());
            Scalar v = Interpreter.element(g, row - f.arrayAnchor().row(), col - f.arrayAnchor().col());
            return v instanceof BlankValue ? NumberValue.ZERO : v;
        }
        CellContext c = new CellContext(this, sheet, row, col, false);
        return toCellValue(interpreter.evaluate(f.expr(), c), c);
    }

    /** The whole result of an array formula, computed once for all the cells of its range. */
    private Grid arrayResult(CellAddress anchor) {
        Grid g = arrayResults.get(anchor);
        if (g != null) {
            return g;
        }
        ParsedFormula f = formulas.get(anchor);
        if (f == null || f.expr() == null) {
            g = Grid.of(ExcelError.NAME);
        } else {
            CellContext c = new CellContext(this, anchor.sheet(), anchor.row(), anchor.col(), true);
            g = arrayGrid(interpreter.evaluate(f.expr(), c), this);
        }
        arrayResults.put(anchor, g);
        return g;
    }

    /** An array formula's result as a grid: a reference is read, a single value is a 1x1 grid. */
    public static Grid arrayGrid(Value v, CellSource source) {
        return switch (v) {
            case ReferenceValue ref -> ref.isSingleArea() ? ArrayValue.copyOf(source.read(ref.first()))
                    : Grid.of(ExcelError.VALUE);
            case ArrayValue a -> a;
            case Scalar s -> Grid.of(s);
        };
    }

    /** What a cell shows for a formula result: one value; a reference to an empty cell shows 0. */
    public static Scalar toCellValue(Value v, CellContext c) {
        Scalar s = switch (v) {
            case Scalar x -> x;
            case ArrayValue a -> a.get(0, 0);
            case ReferenceValue ref -> Arguments.intersect(ref, c);
        };
        return s instanceof BlankValue ? NumberValue.ZERO : s;
    }

    /** A view of an area's values; whole columns and rows are clipped to the sheet's used range. */
    @Override
    public Grid read(Area area) {
        if (area.sheet() < 0 || area.sheet() >= values.length) {
            return Grid.of(ExcelError.REF);
        }
        Sheet s = workbook.sheet(area.sheet());
        int lastRow = area.lastRow();
        int lastCol = area.lastCol();
        if (area.firstRow() == 0 && lastRow == Area.MAX_ROW) {
            lastRow = Math.max(0, Math.min(lastRow, s.lastRow()));
        }
        if (area.firstCol() == 0 && lastCol == Area.MAX_COL) {
            lastCol = Math.max(0, Math.min(lastCol, s.lastCol()));
        }
        int rows = lastRow - area.firstRow() + 1;
        int cols = lastCol - area.firstCol() + 1;
        int sheet = area.sheet();
        int r0 = area.firstRow();
        int c0 = area.firstCol();
        return new Grid() {
            @Override
            public int rows() {
                return Math.max(rows, 1);
            }

            @Override
            public int cols() {
                return Math.max(cols, 1);
            }

            @Override
            public Scalar get(int row, int col) {
                return value(sheet, r0 + row, c0 + col);
            }
        };
    }

    /** A formula cell's text with '=', or "" for a constant. */
    public String formulaTextOf(CellAddress a) {
        return formulaText(a.sheet(), a.row(), a.col()).orElse("");
    }

    /** A cell's formula as text with '=' (moved to the cell for shared formulas). */
    @Override
    public Optional<String> formulaText(int sheet, int row, int col) {
        ParsedFormula f = formulas.get(sheet, row, col);
        if (f == null) {
            return Optional.empty();
        }
        Cell cell = workbook.cell(sheet, row, col);
        if (f.expr() == null || cell.formula().kind() != FormulaSource.Kind.SHARED) {
            return Optional.of("=" + cell.formula().text());
        }
        return Optional.of("=" + new FormulaPrinter(workbook::quotedSheetName, sheet).print(f.expr()));
    }
}
