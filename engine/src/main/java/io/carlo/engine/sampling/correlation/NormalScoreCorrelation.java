package io.carlo.engine.sampling.correlation;

/**
 * Turns target rank correlations into the Pearson correlations that normal scores must have to
 * produce them. For a bivariate normal the rank correlation is (6/π) asin(r/2), slightly smaller
 * than r in magnitude (0.483 for r = 0.5); correlating normal scores at the target itself would
 * miss it by up to 0.018. Both Iman–Conover (whose scores are van der Waerden normal scores) and
 * the copulas therefore correlate at r = 2 sin(π ρ / 6).
 */
final class NormalScoreCorrelation {

    private NormalScoreCorrelation() {
    }

    /**
     * The normal-score correlation for a target rank correlation matrix, repaired first if the target
     * is not positive semi-definite and again if the conversion (which is not linear) pushed it out
     * of the cone.
     */
    static CorrelationMatrix forRanks(CorrelationMatrix rankTarget) {
        return rankTarget.nearestCorrelationMatrix()
                .mapOffDiagonal(RankCorrelation::normalPearsonForSpearman)
                .nearestCorrelationMatrix();
    }

    /**
     * A Cholesky factor of the normal-score correlation with each row scaled to unit length, so that
     * each correlated combination of independent standard normals is itself exactly standard normal
     * (rounding in a singular factor could otherwise leave a row a hair short).
     */
    static double[][] unitRowFactor(CorrelationMatrix rankTarget) {
        double[][] factor = Cholesky.factor(forRanks(rankTarget).entries());
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
