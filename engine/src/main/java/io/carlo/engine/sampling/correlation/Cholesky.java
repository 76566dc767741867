package io.carlo.engine.sampling.correlation;

/**
 * Lower-triangular factors L with L Lᵀ = A of small positive semi-definite matrices.
 *
 * <p>The factorisation tolerates a singular matrix (a perfect correlation of two inputs, or a
 * repaired matrix on the edge of the cone): a pivot that rounds to zero leaves its column zero, which
 * makes that variable an exact combination of the earlier ones, as the matrix says it is.
 */
final class Cholesky {

    /** Pivots below this are rounding noise of a singular matrix, not information. */
    static final double ZERO_PIVOT = 1e-12;

    private Cholesky() {
    }

    /**
     * The factor of a positive semi-definite matrix.
     *
     * @throws IllegalArgumentException when the matrix is clearly not positive semi-definite (callers
     *                                  repair user matrices before they get here)
     */
    static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j][j];
            for (int m = 0; m < j; m++) {
                pivot -= l[j][m] * l[j][m];
            }
            if (pivot < -1e-8) {
                throw new IllegalArgumentException("matrix is not positive semi-definite (pivot " + pivot + ")");
            }
            if (pivot <= ZERO_PIVOT) {
                continue;
            }
            double diagonal = Math.sqrt(pivot);
            l[j][j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                l[i][j] = sum / diagonal;
            }
        }
        return l;
    }

    /** Whether every pivot of the factor is non-zero, i.e. the matrix was positive definite. */
    static boolean isInvertible(double[][] factor) {
        for (int i = 0; i < factor.length; i++) {
            if (factor[i][i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** The inverse of an invertible lower-triangular matrix (itself lower-triangular). */
    static double[][] invertLower(double[][] l) {
        int n = l.length;
        double[][] inverse = new double[n][n];
        for (int col = 0; col < n; col++) {
            // Forward substitution for L x = e_col.
            for (int i = col; i < n; i++) {
                double sum = i == col ? 1 : 0;
                for (int m = col; m < i; m++) {
                    sum -= l[i][m] * inverse[m][col];
                }
                inverse[i][col] = sum / l[i][i];
            }
        }
        return inverse;
    }
}
