package io.carlo.engine.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How strongly each input drives an output (see {@link Sensitivity}): Spearman rank correlation,
 * standardized regression coefficient, contribution to variance and the spider/tornado bin means.
 *
 * <p>Iterations where a value is NaN (an Excel error) or infinite are skipped: pairwise for the
 * rank correlation and bin means of one input (the iterations where that input and the output are
 * both numbers), listwise for the regression (the iterations where the output and every input are
 * numbers), which needs one common set of rows.
 */
public final class SensitivityAnalysis {

    private SensitivityAnalysis() {
    }

    /**
     * @param output     the output's value per iteration
     * @param inputs     each input's value per iteration, as long as {@code output}
     * @param inputNames a label per input
     * @return one entry per input, strongest |rank correlation| first (inputs that tie keep their order)
     */
    public static List<Sensitivity> analyze(double[] output, List<double[]> inputs, List<String> inputNames) {
        validate(output, inputs, inputNames);
        return analyze(output, inputs, inputNames, null);
    }

    /** The finite values of {@code output} in iteration order. */
    static double[] finiteValues(double[] output) {
        boolean[] finite = finiteMask(output);
        return compact(output, finite, count(finite));
    }

    /**
     * @param knownOutputRanking the ranking of {@link #finiteValues}(output) when the caller has
     *                           made it already, else null
     */
    static List<Sensitivity> analyze(double[] output, List<double[]> inputs, List<String> inputNames,
                                     Ranking knownOutputRanking) {
        int k = inputs.size();
        boolean[] outputFinite = finiteMask(output);
        int outputCount = count(outputFinite);
        double[] outputValues = compact(output, outputFinite, outputCount);
        Ranking outputRanking = knownOutputRanking; // else made on first use: ranking 10^7 values is not free

        double[] rankCorrelation = new double[k];
        List<List<Double>> binMeans = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] input = inputs.get(i);
            boolean[] both = outputFinite.clone();
            for (int t = 0; t < both.length; t++) {
                both[t] &= Double.isFinite(input[t]);
            }
            int pairs = count(both);
            double[] x = compact(input, both, pairs);
            double[] y;
            Ranking yRanking;
            if (pairs == outputCount) {
                // the input is a number wherever the output is: the output's ranking serves every such input
                if (outputRanking == null) {
                    outputRanking = Ranking.of(outputValues);
                }
                y = outputValues;
                yRanking = outputRanking;
            } else {
                y = compact(output, both, pairs);
                yRanking = Ranking.of(y);
            }
            Ranking xRanking = Ranking.of(x);
            rankCorrelation[i] = PearsonCorrelation.of(xRanking.ranks(), yRanking.ranks());
            binMeans.add(binMeans(y, xRanking.order()));
        }

        double[] regression = regression(output, inputs, outputFinite);
        double squares = 0;
        for (double r : rankCorrelation) {
            squares += r * r;
        }
        List<Sensitivity> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double share = squares > 0 ? rankCorrelation[i] * rankCorrelation[i] / squares : 0;
            List<Double> bins = binMeans.get(i);
            out.add(new Sensitivity(inputNames.get(i), rankCorrelation[i], regression[i], share, bins,
                    bins.get(0), bins.get(bins.size() - 1)));
        }
        out.sort(Comparator.comparingDouble((Sensitivity s) -> Math.abs(s.rankCorrelation())).reversed());
        return List.copyOf(out);
    }

    /**
     * Output mean in each of {@link Sensitivity#BINS} bins holding equal counts of iterations taken
     * in the input's ascending order (by position, so tied input values may straddle a boundary;
     * the stable order makes the split reproducible). NaN for a bin with no iteration.
     */
    private static List<Double> binMeans(double[] y, int[] inputOrder) {
        long m = inputOrder.length;
        List<Double> means = new ArrayList<>(Sensitivity.BINS);
        for (int b = 0; b < Sensitivity.BINS; b++) {
            int from = (int) (b * m / Sensitivity.BINS);
            int to = (int) ((b + 1) * m / Sensitivity.BINS);
            double sum = 0;
            for (int p = from; p < to; p++) {
                sum += y[inputOrder[p]];
            }
            means.add(to > from ? sum / (to - from) : Double.NaN);
        }
        return means;
    }

    private static double[] regression(double[] output, List<double[]> inputs, boolean[] outputFinite) {
        int k = inputs.size();
        boolean[] rows = outputFinite.clone();
        for (double[] input : inputs) {
            for (int t = 0; t < rows.length; t++) {
                rows[t] &= Double.isFinite(input[t]);
            }
        }
        int n = count(rows);
        if (n < 2 || k == 0) {
            return new double[k];
        }
        double[][] columns = new double[k + 1][];
        for (int i = 0; i < k; i++) {
            columns[i] = compact(inputs.get(i), rows, n);
        }
        columns[k] = compact(output, rows, n);
        return StandardizedRegression.coefficients(columns);
    }

    private static boolean[] finiteMask(double[] values) {
        boolean[] mask = new boolean[values.length];
        for (int t = 0; t < values.length; t++) {
            mask[t] = Double.isFinite(values[t]);
        }
        return mask;
    }

    private static int count(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The values where {@code mask} is set; the array itself when every value is kept. */
    private static double[] compact(double[] values, boolean[] mask, int count) {
        if (count == values.length) {
            return values;
        }
        double[] out = new double[count];
        int j = 0;
        for (int t = 0; t < values.length; t++) {
            if (mask[t]) {
                out[j++] = values[t];
            }
        }
        return out;
    }

    static void validate(double[] output, List<double[]> inputs, List<String> inputNames) {
        if (inputs.size() != inputNames.size()) {
            throw new IllegalArgumentException("sensitivity needs one name per input: " + inputs.size()
                    + " inputs, " + inputNames.size() + " names");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).length != output.length) {
                throw new IllegalArgumentException("input " + inputNames.get(i) + " has " + inputs.get(i).length
                        + " iterations, the output " + output.length);
            }
        }
    }
}
