package io.carlo.engine.simulation;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.plan.Plan;
import java.util.List;

/**
 * A workbook ready to simulate: its inputs and outputs, the deterministic evaluation of every cell
 * no input reaches, and the compiled plan of the cells between inputs and outputs.
 */
public record SimulationModel(WorkbookEvaluator base, List<InputDefinition> inputs, List<OutputDefinition> outputs,
                              Plan plan, InputCorrelation correlation) {

    public SimulationModel {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
