package io.carlo.engine.simulation;

import io.carlo.engine.plan.BlockState;
import io.carlo.engine.plan.Plan;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CellAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the compiled plan once with every input at its base value (the value the workbook
 * holds, or the distribution's static value) and compares each uncertain cell with the scalar
 * evaluator: the vector kernels must compute exactly what the formula engine computes.
 */
public final class DeterministicCheck {

    /** A cell where the plan and the scalar evaluator disagree. */
    public record Difference(String cell, String formula, Scalar plan, Scalar scalar) {
    }

    private DeterministicCheck() {
    }

    public static List<Difference> run(SimulationModel model) {
        Plan plan = model.plan();
        double[][] samples = new double[model.inputs().size()][1];
        for (int k = 0; k < samples.length; k++) {
            samples[k][0] = model.inputs().get(k).baseValue();
        }
        BlockState state = plan.newState(1);
        plan.evaluate(state, 0, 1, samples);
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < plan.cells().size(); i++) {
            CellAddress a = plan.cells().get(i);
            Scalar vector = state.cell(i).scalar(0);
            Scalar scalar = model.base().value(a);
            if (!vector.equals(scalar)) {
                out.add(new Difference(model.base().workbook().describe(a), model.base().formulaTextOf(a), vector, scalar));
            }
        }
        return out;
    }
}
