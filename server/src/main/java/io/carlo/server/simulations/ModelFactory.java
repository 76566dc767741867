package io.carlo.server.simulations;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.Sampling;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.stats.StatisticsOptions;
import java.util.List;

/**
 * Turns a stored {@link SimulationSpec} into the engine's model and settings, the same way at
 * creation (to refuse a bad model at once, with the engine's message naming the cell) and in the
 * worker (to run it).
 */
final class ModelFactory {

    private ModelFactory() {
    }

    static SimulationModel model(LinkedWorkbook workbook, SimulationSpec spec) {
        ModelBuilder builder = new ModelBuilder(workbook.evaluator());
        for (SimulationSpec.Input in : spec.inputs()) {
            builder.input(in.cell() + "=" + in.distribution());
        }
        for (SimulationSpec.Output out : spec.outputs()) {
            builder.output(out.cell());
        }
        for (SimulationSpec.Correlation c : spec.correlations()) {
            builder.correlate(c.first() + "," + c.second() + "=" + c.coefficient());
        }
        builder.correlationMethod(spec.correlationMethod());
        return builder.build(spec.seed());
    }

    static StatisticsOptions statistics(SimulationSpec spec) {
        return new StatisticsOptions(0, 101, spec.targets(), List.of(0.95, 0.99), 50);
    }

    static SimulationSettings settings(SimulationSpec spec, int threads) {
        return new SimulationSettings(spec.iterations(), spec.seed(), Sampling.parse(spec.sampling()), threads, 1024,
                statistics(spec), spec.autoStop() == null ? 0 : spec.autoStop());
    }
}
