package io.carlo.engine.stats;

import java.util.List;

/**
 * How much one input drives one output.
 *
 * @param input                  the input's label (cell reference or name)
 * @param rankCorrelation        Spearman rank correlation of input and output
 * @param regressionCoefficient  standardized regression coefficient from the multiple regression of
 *                               the output on all inputs
 * @param contributionToVariance share of the output's variance attributed to this input (the
 *                               shares of all inputs sum to 1): squared rank correlations normalised
 * @param binMeans               output mean for the iterations whose input falls in each of
 *                               {@link #BINS} equal-probability bins of the input (spider data)
 * @param tornadoLow             output mean when the input is in its lowest bin
 * @param tornadoHigh            output mean when the input is in its highest bin
 */
public record Sensitivity(String input, double rankCorrelation, double regressionCoefficient,
                          double contributionToVariance, List<Double> binMeans, double tornadoLow,
                          double tornadoHigh) {

    /** Number of input percentile bins for the spider and tornado data. */
    public static final int BINS = 10;

    public Sensitivity {
        binMeans = List.copyOf(binMeans);
    }
}
