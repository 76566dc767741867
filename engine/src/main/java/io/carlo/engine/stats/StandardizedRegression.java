package io.carlo.engine.stats;

/**
 * Standardized regression coefficients: the coefficients of the least-squares fit of the
 * standardized output on the standardized inputs. Standardizing turns the normal equations into
 * {@code R b = r}, with R the inputs' Pearson correlation matrix and r their correlations with the
 * output, solved here by a Cholesky factorisation (R is symmetric positive semi-definite).
 *
 * <p>A constant input, or one that is (to 1e-10) a linear combination of the inputs before it, adds
 * nothing to the fit: its column is left out of the factorisation and its coefficient is 0.
 */
final class StandardizedRegression {

    /** A pivot this small relative to the diagonal's 1 means the column is linearly dependent. */
    private static final double DEPENDENT = 1e-10;

    private StandardizedRegression() {
    }

    /**
     * @param columns the inputs' values followed by the output's as the last column, all finite and
     *                of equal length
     * @return one coefficient per input
     */
    static double[] coefficients(double[][] columns) {
        int k = columns.length - 1;
        double[][] correlation = PearsonCorrelation.matrix(columns);
        boolean[] used = new boolean[k];
        double[][] lower = new double[k][k];
        for (int j = 0; j < k; j++) {
            if (Double.isNaN(correlation[j][j])) {
                continue; // constant input
            }
            double pivot = correlation[j][j];
            for (int m = 0; m < j; m++) {
                if (used[m]) {
                    pivot -= lower[j][m] * lower[j][m];
                }
            }
            if (pivot <= DEPENDENT) {
                continue;
            }
            used[j] = true;
            lower[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < k; i++) {
                if (Double.isNaN(correlation[i][i])) {
                    continue;
                }
                double v = correlation[i][j];
                for (int m = 0; m < j; m++) {
                    if (used[m]) {
                        v -= lower[i][m] * lower[j][m];
                    }
                }
                lower[i][j] = v / lower[j][j];
            }
        }
        double[] b = new double[k];
        if (Double.isNaN(correlation[k][k])) {
            return b; // a constant output is explained by nothing
        }
        // forward substitution L z = r, then back substitution L' b = z, over the used columns
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            if (!used[i]) {
                continue;
            }
            double v = correlation[i][k];
            for (int m = 0; m < i; m++) {
                if (used[m]) {
                    v -= lower[i][m] * z[m];
                }
            }
            z[i] = v / lower[i][i];
        }
        for (int i = k - 1; i >= 0; i--) {
            if (!used[i]) {
                continue;
            }
            double v = z[i];
            for (int m = i + 1; m < k; m++) {
                if (used[m]) {
                    v -= lower[m][i] * b[m];
                }
            }
            b[i] = v / lower[i][i];
        }
        return b;
    }
}
