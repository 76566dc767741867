package io.carlo.engine.sampling.correlation;

import io.carlo.engine.simulation.SimulationResult;

/**
 * The correlation a user asked for and the one sampling uses: the same matrix, or its nearest
 * positive semi-definite repair when the requested correlations cannot all hold at once.
 *
 * @param requested the matrix as written
 * @param used      the matrix sampled with
 * @param repaired  whether {@code used} differs from {@code requested}
 */
public record CorrelationRepair(CorrelationMatrix requested, CorrelationMatrix used, boolean repaired) {

    /** The largest change the repair made to any entry (0 when not repaired). */
    public double largestChange() {
        double largest = 0;
        for (int i = 0; i < requested.size(); i++) {
            for (int j = 0; j < requested.size(); j++) {
                largest = Math.max(largest, Math.abs(requested.get(i, j) - used.get(i, j)));
            }
        }
        return largest;
    }

    /** The run report's correlation section, given the rank correlations measured in the samples. */
    public SimulationResult.CorrelationReport toReport(double[][] achieved) {
        return new SimulationResult.CorrelationReport(requested.labels(), requested.values(), used.values(),
                Matrices.copy(achieved), repaired);
    }
}
