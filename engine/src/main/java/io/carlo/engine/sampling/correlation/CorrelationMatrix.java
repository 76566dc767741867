package io.carlo.engine.sampling.correlation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Rank (Spearman) correlations between named inputs: symmetric, unit diagonal, every entry in
 * [-1, 1]. Construction checks exactly that and names the offending pair; it does not demand
 * positive semi-definiteness, because people write pairwise correlations that cannot all hold at
 * once, and such a matrix should still run: {@link #nearestCorrelationMatrix()} finds the nearest
 * one that can, and {@link #repair()} the one the samplers use.
 * Immutable.
 */
public final class CorrelationMatrix {

    /**
     * Asymmetry tolerated as rounding in a typed or computed matrix; anything larger is a mistake.
     */
    private static final double SYMMETRY_TOLERANCE = 1e-12;

    /** Eigenvalues down to minus this count as zero: rounding in a singular but valid matrix. */
    private static final double PSD_TOLERANCE = 1e-10;

    private final List<String> labels;
    private final double[][] values;

    private CorrelationMatrix(List<String> labels, double[][] values) {
        this.labels = labels;
        this.values = values;
    }

    /**
     * @param labels one name per input (cell reference or RiskName), in matrix order
     * @param values the matrix, row by row
     * @throws CorrelationException naming the row, entry or pair that is wrong
     */
    public static CorrelationMatrix of(List<String> labels, double[][] values) {
        List<String> names = List.copyOf(labels);
        checkLabels(names);
        double[][] copy = checkShape(names, values);
        checkEntries(names, copy);
        return new CorrelationMatrix(names, Matrices.symmetrized(copy));
    }

    /** No correlation between any of the inputs. */
    public static CorrelationMatrix identity(List<String> labels) {
        List<String> names = List.copyOf(labels);
        checkLabels(names);
        return new CorrelationMatrix(names, Matrices.identity(names.size()));
    }

    public int size() {
        return labels.size();
    }

    public List<String> labels() {
        return labels;
    }

    /** The correlation of input i and input j. */
    public double get(int i, int j) {
        return values[i][j];
    }

    /** A copy of the entries, row by row. */
    public double[][] values() {
        return Matrices.copy(values);
    }

    /** The smallest eigenvalue; negative when the pairwise correlations contradict each other. */
    public double smallestEigenvalue() {
        return size() == 0 ? 1 : SymmetricEigen.of(values).smallest();
    }

    /** Whether the correlations can all hold at once (up to rounding). */
    public boolean isPositiveSemiDefinite() {
        return smallestEigenvalue() >= -PSD_TOLERANCE;
    }

    /**
     * The nearest positive semi-definite correlation matrix in the Frobenius norm (Higham's
     * alternating projections); this matrix itself when it already is one.
     */
    public CorrelationMatrix nearestCorrelationMatrix() {
        if (isPositiveSemiDefinite()) {
            return this;
        }
        return new CorrelationMatrix(labels, NearestCorrelation.of(values));
    }

    /**
     * The rank correlations sampling will use and whether they differ from this matrix, for the
     * run's report. Samplers correlate normal scores (see {@code NormalScoreCorrelation}), so the
     * repair is the nearest correlation matrix of the normal-score correlations, translated back to
     * rank correlations: a matrix that is exactly reachable. It is this matrix itself whenever this
     * matrix is positive semi-definite and stays so in normal-score terms (every matrix but
     * contradictory or degenerate ones).
     */
    public CorrelationRepair repair() {
        CorrelationMatrix normalScores = mapOffDiagonal(RankCorrelation::normalPearsonForSpearman);
        if (isPositiveSemiDefinite() && normalScores.isPositiveSemiDefinite()) {
            return new CorrelationRepair(this, this, false);
        }
        return new CorrelationRepair(this, NormalScoreCorrelation.ranksOf(normalScores.nearestCorrelationMatrix()),
                true);
    }

    /**
     * Applies f to every off-diagonal entry; the result may need {@link #nearestCorrelationMatrix()}.
     * Package-private: used to turn rank correlations into the normal-score correlations copulas
     * take.
     */
    CorrelationMatrix mapOffDiagonal(DoubleUnaryOperator f) {
        int n = size();
        double[][] out = Matrices.identity(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mapped = Math.max(-1, Math.min(1, f.applyAsDouble(values[i][j])));
                out[i][j] = mapped;
                out[j][i] = mapped;
            }
        }
        return new CorrelationMatrix(labels, out);
    }

    /** Direct access for the package's numeric code, which never writes to it. */
    double[][] entries() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationMatrix other && labels.equals(other.labels)
                && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("CorrelationMatrix").append(labels);
        for (double[] row : values) {
            out.append(' ').append(Arrays.toString(row));
        }
        return out.toString();
    }

    private static void checkLabels(List<String> labels) {
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(label)) {
                throw new CorrelationException("correlation matrix: input " + label + " appears twice");
            }
        }
    }

    private static double[][] checkShape(List<String> labels, double[][] values) {
        int n = labels.size();
        if (values == null || values.length != n) {
            throw new CorrelationException("correlation matrix: expected " + n + " rows (one per input: "
                    + String.join(", ", labels) + "), got " + (values == null ? 0 : values.length));
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (values[i] == null || values[i].length != n) {
                throw new CorrelationException("correlation matrix: the row of " + labels.get(i) + " has "
                        + (values[i] == null ? 0 : values[i].length) + " entries, expected " + n);
            }
            copy[i] = values[i].clone();
        }
        return copy;
    }

    private static void checkEntries(List<String> labels, double[][] m) {
        int n = labels.size();
        for (int i = 0; i < n; i++) {
            if (m[i][i] != 1) {
                throw new CorrelationException("correlation matrix: the diagonal entry of " + labels.get(i)
                        + " must be 1, got " + format(m[i][i]));
            }
            for (int j = 0; j < n; j++) {
                double r = m[i][j];
                if (i != j && !(r >= -1 && r <= 1)) {
                    throw new CorrelationException("correlation matrix: correlation of " + labels.get(i) + " and "
                            + labels.get(j) + " must be between -1 and 1, got " + format(r));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE) {
                    throw new CorrelationException("correlation matrix: not symmetric: " + labels.get(i) + " with "
                            + labels.get(j) + " is " + format(m[i][j]) + " but " + labels.get(j) + " with "
                            + labels.get(i) + " is " + format(m[j][i]));
                }
            }
        }
    }

    private static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        return Double.toString(x);
    }
}
