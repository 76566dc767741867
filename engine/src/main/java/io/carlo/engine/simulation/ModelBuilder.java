package io.carlo.engine.simulation;

import io.carlo.engine.eval.CellContext;
import io.carlo.engine.eval.Interpreter;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.FormulaParser;
import io.carlo.engine.formula.FormulaPrinter;
import io.carlo.engine.formula.FormulaSyntaxException;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.formula.WorkbookParseContext;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.plan.Plan;
import io.carlo.engine.plan.PlanCompiler;
import io.carlo.engine.plan.SimulationFunctions;
import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.sampling.RiskCalls;
import io.carlo.engine.sampling.RiskDistributionCall;
import io.carlo.engine.sampling.correlation.CorrelationException;
import io.carlo.engine.sampling.correlation.CorrelationMatrix;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Workbook;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a workbook plus the user's choices into a {@link SimulationModel}: finds the inputs (given
 * as {@code 'Sheet'!B3=Normal(100,10)} or written in cells as {@code RiskNormal(100,10)}) and the
 * outputs (given, or marked with {@code RiskOutput()}), computes the cone of cells between them, and
 * compiles that cone into a vector plan. Everything else is computed once.
 */
public final class ModelBuilder {

    /** Functions that draw random numbers: a cell calling one is uncertain even without inputs. */
    private static final Set<String> RANDOM_FUNCTIONS = Set.of("RAND", "RANDBETWEEN", "RANDARRAY");

    /** Functions whose references are computed at run time, unknown to the dependency graph. */
    private static final Set<String> DYNAMIC_REFERENCES = Set.of("INDIRECT", "OFFSET");

    private final WorkbookEvaluator base;
    private final Interpreter interpreter;
    private final List<String> inputSpecs = new ArrayList<>();
    private final List<String> outputSpecs = new ArrayList<>();
    private final List<String> correlationSpecs = new ArrayList<>();
    private String correlationMethod = "iman-conover";

    public ModelBuilder(WorkbookEvaluator base) {
        this.base = base;
        this.interpreter = new Interpreter(FunctionLibrary.standard());
    }

    /** An input as the command line gives it: {@code 'Sheet'!B3=Normal(100,10)}. */
    public ModelBuilder input(String spec) {
        inputSpecs.add(spec);
        return this;
    }

    /** An output cell or defined name: {@code 'Sheet'!D10}. */
    public ModelBuilder output(String spec) {
        outputSpecs.add(spec);
        return this;
    }

    /** A rank correlation between two inputs: {@code 'Sheet'!B3,'Sheet'!B4=0.6}. */
    public ModelBuilder correlate(String spec) {
        correlationSpecs.add(spec);
        return this;
    }

    /** How correlations are induced: {@code iman-conover} (default), {@code gaussian} or {@code t:DF}. */
    public ModelBuilder correlationMethod(String method) {
        this.correlationMethod = method;
        return this;
    }

