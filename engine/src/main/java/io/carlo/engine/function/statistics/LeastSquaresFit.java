package io.carlo.engine.function.statistics;

import java.util.Arrays;

/**
 * An ordinary least-squares fit of y on k explanatory variables, optionally with a constant, and
 * the statistics LINEST reports.
 *
 * <p>With a constant, the data are centred first (the intercept then follows from the means), which
 * keeps the fit accurate for x values far from 0, such as dates. The centred columns are
 * orthogonalized one after the other (modified Gram-Schmidt); a column that adds nothing new,
 * because it is constant or a combination of earlier columns, is dropped from the model with a
 * coefficient and standard error of 0, which is what Excel's LINEST does with collinear data.
 */
final class LeastSquaresFit {

    /** A column whose part not explained by earlier columns is smaller than this (relative) is collinear. */
    private static final double COLLINEARITY_TOLERANCE = 1e-12;

    private final boolean constant;
    private final double[] slopes;
    private final double[] slopeErrors;
    private final double intercept;
    private final double interceptError;
    private final int usedColumns;
    private final int degreesOfFreedom;
    private final double regressionSumOfSquares;
    private final double residualSumOfSquares;

    private LeastSquaresFit(boolean constant, double[] slopes, double[] slopeErrors, double intercept,
                            double interceptError, int usedColumns, int degreesOfFreedom,
                            double regressionSumOfSquares, double residualSumOfSquares) {
        this.constant = constant;
        this.slopes = slopes;
        this.slopeErrors = slopeErrors;
        this.intercept = intercept;
        this.interceptError = interceptError;
        this.usedColumns = usedColumns;
        this.degreesOfFreedom = degreesOfFreedom;
        this.regressionSumOfSquares = regressionSumOfSquares;
        this.residualSumOfSquares = residualSumOfSquares;
    }

    /**
     * Fits y = b + m1*x1 + ... + mk*xk.
     *
     * @param x one row per observation, one column per variable
     */
    static LeastSquaresFit fit(double[][] x, double[] y, boolean constant) {
        int n = y.length;
        int k = n == 0 ? 0 : x[0].length;
        double[] xMeans = new double[k];
        double yMean = 0;
        if (constant) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    xMeans[j] += x[i][j] / n;
                }
                yMean += y[i] / n;
            }
        }
        // columns of the (centred) design matrix, orthogonalized in place into q
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = x[i][j] - xMeans[j];
            }
        }
        double[][] r = new double[k][k];
        boolean[] used = new boolean[k];
        int usedCount = 0;
        for (int j = 0; j < k; j++) {
            double originalNorm = norm(q[j]);
            for (int p = 0; p < j; p++) {
                if (used[p]) {
                    double d = dot(q[p], q[j]);
                    r[p][j] = d;
                    axpy(-d, q[p], q[j]);
                }
            }
            double remaining = norm(q[j]);
            if (remaining == 0 || remaining <= COLLINEARITY_TOLERANCE * originalNorm) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                q[j][i] /= remaining;
            }
            r[j][j] = remaining;
            used[j] = true;
            usedCount++;
        }
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - yMean;
        }
        double[] qty = new double[k];
        double[] residual = yc.clone();
        for (int j = 0; j < k; j++) {
            if (used[j]) {
                qty[j] = dot(q[j], residual);
                axpy(-qty[j], q[j], residual);
            }
        }
        // back substitution R m = Q'y over the used columns; R^-1 gives the coefficient variances
        double[][] rInverse = invertUpperTriangular(r, used);
        double[] slopes = new double[k];
        for (int j = 0; j < k; j++) {
            if (used[j]) {
                for (int p = j; p < k; p++) {
                    slopes[j] += rInverse[j][p] * qty[p];
                }
            }
        }
        double intercept = 0;
        if (constant) {
            intercept = yMean;
            for (int j = 0; j < k; j++) {
                intercept -= slopes[j] * xMeans[j];
            }
        }
        double residualSs = 0;
        double totalSs = 0;
        for (int i = 0; i < n; i++) {
            double predicted = intercept;
            for (int j = 0; j < k; j++) {
                predicted += slopes[j] * x[i][j];
            }
            double e = y[i] - predicted;
            residualSs += e * e;
            double t = y[i] - yMean;
            totalSs += t * t;
        }
        int df = n - usedCount - (constant ? 1 : 0);
        double variance = residualSs / df;
        double[] slopeErrors = new double[k];
        for (int j = 0; j < k; j++) {
            if (used[j]) {
                slopeErrors[j] = Math.sqrt(variance * rowNormSquared(rInverse, j));
            }
        }
        double interceptError = Double.NaN;
        if (constant) {
            // var(b) = s^2 (1/n + xbar' (Xc'Xc)^-1 xbar), with (Xc'Xc)^-1 = R^-1 R^-T
            double[] v = new double[k];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j <= p; j++) {
                    v[p] += xMeans[j] * rInverse[j][p];
                }
            }
            interceptError = Math.sqrt(variance * (1.0 / n + dot(v, v)));
        }
        return new LeastSquaresFit(constant, slopes, slopeErrors, intercept, interceptError, usedCount, df,
                totalSs - residualSs, residualSs);
    }

    /** The inverse of the upper triangle of r restricted to the used rows and columns (others 0). */
    private static double[][] invertUpperTriangular(double[][] r, boolean[] used) {
        int k = r.length;
        double[][] inv = new double[k][k];
        for (int j = k - 1; j >= 0; j--) {
            if (!used[j]) {
                continue;
            }
            inv[j][j] = 1 / r[j][j];
            for (int c = j + 1; c < k; c++) {
                if (!used[c]) {
                    continue;
                }
                double sum = 0;
                for (int p = j + 1; p <= c; p++) {
                    if (used[p]) {
                        sum += r[j][p] * inv[p][c];
                    }
                }
                inv[j][c] = -sum / r[j][j];
            }
        }
        return inv;
    }

    private static double rowNormSquared(double[][] m, int row) {
        return dot(m[row], m[row]);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += a * x */
    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    boolean hasConstant() {
        return constant;
    }

    /** m1..mk in the order of the variables. */
    double[] slopes() {
        return slopes.clone();
    }

    double[] slopeErrors() {
        return slopeErrors.clone();
    }

    double intercept() {
        return intercept;
    }

    /** NaN without a constant (LINEST shows #N/A). */
    double interceptError() {
        return interceptError;
    }

    int usedColumns() {
        return usedColumns;
    }

    int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    double regressionSumOfSquares() {
        return regressionSumOfSquares;
    }

    double residualSumOfSquares() {
        return residualSumOfSquares;
    }

    /** R squared: with a constant, against the spread around the mean; without, around 0. */
    double rSquared() {
        return regressionSumOfSquares / (regressionSumOfSquares + residualSumOfSquares);
    }

    double standardErrorOfEstimate() {
        return Math.sqrt(residualSumOfSquares / degreesOfFreedom);
    }

    double fStatistic() {
        return (regressionSumOfSquares / usedColumns) / (residualSumOfSquares / degreesOfFreedom);
    }

    double predict(double[] xs) {
        double v = intercept;
        for (int j = 0; j < slopes.length; j++) {
            v += slopes[j] * xs[j];
        }
        return v;
    }

    @Override
    public String toString() {
        return "LeastSquaresFit" + Arrays.toString(slopes) + " + " + intercept;
    }
}
