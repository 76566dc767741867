package io.carlo.engine.stats;

/**
 * The ascending order of a sample and the rank of each value, ties sharing the average of the
 * positions they span (Excel's RANK.AVG, the convention Spearman's correlation needs).
 *
 * <p>The order comes from a stable least-significant-digit radix sort of the values' bit patterns
 * together with their indices: sorting 10^7 (value, index) pairs this way takes a few passes over
 * memory, where a comparison sort of boxed indices would take seconds. Stability means equal values
 * keep their iteration order, so the order is fully determined by the sample.
 *
 * @param order positions of the values in ascending order: {@code values[order[0]]} is the smallest
 * @param ranks rank of each value, 1 for the smallest, in the values' own order
 */
record Ranking(int[] order, double[] ranks) {

    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;

    /** Ranks {@code values}, which must all be finite. */
    static Ranking of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = sortableBits(values[i]);
            keys[i] = key;
            order[i] = i;
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass][digit(key, pass)]++;
            }
        }
        long[] keysOut = new long[n];
        int[] orderOut = new int[n];
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            if (n == 0 || count[digit(keys[0], pass)] == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int start = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = start;
                start += c;
            }
            for (int i = 0; i < n; i++) {
                int to = count[digit(keys[i], pass)]++;
                keysOut[to] = keys[i];
                orderOut[to] = order[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] o = order;
            order = orderOut;
            orderOut = o;
        }
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

    /**
     * The double's bits rearranged so that comparing them as unsigned integers orders the doubles:
     * negative numbers have all bits flipped, positive ones only the sign bit. -0.0 becomes 0.0 first
     * so that the two zeros tie, as they compare equal.
     */
    private static long sortableBits(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static int digit(long key, int pass) {
        return (int) (key >>> (pass * DIGIT_BITS)) & (BUCKETS - 1);
    }
}
