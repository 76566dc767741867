package io.carlo.engine.sampling.correlation;

import java.util.Arrays;

/**
 * Ranks 1..n of a sample. Both kinds work from one sorted copy and a binary search per value, so
 * they need no boxed index sort and stay O(n log n) at millions of iterations.
 */
final class Ranks {

    private Ranks() {
    }

    /** Ranks with ties sharing the average of the ranks they span (Spearman's convention). */
    static double[] average(double[] x) {
        double[] sorted = sortedCopy(x);
        double[] ranks = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i] + 0.0;
            int first = firstIndexOf(sorted, v);
            int last = firstIndexAbove(sorted, v) - 1;
            ranks[i] = (first + last) / 2.0 + 1;
        }
        return ranks;
    }

    /**
     * Positions 0..n-1 in ascending order, ties broken by position (earlier first), so the result is
     * a permutation and deterministic.
     */
    static int[] ordinal(double[] x) {
        double[] sorted = sortedCopy(x);
        int[] taken = new int[x.length];
        int[] positions = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int first = firstIndexOf(sorted, x[i] + 0.0);
            positions[i] = first + taken[first]++;
        }
        return positions;
    }

    private static double[] sortedCopy(double[] x) {
        double[] sorted = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException("cannot rank NaN (at position " + i + ")");
            }
            // Adding 0.0 turns -0.0 into 0.0: the two are the same number and must tie.
            sorted[i] = x[i] + 0.0;
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static int firstIndexOf(double[] sorted, double v) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < v) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int firstIndexAbove(double[] sorted, double v) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= v) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
