package io.carlo.engine.sampling.correlation;

import java.util.function.DoubleUnaryOperator;

/**
 * Turns target rank correlations into the Pearson correlations that normal scores must have to
 * produce them. For a bivariate normal the rank correlation is (6/π) asin(r/2), slightly smaller
 * than r in magnitude (0.483 for r = 0.5); correlating normal scores at the target itself would
 * miss it by up to 0.018. Iman–Conover (whose scores are van der Waerden normal scores) and the
 * Gaussian copula therefore correlate at r = 2 sin(π ρ / 6); the t copula uses its own relation
 * ({@link StudentRankCorrelation}).
 *
 * <p>Because the map is not linear, a valid rank matrix can map to normal-score correlations that
 * are not positive semi-definite, and a repaired rank matrix on the edge of the cone always does.
 * The repair is therefore made here, in normal-score space, and mapped back to ranks for the report
 * ({@link CorrelationMatrix#repair()}): the matrix reported as used is then one the samplers reach.
 */
final class NormalScoreCorrelation {

    private NormalScoreCorrelation() {
    }

    /** The Gaussian normal-score correlation for a rank target: positive semi-definite, repaired if needed. */
    static CorrelationMatrix forRanks(CorrelationMatrix rankTarget) {
        return forRanks(rankTarget, RankCorrelation::normalPearsonForSpearman);
    }

    static CorrelationMatrix forRanks(CorrelationMatrix rankTarget, DoubleUnaryOperator rankToPearson) {
        return rankTarget.mapOffDiagonal(rankToPearson).nearestCorrelationMatrix();
    }

    /** The rank correlations a Gaussian copula with these normal-score correlations has. */
    static CorrelationMatrix ranksOf(CorrelationMatrix normalScores) {
        return normalScores.mapOffDiagonal(r -> 6 / Math.PI * Math.asin(r / 2));
    }

    /**
     * A Cholesky factor of a normal-score correlation with each row scaled to unit length, so that
     * each correlated combination of independent standard normals is itself exactly standard normal
     * (rounding in a singular factor could otherwise leave a row a hair short).
     */
    static double[][] unitRowFactor(CorrelationMatrix normalScores) {
        double[][] factor = Cholesky.factor(normalScores.entries());
        for (double[] row : factor) {
            double norm = 0;
            for (double x : row) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int m = 0; m < row.length; m++) {
                row[m] /= norm;
            }
        }
        return factor;
    }
}
