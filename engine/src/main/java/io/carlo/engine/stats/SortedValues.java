package io.carlo.engine.stats;

import java.util.Arrays;

/**
 * The numbers of a sample in ascending order, with the order statistics the calculators read from
 * them. Built from a copy: the caller's array is never reordered. Every statistic computed from it
 * depends only on the multiset of values, never on the iteration order, which keeps results
 * independent of how a run was split across threads.
 */
final class SortedValues {

    private final double[] sorted;

    private SortedValues(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * The finite values of {@code samples}, sorted. NaN (an iteration that produced an Excel error)
     * and the infinities (which no Excel number can be) are left out.
     */
    static SortedValues finiteOf(double[] samples) {
        double[] copy = new double[samples.length];
        int n = 0;
        for (double v : samples) {
            if (Double.isFinite(v)) {
                copy[n++] = v;
            }
        }
        double[] finite = n == copy.length ? copy : Arrays.copyOf(copy, n);
        // -0.0 comes back as 0.0: Excel has one zero, and Ranking ties the two as well
        return new SortedValues(RadixSort.sortedCopy(finite));
    }

    /**
     * The same values from a ranking already made of them ({@code finite} holds no NaN or
     * infinity): gathering them in rank order costs one pass instead of a sort, and gives exactly
     * the array {@link #finiteOf} would.
     */
    static SortedValues fromRanking(double[] finite, Ranking ranking) {
        int[] order = ranking.order();
        double[] values = new double[order.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = finite[order[i]] + 0.0;
        }
        return new SortedValues(values);
    }

    int size() {
        return sorted.length;
    }

    double get(int i) {
        return sorted[i];
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** The backing array, for the single-pass calculators of this package; never modify it. */
    double[] array() {
        return sorted;
    }

    /**
     * Excel's PERCENTILE.INC: linear interpolation between the order statistics around rank
     * {@code p * (n - 1)}, counted from 0. NaN for an empty sample.
     */
    double percentile(double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double rank = Math.max(0, Math.min(1, p)) * (n - 1);
        int below = (int) Math.floor(rank);
        if (below >= n - 1) {
            return sorted[n - 1];
        }
        double fraction = rank - below;
        double low = sorted[below];
        return fraction == 0 ? low : low + fraction * (sorted[below + 1] - low);
    }

    /** How many values are {@code <= x}. */
    int countAtOrBelow(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many values are {@code < x}. */
    int countBelow(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Mean of the {@code count} smallest values (compensated sum). */
    double meanOfSmallest(int count) {
        return CompensatedSum.of(sorted, 0, count) / count;
    }
}
