package io.carlo.engine.function.statistics;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import java.util.Arrays;

/**
 * A sample in ascending order, with the quantile rules of Excel's order statistics. Built from a
 * copy, so sorting never disturbs the caller's data.
 */
final class SortedSample {

    private final double[] sorted;

    private SortedSample(double[] sorted) {
        this.sorted = sorted;
    }

    static SortedSample of(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new SortedSample(copy);
    }

    int size() {
        return sorted.length;
    }

    double get(int index) {
        return sorted[index];
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    private void requireData() {
        if (sorted.length == 0) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
    }

    double median() {
        requireData();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** PERCENTILE.INC: rank k*(n-1) from the smallest, interpolating between neighbours. */
    double percentileInclusive(double k) {
        requireData();
        if (k < 0 || k > 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return interpolate(k * (sorted.length - 1));
    }

    /**
     * PERCENTILE.EXC: rank k*(n+1) counted from 1, which must fall within 1..n: a sample of n
     * points cannot tell anything about the tails beyond 1/(n+1).
     */
    double percentileExclusive(double k) {
        requireData();
        int n = sorted.length;
        if (k <= 0 || k >= 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        double rank = k * (n + 1);
        if (rank < 1 || rank > n) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return interpolate(rank - 1);
    }

    /** The value at a fractional zero-based position. */
    private double interpolate(double position) {
        int low = (int) Math.floor(position);
        double fraction = position - low;
        if (low + 1 >= sorted.length || fraction == 0) {
            return sorted[low];
        }
        return sorted[low] + fraction * (sorted[low + 1] - sorted[low]);
    }

    /** LARGE/SMALL's k-th value from the top or the bottom (1-based); #NUM! outside 1..n. */
    double kth(int k, boolean fromTop) {
        if (k < 1 || k > sorted.length) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return fromTop ? sorted[sorted.length - k] : sorted[k - 1];
    }

    /** TRIMMEAN: the mean without the given count of points at each end. */
    double trimmedMean(int trimEachEnd) {
        requireData();
        double sum = 0;
        int count = 0;
        for (int i = trimEachEnd; i < sorted.length - trimEachEnd; i++) {
            sum += sorted[i];
            count++;
        }
        return sum / count;
    }
}
