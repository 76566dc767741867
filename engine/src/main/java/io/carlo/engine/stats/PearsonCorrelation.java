package io.carlo.engine.stats;

/** Pearson's product-moment correlation, by two passes (means first) for accuracy. */
final class PearsonCorrelation {

    private PearsonCorrelation() {
    }

    /** Correlation of two equally long samples; 0 when either has no spread or fewer than 2 values. */
    static double of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = CompensatedSum.of(x, 0, n) / n;
        double my = CompensatedSum.of(y, 0, n) / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return clamp(sxy / Math.sqrt(sxx * syy));
    }

    /**
     * The correlation matrix of equally long columns. The diagonal holds 1, or NaN for a column
     * without spread (whose row and column are 0 elsewhere).
     */
    static double[][] matrix(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        double[] mean = new double[k];
        double[] norm = new double[k];
        for (int a = 0; a < k; a++) {
            double[] c = columns[a];
            double m = n == 0 ? 0 : CompensatedSum.of(c, 0, n) / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = c[i] - m;
                ss += d * d;
            }
            mean[a] = m;
            norm[a] = Math.sqrt(ss);
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            r[a][a] = norm[a] > 0 ? 1 : Double.NaN;
            for (int b = a + 1; b < k; b++) {
                double v = 0;
                if (norm[a] > 0 && norm[b] > 0) {
                    // deviations recomputed on the fly rather than stored: k centred copies of 10^7
                    // iterations would cost k * 80 MB
                    double[] ca = columns[a];
                    double[] cb = columns[b];
                    double ma = mean[a];
                    double mb = mean[b];
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += (ca[i] - ma) * (cb[i] - mb);
                    }
                    v = clamp(s / (norm[a] * norm[b]));
                }
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        return r;
    }

    private static double clamp(double r) {
        return Math.max(-1, Math.min(1, r));
    }
}
