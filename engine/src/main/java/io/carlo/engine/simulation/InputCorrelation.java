package io.carlo.engine.simulation;

import io.carlo.engine.sampling.correlation.CorrelationMatrix;

/**
 * Rank correlations between some of a model's inputs.
 *
 * @param inputs indexes (in the model's input list) of the correlated inputs, in matrix order
 * @param matrix the target rank correlation matrix over them
 */
public record InputCorrelation(int[] inputs, CorrelationMatrix matrix) {
}
