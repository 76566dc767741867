package io.carlo.engine.simulation;

import io.carlo.engine.stats.Convergence;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SummaryStatistics;
import java.util.List;

/**
 * Everything a finished run produced: settings, timings, and per output and input the statistics
 * and the samples. Samples are kept for outputs and inputs only (never for intermediate cells), one
 * double per iteration in iteration order; an iteration whose value was an Excel error holds NaN.
 *
 * @param sampling "mc" or "lhs"
 */
public record SimulationResult(String workbook, long iterations, long seed, String sampling, int threads,
                               Timings timings, List<OutputResult> outputs, List<InputResult> inputs,
                               CorrelationReport correlation) {

    public SimulationResult {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
    }

    /** Wall-clock milliseconds of each phase. */
    public record Timings(long loadMillis, long compileMillis, long simulateMillis) {
    }

    /**
     * @param cell        the output cell, e.g. {@code 'Model'!B12}
     * @param name        its label (RiskOutput's name, or the cell)
     * @param sensitivity one entry per input, strongest |rank correlation| first
     * @param samples     the value of each iteration (NaN for an Excel error); not copied
     */
    public record OutputResult(String cell, String name, SummaryStatistics statistics,
                               List<Sensitivity> sensitivity,
                               Convergence convergence, double[] samples) {
    }

    /**
     * @param distribution the distribution as written, e.g. {@code Triangular(0.05, 0.1, 0.15)}
     * @param samples      the value of each iteration; not copied
     */
    public record InputResult(String cell, String name, String distribution,
                              SummaryStatistics statistics, double[] samples) {
    }

    /**
     * Target and achieved rank correlations between inputs (null when the run has none).
     *
     * @param inputs   labels of the correlated inputs, in matrix order
     * @param target   the matrix asked for
     * @param used     the matrix used: the target, or its nearest positive semi-definite repair
     * @param achieved Spearman rank correlations measured in the samples
     * @param repaired whether the target had to be repaired
     */
    public record CorrelationReport(List<String> inputs, double[][] target, double[][] used, double[][] achieved,
                                    boolean repaired) {
    }
}
