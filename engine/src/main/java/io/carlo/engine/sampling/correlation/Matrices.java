package io.carlo.engine.sampling.correlation;

/** The few dense square-matrix helpers the correlation code needs (matrices are k × k, k small). */
final class Matrices {

    private Matrices() {
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    /** (M + Mᵀ) / 2, to wash out rounding asymmetry. */
    static double[][] symmetrized(double[][] m) {
        int n = m.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = m[i][i];
            for (int j = 0; j < i; j++) {
                double mean = (m[i][j] + m[j][i]) / 2;
                out[i][j] = mean;
                out[j][i] = mean;
            }
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < inner; l++) {
                double ail = a[i][l];
                for (int j = 0; j < m; j++) {
                    out[i][j] += ail * b[l][j];
                }
            }
        }
        return out;
    }

    static double[][] subtract(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = a[i][j] - b[i][j];
            }
        }
        return out;
    }

    static double frobeniusNorm(double[][] m) {
        double sum = 0;
        for (double[] row : m) {
            for (double x : row) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    static double frobeniusDistance(double[][] a, double[][] b) {
        return frobeniusNorm(subtract(a, b));
    }
}
