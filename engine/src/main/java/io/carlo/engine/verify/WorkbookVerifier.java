package io.carlo.engine.verify;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.inspect.FunctionUsage;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Workbook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recomputes every formula of a workbook from its constants and compares each result with the value
 * Excel cached in the file: the proof that Carlo computes what Excel computes, on the user's model.
 */
public final class WorkbookVerifier {

    /** Relative tolerance: Excel and Carlo may round the last bits of a long computation differently. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private WorkbookVerifier() {
    }

    public static VerifyReport verify(WorkbookEvaluator evaluator, FunctionLibrary library) {
        Workbook wb = evaluator.workbook();
        DependencyGraph graph = evaluator.graph();
        FunctionUsage usage = FunctionUsage.of(evaluator.formulas(), library);
        Set<CellAddress> unsupported = new HashSet<>(usage.unsupportedFormulaCells());
        for (ParsedFormula f : evaluator.formulas().all()) {
            if (f.error() != null) {
                unsupported.add(f.cell());
            }
        }
        Set<CellAddress> volatileCells = downstream(graph, usage.nondeterministicCells());
        volatileCells.removeAll(unsupported);
        evaluator.evaluateAll();

        int compared = 0;
        int matched = 0;
        int noCached = 0;
        List<VerifyReport.Mismatch> mismatches = new ArrayList<>();
        int mismatched = 0;
        for (ParsedFormula f : evaluator.formulas().all()) {
            CellAddress a = f.cell();
            if (unsupported.contains(a) || volatileCells.contains(a)) {
                continue;
            }
            Cell cell = wb.cell(a.sheet(), a.row(), a.col());
            if (!cell.hasCachedValue()) {
                noCached++;
                continue;
            }
            compared++;
            Scalar actual = evaluator.value(a);
            if (same(cell.value(), actual)) {
                matched++;
            } else {
                mismatched++;
                if (mismatches.size() < VerifyReport.MAX_MISMATCHES) {
                    String formula = evaluator.formulaTextOf(a);
                    mismatches.add(new VerifyReport.Mismatch(wb.describe(a), formula, show(cell.value()), show(actual)));
                }
            }
        }
        return new VerifyReport(evaluator.formulas().size(), compared, matched, mismatched, unsupported.size(),
                noCached, volatileCells.size(), usage.unsupported(), mismatches);
    }

    /** The cells that read, directly or not, one of {@code sources} (sources included). */
    private static Set<CellAddress> downstream(DependencyGraph graph, Set<CellAddress> sources) {
        Set<CellAddress> out = new HashSet<>(sources);
        if (sources.isEmpty()) {
            return out;
        }
        for (CellAddress a : graph.order()) {
            for (CellAddress p : graph.precedents(a)) {
                if (out.contains(p)) {
                    out.add(a);
                    break;
                }
            }
        }
        return out;
    }

    static boolean same(Scalar expected, Scalar actual) {
        if (expected instanceof NumberValue e && actual instanceof NumberValue a) {
            double diff = Math.abs(e.value() - a.value());
            return diff <= RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(e.value()));
        }
        return expected.equals(actual);
    }

    private static String show(Scalar v) {
        if (v instanceof TextValue t) {
            return "\"" + t.value() + "\"";
        }
        if (v instanceof NumberValue n) {
            return io.carlo.engine.value.NumberFormatter.general(n.value());
        }
        return v.toString();
    }
}
