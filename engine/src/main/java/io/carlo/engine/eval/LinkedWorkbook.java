package io.carlo.engine.eval;

import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A workbook loaded, its formulas parsed once and linked into the dependency graph: what inspect,
 * verify and every simulation start from. Immutable, so one instance may serve many evaluators and
 * threads.
 */
public record LinkedWorkbook(Workbook workbook, WorkbookFormulas formulas, DependencyGraph graph) {

    public static LinkedWorkbook load(Path file) {
        return of(new WorkbookLoader().load(file));
    }

    public static LinkedWorkbook load(InputStream in, String label, WorkbookLoader.Limits limits) {
        return of(new WorkbookLoader(limits).load(in, label));
    }

    public static LinkedWorkbook of(Workbook wb) {
        WorkbookFormulas formulas = WorkbookFormulas.parse(wb);
        return new LinkedWorkbook(wb, formulas, DependencyGraph.build(formulas));
    }

    /** A fresh evaluator over the workbook with the standard function library (each has its own cell cache). */
    public WorkbookEvaluator evaluator() {
        return new WorkbookEvaluator(formulas, graph, FunctionLibrary.standard(), WorkbookEvaluator.Options.defaults());
    }
}
