package io.carlo.engine.sampling.correlation;

import java.util.Arrays;

/**
 * Ranks of a sample. Both kinds come from one stable sort of the positions by value: a least
 * significant digit radix sort on the values' bit patterns, which reads and writes memory in
 * sequence and so stays fast at millions of iterations, where a comparison sort or a binary search
 * per value spends its time waiting on cache misses.
 */
final class Ranks {

    private static final int DIGIT_BITS = 16;
    private static final int DIGITS = 1 << DIGIT_BITS;

    private Ranks() {
    }

    /** Ranks 1..n with ties sharing the average of the ranks they span (Spearman's convention). */
    static double[] average(double[] x) {
        long[] keys = sortableKeys(x);
        int[] order = stableOrder(keys);
        double[] ranks = new double[x.length];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && keys[order[end]] == keys[order[start]]) {
                end++;
            }
            // Positions start..end-1 hold equal values: ranks start+1..end, whose mean is this.
            double shared = (start + 1 + end) / 2.0;
            for (int r = start; r < end; r++) {
                ranks[order[r]] = shared;
            }
            start = end;
        }
        return ranks;
    }

    /** Average ranks of an ascending sample: each run of equal values shares the mean of its ranks. */
    static double[] averageOfSorted(double[] sorted) {
        double[] ranks = new double[sorted.length];
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            Arrays.fill(ranks, start, end, (start + 1 + end) / 2.0);
            start = end;
        }
        return ranks;
    }

    /**
     * Positions 0..n-1 in ascending order, ties broken by position (earlier first), so the result is
     * a permutation and deterministic.
     */
    static int[] ordinal(double[] x) {
        int[] order = stableOrder(sortableKeys(x));
        int[] positions = new int[x.length];
        for (int r = 0; r < order.length; r++) {
            positions[order[r]] = r;
        }
        return positions;
    }

    /**
     * Maps each double to a long whose unsigned order is the numeric order: flip every bit of a
     * negative number, only the sign bit of a positive one. Adding 0.0 first turns -0.0 into 0.0,
     * since they are the same number and must tie.
     */
    private static long[] sortableKeys(double[] x) {
        long[] keys = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException("cannot rank NaN (at position " + i + ")");
            }
            long bits = Double.doubleToRawLongBits(x[i] + 0.0);
            keys[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        }
        return keys;
    }

    /**
     * The positions sorted by unsigned key, equal keys in position order (LSD radix sort). Keys
     * travel with their positions so that every pass reads both arrays in sequence.
     */
    private static int[] stableOrder(long[] keys) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] sortedKeys = keys.clone();
        int[] scratch = new int[n];
        long[] scratchKeys = new long[n];
        int[] counts = new int[DIGITS + 1];
        for (int shift = 0; shift < Long.SIZE && n > 0; shift += DIGIT_BITS) {
            Arrays.fill(counts, 0);
            for (long key : sortedKeys) {
                counts[digit(key, shift) + 1]++;
            }
            if (counts[digit(sortedKeys[0], shift) + 1] == n) {
                continue; // every key has the same digit here: this pass would not move anything
            }
            for (int d = 0; d < DIGITS; d++) {
                counts[d + 1] += counts[d];
            }
            for (int i = 0; i < n; i++) {
                int to = counts[digit(sortedKeys[i], shift)]++;
                scratch[to] = order[i];
                scratchKeys[to] = sortedKeys[i];
            }
            int[] swap = order;
            order = scratch;
            scratch = swap;
            long[] swapKeys = sortedKeys;
            sortedKeys = scratchKeys;
            scratchKeys = swapKeys;
        }
        return order;
    }

    private static int digit(long key, int shift) {
        return (int) (key >>> shift) & (DIGITS - 1);
    }
}
