package io.carlo.engine.sampling.correlation;

import java.util.Arrays;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Correlation matrices
 * have one row per correlated input (a handful to a few dozen), where Jacobi is simple, accurate to
 * working precision even for tiny eigenvalues, and fast enough.
 *
 * @param values  the eigenvalues, ascending
 * @param vectors the eigenvectors as columns: {@code vectors[i][m]} is component i of vector m
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    static SymmetricEigen of(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = Matrices.copy(symmetric);
        double[][] v = Matrices.identity(n);
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonalSquares(a) > 0; sweep++) {
            double before = offDiagonalSquares(a);
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
            // Once a sweep no longer shrinks the off-diagonal part, what is left is rounding noise.
            if (offDiagonalSquares(a) >= before) {
                break;
            }
        }
        return sorted(a, v);
    }

    /** The smallest eigenvalue. */
    double smallest() {
        return values[0];
    }

    /** V max(Λ, floor) Vᵀ: the matrix with its eigenvalues raised to at least {@code floor}. */
    double[][] withEigenvaluesAtLeast(double floor) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int m = 0; m < n; m++) {
            double lambda = Math.max(values[m], floor);
            if (lambda == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double vi = vectors[i][m] * lambda;
                for (int j = 0; j < n; j++) {
                    out[i][j] += vi * vectors[j][m];
                }
            }
        }
        return Matrices.symmetrized(out);
    }

    /** Zeroes a[p][q] with the rotation Jᵀ A J and accumulates V J. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int r = 0; r < n; r++) {
            double arp = a[r][p];
            double arq = a[r][q];
            a[r][p] = c * arp - s * arq;
            a[r][q] = s * arp + c * arq;
        }
        for (int r = 0; r < n; r++) {
            double apr = a[p][r];
            double aqr = a[q][r];
            a[p][r] = c * apr - s * aqr;
            a[q][r] = s * apr + c * aqr;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int r = 0; r < n; r++) {
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = c * vrp - s * vrq;
            v[r][q] = s * vrp + c * vrq;
        }
    }

    private static double offDiagonalSquares(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return sum;
    }

    private static SymmetricEigen sorted(double[][] a, double[][] v) {
        int n = a.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(a[x][x], a[y][y]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int m = 0; m < n; m++) {
            values[m] = a[order[m]][order[m]];
            for (int i = 0; i < n; i++) {
                vectors[i][m] = v[i][order[m]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
