package io.carlo.engine.sampling.correlation;

/**
 * The correlation matrix nearest (in the Frobenius norm) to a symmetric matrix with unit diagonal
 * that is not positive semi-definite, by Higham's alternating projections with Dykstra's
 * correction (N. J. Higham, "Computing the nearest correlation matrix", IMA J. Numer. Anal. 22,
 * 2002). A user who types pairwise correlations that cannot all hold at once (A and B strongly
 * together, B and C strongly together, A and C strongly apart) gets the closest consistent set.
 */
final class NearestCorrelation {

    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-12;

    /**
     * Smallest eigenvalue kept in the final result: a hair above zero so that the repaired matrix
     * factors cleanly; it moves entries by about this much, far below any statistical meaning.
     */
    static final double EIGENVALUE_FLOOR = 1e-9;

    private NearestCorrelation() {
    }

    static double[][] of(double[][] a) {
        int n = a.length;
        double[][] y = Matrices.copy(a);
        double[][] correction = new double[n][n];
        double[][] x = y;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] r = Matrices.subtract(y, correction);
            double[][] previousX = x;
            x = SymmetricEigen.of(r).withEigenvaluesAtLeast(0);
            correction = Matrices.subtract(x, r);
            double[][] previousY = y;
            y = withUnitDiagonal(x);
            double norm = Math.max(Matrices.frobeniusNorm(y), 1);
            double change = Math.max(Matrices.frobeniusDistance(x, previousX),
                    Math.max(Matrices.frobeniusDistance(y, previousY), Matrices.frobeniusDistance(y, x)));
            if (change <= TOLERANCE * norm) {
                break;
            }
        }
        return finished(y);
    }

    /**
     * The converged iterate is positive semi-definite only to the tolerance; lifting its eigenvalues
     * to the floor and rescaling to a unit diagonal (a congruence, which keeps definiteness) makes it
     * a correlation matrix exactly.
     */
    private static double[][] finished(double[][] y) {
        double[][] lifted = SymmetricEigen.of(y).withEigenvaluesAtLeast(EIGENVALUE_FLOOR);
        int n = lifted.length;
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1 / Math.sqrt(lifted[i][i]);
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = i == j ? 1 : Math.max(-1, Math.min(1, lifted[i][j] * scale[i] * scale[j]));
            }
        }
        return Matrices.symmetrized(out);
    }

    private static double[][] withUnitDiagonal(double[][] m) {
        double[][] out = Matrices.copy(m);
        for (int i = 0; i < out.length; i++) {
            out[i][i] = 1;
        }
        return out;
    }
}
