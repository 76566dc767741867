package io.carlo.engine.sampling.correlation;

import io.carlo.engine.sampling.RandomStreams;
import java.util.Arrays;

/**
 * Rank correlation between inputs by the Iman–Conover method (R. L. Iman and W. J. Conover, "A
 * distribution-free approach to inducing rank correlation among input variables", Commun. Statist.
 * B11, 1982): each input's independently drawn sample column is reordered, never changed, so its
 * values (and so its distribution, Latin hypercube stratification included) stay exactly as drawn,
 * while the columns' rank correlations approach the target.
 *
 * <p>The steps: fill a score matrix with independent random permutations of the van der Waerden
 * scores Φ⁻¹(i/(n+1)); take the Cholesky factors Q of the scores' own correlation and P of the
 * target (as normal-score correlations, see {@link NormalScoreCorrelation}); the transformed scores
 * S (P Q⁻¹)ᵀ then have exactly the target correlation, and each input column is rearranged to have
 * the ranks of its transformed score column.
 *
 * <p>A target that is not positive semi-definite runs at its repair ({@link CorrelationMatrix#repair()}).
 *
 * <p>Works on a whole batch of iterations at once; for runs split into shards use a copula instead.
 */
public final class ImanConover {

    /** Stream under which the sub-seed for the score permutations is drawn from the run's seed. */
    private static final long PERMUTATION_SEED_STREAM = 0x1C0_0000_0000L;

    private ImanConover() {
    }

    /**
     * Reorders each column in place so that the rank correlation matrix of the columns approaches
     * {@code target} (its {@link CorrelationMatrix#repair() repair} when it cannot hold as given).
     * Deterministic for a seed.
     *
     * @param columns one sample column per input of {@code target}, all of the same length
     * @param seed    the run's seed; the score permutations use streams derived from it that no
     *                input's own stream can collide with
     * @return the Spearman matrix the reordered columns achieve
     */
    public static double[][] reorder(double[][] columns, CorrelationMatrix target, long seed) {
        checkShape(columns, target);
        int k = columns.length;
        int n = k == 0 ? 0 : columns[0].length;
        if (k < 2 || n < 2) {
            return RankCorrelation.matrix(columns);
        }
        double[][] scores = permutedScores(n, k, RandomStreams.bits(seed, PERMUTATION_SEED_STREAM, 0));
        double[][] transform = transform(scores, target);
        double[] transformed = new double[n];
        double[][] ranks = new double[k][];
        for (int j = 0; j < k; j++) {
            Arrays.fill(transformed, 0);
            for (int m = 0; m <= j; m++) {
                double weight = transform[j][m];
                double[] score = scores[m];
                for (int i = 0; i < n; i++) {
                    transformed[i] += weight * score[i];
                }
            }
            ranks[j] = rearrange(columns[j], Ranks.ordinal(transformed));
        }
        return RankCorrelation.pearsonMatrix(ranks);
    }

    /**
     * P Q⁻¹, which maps scores with correlation Q Qᵀ to scores with correlation P Pᵀ. Lower
     * triangular, since both factors are. With very few iterations the random scores can be
     * linearly dependent (Q singular); they are then used as if uncorrelated, as in the original
     * method, which is all such a tiny sample allows.
     */
    private static double[][] transform(double[][] scores, CorrelationMatrix target) {
        double[][] p = Cholesky.factor(NormalScoreCorrelation.forRanks(target).entries());
        double[][] q = Cholesky.factor(RankCorrelation.pearsonMatrix(scores));
        return Cholesky.isInvertible(q) ? Matrices.multiply(p, Cholesky.invertLower(q)) : p;
    }

    /** k columns, each an independent random permutation of the n van der Waerden scores. */
    private static double[][] permutedScores(int n, int k, long permutationSeed) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = StandardNormal.inverseCdf((i + 1) / (n + 1.0));
        }
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] column = scores.clone();
            // Fisher–Yates; a bounded integer from 64 random bits by a multiply-high, no modulo bias.
            for (int i = n - 1; i > 0; i--) {
                int swap = (int) Math.unsignedMultiplyHigh(RandomStreams.bits(permutationSeed, j, i), i + 1L);
                double t = column[i];
                column[i] = column[swap];
                column[swap] = t;
            }
            out[j] = column;
        }
        return out;
    }

    /**
     * Puts the column's r-th smallest value where {@code positions} says rank r belongs, and returns
     * the rearranged column's Spearman ranks, known at this point without sorting it again.
     */
    private static double[] rearrange(double[] column, int[] positions) {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        double[] rankOfSorted = Ranks.averageOfSorted(sorted);
        double[] ranks = new double[column.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = sorted[positions[i]];
            ranks[i] = rankOfSorted[positions[i]];
        }
        return ranks;
    }

    private static void checkShape(double[][] columns, CorrelationMatrix target) {
        if (columns.length != target.size()) {
            throw new IllegalArgumentException("Iman–Conover: " + columns.length
                    + " sample columns for a correlation matrix of " + target.size() + " inputs "
                    + target.labels());
        }
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != columns[0].length) {
                throw new IllegalArgumentException("Iman–Conover: the column of " + target.labels().get(j) + " has "
                        + columns[j].length + " values, the column of " + target.labels().get(0) + " has "
                        + columns[0].length);
            }
        }
    }
}
