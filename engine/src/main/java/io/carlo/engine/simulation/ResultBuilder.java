package io.carlo.engine.simulation;

import io.carlo.engine.stats.OutputAnalysis;
import io.carlo.engine.stats.Statistics;
import io.carlo.engine.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a run's samples into its {@link SimulationResult}: statistics, sensitivity and convergence per output. */
public final class ResultBuilder {

    private ResultBuilder() {
    }

    public static SimulationResult build(String workbook, SimulationModel model, SimulationSettings settings,
                                         Simulator.Samples samples, long loadMillis, long compileMillis) {
        StatisticsOptions options = settings.statistics();
        List<double[]> inputSamples = Arrays.asList(samples.inputs());
        List<String> inputNames = model.inputs().stream().map(InputDefinition::label).toList();
        List<SimulationResult.OutputResult> outputs = new ArrayList<>();
        for (int j = 0; j < model.outputs().size(); j++) {
            OutputDefinition out = model.outputs().get(j);
            double[] values = samples.outputs()[j];
            OutputAnalysis a = OutputAnalysis.of(values, inputSamples, inputNames, options);
            String cell = model.base().workbook().describe(out.cell());
            outputs.add(new SimulationResult.OutputResult(cell, out.label(), a.statistics(), a.sensitivity(),
                    a.convergence(), values));
        }
        List<SimulationResult.InputResult> inputs = new ArrayList<>();
        for (int k = 0; k < model.inputs().size(); k++) {
            InputDefinition in = model.inputs().get(k);
            inputs.add(new SimulationResult.InputResult(model.base().workbook().describe(in.cell()), in.label(),
                    in.distribution().describe(), Statistics.summarize(samples.inputs()[k], options),
                    samples.inputs()[k]));
        }
        return new SimulationResult(workbook, samples.iterations(), settings.seed(), settings.sampling().label(),
                settings.threads(), new SimulationResult.Timings(loadMillis, compileMillis, samples.simulateMillis()),
                outputs, inputs, samples.correlation());
    }
}
