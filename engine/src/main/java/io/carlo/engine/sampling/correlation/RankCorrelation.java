package io.carlo.engine.sampling.correlation;

/**
 * Spearman rank correlation: the Pearson correlation of the ranks, with tied values sharing their
 * average rank. It is NaN where a column is constant (its ranks have no variance), as Excel's
 * CORREL gives #DIV/0! there.
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * @throws IllegalArgumentException when the lengths differ or a value is NaN
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rank correlation needs samples of equal length, got "
                    + a.length + " and " + b.length);
        }
        return pearson(Ranks.average(a), Ranks.average(b));
    }

    /**
     * The Spearman matrix of k columns of equal length: entry (i, j) is the rank correlation of column
     * i and column j; the diagonal is 1 (NaN for a constant column).
     */
    public static double[][] matrix(double[][] columns) {
        int k = columns.length;
        double[][] ranks = new double[k][];
        for (int i = 0; i < k; i++) {
            if (columns[i].length != columns[0].length) {
                throw new IllegalArgumentException("rank correlation needs columns of equal length, column 0 has "
                        + columns[0].length + " values and column " + i + " has " + columns[i].length);
            }
            ranks[i] = Ranks.average(columns[i]);
        }
        return pearsonMatrix(ranks);
    }

    /**
     * The Pearson correlation of two standard normals whose rank correlation is {@code spearman}:
     * r = 2 sin(π ρ / 6). It is the parameter a Gaussian copula needs to reach a target rank
     * correlation; 0, 1 and -1 map to themselves.
     */
    public static double normalPearsonForSpearman(double spearman) {
        return 2 * Math.sin(Math.PI * spearman / 6);
    }

    /** The Pearson correlation matrix of k columns of equal length (NaN entries for constant columns). */
    static double[][] pearsonMatrix(double[][] columns) {
        int k = columns.length;
        double[][] centred = new double[k][];
        double[] norms = new double[k];
        for (int i = 0; i < k; i++) {
            centred[i] = centred(columns[i]);
            norms[i] = Math.sqrt(dot(centred[i], centred[i]));
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            out[i][i] = norms[i] > 0 ? 1 : Double.NaN;
            for (int j = 0; j < i; j++) {
                double r = clamp(dot(centred[i], centred[j]) / (norms[i] * norms[j]));
                out[i][j] = r;
                out[j][i] = r;
            }
        }
        return out;
    }

    static double pearson(double[] a, double[] b) {
        double[] ca = centred(a);
        double[] cb = centred(b);
        return clamp(dot(ca, cb) / Math.sqrt(dot(ca, ca) * dot(cb, cb)));
    }

    private static double[] centred(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - mean;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Rounding can push |r| a hair past 1; NaN (no variance) stays NaN. */
    private static double clamp(double r) {
        return r > 1 ? 1 : r < -1 ? -1 : r;
    }
}