    public SimulationModel build(long seed) {
        Workbook wb = base.workbook();
        List<InputDefinition> inputs = new ArrayList<>();
        Map<CellAddress, Integer> cellInputs = new LinkedHashMap<>();
        for (String spec : inputSpecs) {
            InputDefinition in = parseInput(spec);
            if (cellInputs.containsKey(in.cell())) {
                throw new ModelException(spec + ": cell " + wb.describe(in.cell()) + " is given twice as an input");
            }
            cellInputs.put(in.cell(), inputs.size());
            inputs.add(in);
        }
        // distributions written in cells, unless the command line replaces the cell
        Map<CellAddress, Expr> rewritten = new HashMap<>();
        List<OutputDefinition> declaredOutputs = new ArrayList<>();
        Set<CellAddress> randomCells = new HashSet<>();
        Set<CellAddress> dynamicCells = new HashSet<>();
        for (ParsedFormula f : base.formulas().all()) {
            if (f.expr() == null || cellInputs.containsKey(f.cell())) {
                continue;
            }
            InCellScan scan = new InCellScan(f.cell(), inputs);
            Expr e = scan.rewrite(f.expr());
            if (scan.found > 0) {
                rewritten.put(f.cell(), e);
            }
            if (scan.outputName != null) {
                declaredOutputs.add(new OutputDefinition(f.cell(), scan.outputName));
            }
            if (scan.random) {
                randomCells.add(f.cell());
            }
            if (scan.dynamic) {
                dynamicCells.add(f.cell());
            }
        }
        List<OutputDefinition> outputs = new ArrayList<>();
        for (String spec : outputSpecs) {
            outputs.add(parseOutput(spec));
        }
        if (outputs.isEmpty()) {
            outputs.addAll(declaredOutputs);
        }
        if (outputs.isEmpty()) {
            throw new ModelException("no outputs: give --output 'Sheet'!CELL or mark output cells with RiskOutput()");
        }
        if (inputs.isEmpty() && randomCells.isEmpty()) {
            throw new ModelException("no inputs: give --input 'Sheet'!CELL=Normal(100,10) or write distributions "
                    + "such as RiskNormal(100,10) in the workbook");
        }

        DependencyGraph graph = base.graph();
        List<CellAddress> outputCells = outputs.stream().map(OutputDefinition::cell).toList();
        Set<CellAddress> needed = new HashSet<>(graph.orderFor(outputCells));
        Set<CellAddress> sources = new HashSet<>(cellInputs.keySet());
        for (InputDefinition in : inputs) {
            sources.add(in.cell());
        }
        sources.addAll(randomCells);
        Set<CellAddress> reachable = reachableFrom(sources, graph);
        boolean dynamic = dynamicCells.stream().anyMatch(needed::contains);
        List<CellAddress> cone = new ArrayList<>();
        for (CellAddress a : graph.order()) {
            boolean inCone = reachable.contains(a) && (needed.contains(a) || dynamic);
            if (inCone || (dynamic && dynamicCells.contains(a) && needed.contains(a))) {
                cone.add(a);
            }
        }
        // inputs on constant cells are not formula cells: they lead the plan
        List<CellAddress> planCells = new ArrayList<>();
        for (CellAddress a : cellInputs.keySet()) {
            if (!graph.isFormula(a)) {
                planCells.add(a);
            }
        }
        planCells.addAll(cone);
        Map<CellAddress, Expr> formulas = new HashMap<>();
        for (CellAddress a : planCells) {
            ParsedFormula f = base.formulas().get(a);
            if (f != null && f.expr() != null) {
                formulas.put(a, rewritten.getOrDefault(a, f.expr()));
            }
        }
        // the anchors of array formulas whose members are uncertain
        for (CellAddress a : planCells) {
            ParsedFormula f = base.formulas().get(a);
            if (f != null && f.isArray() && !formulas.containsKey(f.arrayAnchor())) {
                ParsedFormula anchor = base.formulas().get(f.arrayAnchor());
                if (anchor != null && anchor.expr() != null) {
                    formulas.put(f.arrayAnchor(), rewritten.getOrDefault(f.arrayAnchor(), anchor.expr()));
                }
            }
        }
        FunctionLibrary library = FunctionLibrary.standard().plus(new SimulationFunctions());
        Plan plan = PlanCompiler.compile(base, library, planCells, cellInputs, formulas, inputs.size(), seed);
        return new SimulationModel(base, inputs, outputs, plan, correlation(inputs));
    }

