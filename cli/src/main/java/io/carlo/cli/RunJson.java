package io.carlo.cli;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SummaryStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code carlo run --json}. Its keys are a contract other tools rely on
 * (../shared/ARCHITECTURE.md): iterations, seed, sampling, threads, timings, outputs (cell, mean,
 * stdDev, min, max, errors, percentiles "1".."99"), sensitivity. Further keys may be added.
 */
record RunJson(String workbook, long iterations, long seed, String sampling, int threads,
               SimulationResult.Timings timings, List<Output> outputs, List<SensitivityEntry> sensitivity,
               List<Input> inputs, SimulationResult.CorrelationReport correlation) {

    /** The percentiles the contract lists. */
    private static final int[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    record Output(String cell, String name, double mean, double stdDev, double min, double max, long errors,
                  Map<String, Double> percentiles, double variance, double skewness, double kurtosis, double mode,
                  double meanCiLow, double meanCiHigh, List<?> tailRisks, List<?> targets) {
    }

    record SensitivityEntry(String output, String input, double rankCorrelation, double regressionCoefficient,
                            double contributionToVariance, double tornadoLow, double tornadoHigh) {
    }

    record Input(String cell, String name, String distribution, double mean, double stdDev, double min, double max) {
    }

    static RunJson of(SimulationResult r) {
        List<Output> outputs = new ArrayList<>();
        List<SensitivityEntry> sensitivity = new ArrayList<>();
        for (SimulationResult.OutputResult o : r.outputs()) {
            SummaryStatistics s = o.statistics();
            Map<String, Double> pct = new LinkedHashMap<>();
            for (int p : PERCENTILES) {
                pct.put(Integer.toString(p), s.percentiles().get(p));
            }
            outputs.add(new Output(o.cell(), o.name(), s.mean(), s.stdDev(), s.min(), s.max(), s.errors(), pct,
                    s.variance(), s.skewness(), s.kurtosis(), s.mode(), s.meanCiLow(), s.meanCiHigh(), s.tailRisks(),
                    s.targets()));
            for (Sensitivity x : o.sensitivity()) {
                sensitivity.add(new SensitivityEntry(o.cell(), x.input(), x.rankCorrelation(),
                        x.regressionCoefficient(), x.contributionToVariance(), x.tornadoLow(), x.tornadoHigh()));
            }
        }
        List<Input> inputs = new ArrayList<>();
        for (SimulationResult.InputResult i : r.inputs()) {
            SummaryStatistics s = i.statistics();
            inputs.add(new Input(i.cell(), i.name(), i.distribution(), s.mean(), s.stdDev(), s.min(), s.max()));
        }
        return new RunJson(r.workbook(), r.iterations(), r.seed(), r.sampling(), r.threads(), r.timings(), outputs,
                sensitivity, inputs, r.correlation());
    }
}
