package io.carlo.engine.stats;

/**
 * The ascending order of a sample and the rank of each value, ties sharing the average of the
 * positions they span (Excel's RANK.AVG, the convention Spearman's correlation needs).
 *
 * <p>The order comes from a stable radix sort of the values with their indices ({@link RadixSort}):
 * sorting 10^7 (value, index) pairs this way takes a few passes over memory, where a comparison
 * sort of boxed indices would take seconds. Stability means equal values keep their iteration
 * order, so the order is fully determined by the sample.
 *
 * @param order positions of the values in ascending order: {@code values[order[0]]} is the smallest
 * @param ranks rank of each value, 1 for the smallest, in the values' own order
 */
record Ranking(int[] order, double[] ranks) {

    /** Ranks {@code values}, which must all be finite. */
    static Ranking of(double[] values) {
        int n = values.length;
        RadixSort.Ordered sorted = RadixSort.order(values);
        int[] order = sorted.order();
        long[] keys = sorted.sortedKeys();
        double[] ranks = new double[n];
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || keys[i] != keys[runStart]) {
                // positions runStart..i-1 (0-based) share the average rank of ranks runStart+1..i
                double rank = (runStart + 1 + i) / 2.0;
                for (int j = runStart; j < i; j++) {
                    ranks[order[j]] = rank;
                }
                runStart = i;
            }
        }
        return new Ranking(order, ranks);
    }
}