    /** The rank correlations asked for, as a matrix over the inputs they involve (null when none). */
    private InputCorrelation correlation(List<InputDefinition> inputs) {
        if (correlationSpecs.isEmpty()) {
            return null;
        }
        List<Integer> involved = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String spec : correlationSpecs) {
            ModelSpecText.Correlation written = ModelSpecText.correlation(spec);
            double rho = written.coefficient();
            int a = inputAt(inputs, written.first(), spec);
            int b = inputAt(inputs, written.second(), spec);
            if (a == b) {
                throw new ModelException("correlation '" + spec + "': an input cannot be correlated with itself");
            }
            for (int x : new int[] {a, b}) {
                if (!involved.contains(x)) {
                    involved.add(x);
                }
            }
            pairs.add(new int[] {involved.indexOf(a), involved.indexOf(b)});
            values.add(rho);
        }
        int k = involved.size();
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1;
        }
        for (int p = 0; p < pairs.size(); p++) {
            m[pairs.get(p)[0]][pairs.get(p)[1]] = values.get(p);
            m[pairs.get(p)[1]][pairs.get(p)[0]] = values.get(p);
        }
        List<String> labels = involved.stream().map(i -> inputs.get(i).label()).toList();
        try {
            return InputCorrelation.withMethod(involved.stream().mapToInt(Integer::intValue).toArray(),
                    CorrelationMatrix.of(labels, m), correlationMethod);
        } catch (CorrelationException e) {
            throw new ModelException("correlation: " + e.getMessage());
        }
    }

    private int inputAt(List<InputDefinition> inputs, String cellText, String spec) {
        CellAddress cell = parseCell(cellText, "correlation '" + spec + "'");
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).cell().equals(cell)) {
                return i;
            }
        }
        throw new ModelException("correlation '" + spec + "': " + base.workbook().describe(cell) + " is not an input");
    }

    private static Set<CellAddress> reachableFrom(Set<CellAddress> sources, DependencyGraph graph) {
        Map<CellAddress, List<CellAddress>> dependents = new HashMap<>();
        for (CellAddress a : graph.order()) {
            for (CellAddress p : graph.precedents(a)) {
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(a);
            }
        }
        for (CellAddress s : sources) {
            if (!graph.isFormula(s)) {
                dependents.put(s, graph.readersOf(s)); // a constant cell is no node of the graph
            }
        }
        Set<CellAddress> seen = new HashSet<>(sources);
        ArrayDeque<CellAddress> todo = new ArrayDeque<>(sources);
        while (!todo.isEmpty()) {
            for (CellAddress d : dependents.getOrDefault(todo.pop(), List.of())) {
                if (seen.add(d)) {
                    todo.push(d);
                }
            }
        }
        return seen;
    }

    // ---- command-line specs ------------------------------------------------------------------

    private InputDefinition parseInput(String spec) {
        ModelSpecText.Input written = ModelSpecText.input(spec);
        CellAddress cell = parseCell(written.cell(), "input '" + spec + "'");
        String text = written.distribution();
        Expr e;
        try {
            e = FormulaParser.parse(text, context(cell));
        } catch (FormulaSyntaxException ex) {
            throw new ModelException("input '" + spec + "': " + ex.getMessage());
        }
        if (!(e instanceof Expr.Call call)) {
            throw new ModelException("input '" + spec + "': expected a distribution such as Normal(100,10) after '='");
        }
        String where = base.workbook().describe(cell);
        return distribution(cell, call, -1, where, text);
    }

    private OutputDefinition parseOutput(String spec) {
        CellAddress cell = parseCell(spec.strip(), "output '" + spec + "'");
        return new OutputDefinition(cell, base.workbook().describe(cell));
    }

    /** A single cell given as {@code 'Sheet'!B3}, {@code B3} (first sheet) or a defined name. */
    private CellAddress parseCell(String text, String what) {
        Workbook wb = base.workbook();
        Expr e;
        try {
            e = FormulaParser.parse(text, new WorkbookParseContext(wb, 0, 0, 0));
        } catch (FormulaSyntaxException ex) {
            throw new ModelException(what + ": '" + text + "' is not a cell reference");
        }
        if (e instanceof Expr.Name n) {
            e = base.formulas().name(n.name(), 0)
                    .orElseThrow(() -> new ModelException(what + ": no sheet cell or defined name '" + text + "'"));
        }
        if (e instanceof Expr.ErrorLiteral) {
            throw new ModelException(what + ": no such sheet in '" + text + "' (sheets: "
                    + String.join(", ", wb.sheets().stream().map(s -> s.name()).toList()) + ")");
        }
        if (!(e instanceof Expr.Reference r) || !r.isCell()) {
            throw new ModelException(what + ": '" + text + "' must be a single cell");
        }
        return new CellAddress(r.firstSheet(), r.firstRow(), r.firstCol());
    }

    private WorkbookParseContext context(CellAddress cell) {
        return new WorkbookParseContext(base.workbook(), cell.sheet(), cell.row(), cell.col());
    }

    // ---- distributions -----------------------------------------------------------------------

    /**
     * A distribution call with its arguments evaluated in its cell: numbers, ranges or arrays for
     * the parameters, and @RISK property functions (RiskName, RiskTruncate, RiskShift...).
     */
    private InputDefinition distribution(CellAddress cell, Expr.Call call, int ordinal, String where, String text) {
        try {
            RiskDistributionCall parsed = RiskDistributionCall.parse(call,
                    a -> values(a, cell, where + ": " + call.name() + " argument"),
                    a -> text(a, cell));
            String label = parsed.label() != null ? parsed.label()
                    : ordinal < 0 ? where : where + (ordinal > 0 ? "#" + (ordinal + 1) : "");
            Distribution d = parsed.distribution();
            double baseValue = ordinal < 0 && base.value(cell) instanceof NumberValue n ? n.value() : parsed.staticValue(d);
            return new InputDefinition(cell, label, d, ordinal, text, baseValue);
        } catch (DistributionException e) {
            throw new ModelException(where + ": " + e.getMessage());
        }
    }

    private Value evaluate(Expr e, CellAddress cell) {
        return interpreter.evaluate(e, CellContext.of(base, cell.sheet(), cell.row(), cell.col(), true));
    }

    /** An argument's numbers: one for a single value, several for a range or array. */
    private double[] values(Expr e, CellAddress cell, String what) {
        Value v = evaluate(e, cell);
        Grid g = switch (v) {
            case ReferenceValue ref -> ArrayValue.copyOf(base.read(ref.first()));
            case ArrayValue a -> a;
            case Scalar s -> Grid.of(s);
        };
        List<Double> out = new ArrayList<>();
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                Scalar s = g.get(r, c);
                if (s instanceof NumberValue n) {
                    out.add(n.value());
                } else if (g.size() == 1 || !(s instanceof BlankValue)) {
                    throw new ModelException(what + " must be a number, got " + s);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private String text(Expr e, CellAddress cell) {
        CellContext c = CellContext.of(base, cell.sheet(), cell.row(), cell.col(), false);
        Scalar s = Arguments.toScalar(interpreter.evaluate(e, c), c);
        return s instanceof TextValue t ? t.value() : s.toString();
    }

    /**
     * Walks one formula in reading order: replaces each distribution call with CARLO.INPUT(k) and
     * registers the input; notes RiskOutput, RAND and INDIRECT/OFFSET.
     */
    private final class InCellScan {
        private final CellAddress cell;
        private final List<InputDefinition> inputs;
        int found;
        String outputName;
        boolean random;
        boolean dynamic;

        InCellScan(CellAddress cell, List<InputDefinition> inputs) {
            this.cell = cell;
            this.inputs = inputs;
        }

        Expr rewrite(Expr e) {
            return switch (e) {
                case Expr.Call c -> call(c);
                case Expr.Unary u -> {
                    Expr x = rewrite(u.operand());
                    yield x == u.operand() ? u : new Expr.Unary(u.op(), x);
                }
                case Expr.Binary b -> {
                    Expr l = rewrite(b.left());
                    Expr r = rewrite(b.right());
                    yield l == b.left() && r == b.right() ? b : new Expr.Binary(b.op(), l, r);
                }
                default -> e;
            };
        }

        private Expr call(Expr.Call c) {
            String name = c.name();
            if (RiskCalls.isDistribution(name)) {
                String where = base.workbook().describe(cell);
                InputDefinition in = distribution(cell, c, found, where,
                        new FormulaPrinter(base.workbook()::quotedSheetName, cell.sheet())
                                .print(c));
                found++;
                int k = inputs.size();
                inputs.add(in);
                return new Expr.Call(PlanCompiler.INPUT_FUNCTION, List.of(new Expr.NumberLiteral(k)));
            }
            if (RiskCalls.isOutput(name)) {
                outputName = base.workbook().describe(cell);
                if (!c.args().isEmpty() && c.args().get(0) instanceof Expr.TextLiteral t && !t.value().isBlank()) {
                    outputName = t.value();
                }
            }
            if (RANDOM_FUNCTIONS.contains(name)) {
                random = true;
            }
            if (DYNAMIC_REFERENCES.contains(name)) {
                dynamic = true;
            }
            List<Expr> args = new ArrayList<>(c.args().size());
            boolean changed = false;
            for (Expr a : c.args()) {
                Expr x = rewrite(a);
                changed |= x != a;
                args.add(x);
            }
            return changed ? new Expr.Call(name, args) : c;
        }
    }
}
