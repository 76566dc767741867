package io.carlo.engine.stats;

import java.util.List;

/**
 * Everything the results report about one output: its summary statistics, its sensitivity to
 * each input and its convergence. The same numbers as {@link Statistics#summarize},
 * {@link SensitivityAnalysis#analyze} and {@link ConvergenceAnalysis#analyze} called one by one,
 * computed with one ordering of the output instead of three: at 10^7 iterations each ordering is
 * about a second of a core.
 */
public record OutputAnalysis(SummaryStatistics statistics, List<Sensitivity> sensitivity, Convergence convergence) {

    public OutputAnalysis {
        sensitivity = List.copyOf(sensitivity);
    }

    /**
     * @param output     the output's value per iteration (NaN for an Excel error)
     * @param inputs     each input's value per iteration, as long as {@code output}
     * @param inputNames a label per input
     * @param options    what to compute beyond the fixed statistics; its {@code convergencePoints}
     *                   sets the convergence checkpoints
     */
    public static OutputAnalysis of(double[] output, List<double[]> inputs, List<String> inputNames,
                                    StatisticsOptions options) {
        Statistics.validate(options);
        ConvergenceAnalysis.validate(options.convergencePoints());
        SensitivityAnalysis.validate(output, inputs, inputNames);
        double[] finite = SensitivityAnalysis.finiteValues(output);
        Ranking ranking = Ranking.of(finite);
        SortedValues sorted = SortedValues.fromRanking(finite, ranking);
        return new OutputAnalysis(Statistics.summarize(output, options, sorted),
                SensitivityAnalysis.analyze(output, inputs, inputNames, inputs.isEmpty() ? null : ranking),
                ConvergenceAnalysis.analyze(output, options.convergencePoints(), sorted));
    }
}
