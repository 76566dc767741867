package io.carlo.engine.plan;

import io.carlo.engine.eval.CellContext;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ExcelError;

/**
 * Functions only the simulation defines: {@code CARLO.INPUT(k)} stands where a workbook wrote a
 * distribution ({@code RiskNormal(...)}) and returns input k's sample for the current iteration,
 * also when the formula around it runs through the interpreter.
 */
public final class SimulationFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.scalar(PlanCompiler.INPUT_FUNCTION, 1, 1, args -> {
            if (args.context() instanceof CellContext c && c.source() instanceof LaneCells lanes) {
                return lanes.state().inputs[args.integer(0)].scalar(lanes.lane());
            }
            return ExcelError.NAME;
        });
    }
}
