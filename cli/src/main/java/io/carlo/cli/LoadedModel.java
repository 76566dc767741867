package io.carlo.cli;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Path;

/** A workbook loaded, parsed and linked into its dependency graph, as every command needs it. */
record LoadedModel(Workbook workbook, WorkbookFormulas formulas, DependencyGraph graph) {

    static LoadedModel load(Path file) {
        Workbook wb = new WorkbookLoader().load(file);
        WorkbookFormulas formulas = WorkbookFormulas.parse(wb);
        return new LoadedModel(wb, formulas, DependencyGraph.build(formulas));
    }

    WorkbookEvaluator evaluator() {
        return new WorkbookEvaluator(formulas, graph, FunctionLibrary.standard(), WorkbookEvaluator.Options.defaults());
    }
}
