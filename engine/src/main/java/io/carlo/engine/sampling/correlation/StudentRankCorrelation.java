package io.carlo.engine.sampling.correlation;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The relation between a t copula's parameter r and its rank correlation, which unlike the
 * Gaussian one has no closed form. For a normal variance mixture X = √W Z (here W = ν / χ²(ν)),
 * ρ_S = (6/π) E[asin(r W / √((W + W′)(W + W″)))] with W, W′, W″ independent copies (McNeil, Frey
 * and Embrechts, Quantitative Risk Management, 2005, ch. 5). The expectation is taken on a midpoint
 * grid over the quantiles of W (the integrand is bounded, so the grid converges quickly: 48 points
 * a side put it within about 10⁻³), and the relation is inverted by safeguarded Newton steps.
 */
final class StudentRankCorrelation {

    private static final int GRID = 48;

    /** W / √((W + W′)(W + W″)) over the grid, the only place W enters. */
    private final double[] ratios;

    StudentRankCorrelation(double degreesOfFreedom) {
        ChiSquaredDistribution chiSquared = ChiSquaredDistribution.of(degreesOfFreedom);
        double[] w = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            w[i] = degreesOfFreedom / chiSquared.inverseCumulativeProbability((i + 0.5) / GRID);
        }
        ratios = new double[GRID * GRID * GRID];
        int next = 0;
        for (double a : w) {
            for (double b : w) {
                for (double c : w) {
                    ratios[next++] = a / Math.sqrt((a + b) * (a + c));
                }
            }
        }
    }

    /** The rank correlation of the t copula with parameter r. */
    double spearman(double r) {
        double sum = 0;
        for (double g : ratios) {
            sum += Math.asin(r * g);
        }
        return 6 / Math.PI * sum / ratios.length;
    }

    /** The parameter r whose rank correlation is {@code spearman}; ±1 map to themselves. */
    double parameterFor(double spearman) {
        if (Math.abs(spearman) >= 1 || spearman == 0) {
            return spearman;
        }
        double low = -1;
        double high = 1;
        double r = RankCorrelation.normalPearsonForSpearman(spearman);
        for (int step = 0; step < 50; step++) {
            double error = spearman(r) - spearman;
            if (Math.abs(error) < 1e-12) {
                break;
            }
            if (error > 0) {
                high = r;
            } else {
                low = r;
            }
            double next = r - error / slope(r);
            // Fall back to bisection whenever Newton would leave the bracket.
            r = next > low && next < high ? next : (low + high) / 2;
        }
        return r;
    }

    private double slope(double r) {
        double sum = 0;
        for (double g : ratios) {
            sum += g / Math.sqrt(1 - r * r * g * g);
        }
        return 6 / Math.PI * sum / ratios.length;
    }
}
