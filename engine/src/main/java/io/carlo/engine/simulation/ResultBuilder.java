package io.carlo.engine.simulation;

import io.carlo.engine.stats.OutputAnalysis;
import io.carlo.engine.stats.Statistics;
import io.carlo.engine.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.List;

/** Turns a run's samples into its {@link SimulationResult}: statistics, sensitivity and convergence per output. */
public final class ResultBuilder {

    private ResultBuilder() {
    }

    /**
     * One sampled quantity of a run, as results and reports name it.
     *
     * @param cell         e.g. {@code 'Model'!B12}
     * @param name         its label (RiskName's or RiskOutput's name, or the cell)
     * @param distribution for an input, the distribution as written; null for an output
     * @param samples      the value of each iteration (NaN for an Excel error)
     */
    public record Column(String cell, String name, String distribution, double[] samples) {
    }

    public static SimulationResult build(String workbook, SimulationModel model, SimulationSettings settings,
                                         Simulator.Samples samples, long loadMillis, long compileMillis) {
        List<Column> outputs = new ArrayList<>();
        for (int j = 0; j < model.outputs().size(); j++) {
            OutputDefinition out = model.outputs().get(j);
            outputs.add(new Column(model.base().workbook().describe(out.cell()), out.label(), null,
                    samples.outputs()[j]));
        }
        List<Column> inputs = new ArrayList<>();
        for (int k = 0; k < model.inputs().size(); k++) {
            InputDefinition in = model.inputs().get(k);
            inputs.add(new Column(model.base().workbook().describe(in.cell()), in.label(),
                    in.distribution().describe(), samples.inputs()[k]));
        }
        return build(workbook, settings.seed(), settings.sampling().label(), settings.threads(),
                new SimulationResult.Timings(loadMillis, compileMillis, samples.simulateMillis()), inputs, outputs,
                samples.correlation(), settings.statistics());
    }

    /**
     * The result of samples kept from an earlier run: the statistics depend on the samples and the
     * options only, so this gives the same numbers as when the run finished.
     */
    public static SimulationResult build(String workbook, long seed, String sampling, int threads,
                                         SimulationResult.Timings timings, List<Column> inputs, List<Column> outputs,
                                         SimulationResult.CorrelationReport correlation, StatisticsOptions options) {
        List<double[]> inputSamples = inputs.stream().map(Column::samples).toList();
        List<String> inputNames = inputs.stream().map(Column::name).toList();
        List<SimulationResult.OutputResult> outputResults = new ArrayList<>();
        for (Column out : outputs) {
            OutputAnalysis a = OutputAnalysis.of(out.samples(), inputSamples, inputNames, options);
            outputResults.add(new SimulationResult.OutputResult(out.cell(), out.name(), a.statistics(), a.sensitivity(),
                    a.convergence(), out.samples()));
        }
        List<SimulationResult.InputResult> inputResults = new ArrayList<>();
        for (Column in : inputs) {
            inputResults.add(new SimulationResult.InputResult(in.cell(), in.name(), in.distribution(),
                    Statistics.summarize(in.samples(), options), in.samples()));
        }
        long iterations = outputs.isEmpty() ? 0 : outputs.getFirst().samples().length;
        return new SimulationResult(workbook, iterations, seed, sampling, threads, timings, outputResults, inputResults,
                correlation);
    }
}
