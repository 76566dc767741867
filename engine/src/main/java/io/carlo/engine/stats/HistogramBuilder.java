package io.carlo.engine.stats;

import java.util.ArrayList;
import java.util.List;

/** Equal-width histograms over the range of a sample, with the Freedman–Diaconis automatic bin count. */
final class HistogramBuilder {

    static final int MIN_AUTOMATIC_BINS = 10;
    static final int MAX_AUTOMATIC_BINS = 200;

    private HistogramBuilder() {
    }

    /**
     * Freedman–Diaconis: bin width 2 IQR / n^(1/3), which adapts to the spread without being pulled
     * by outliers; clamped to 10..200 bins so that a chart stays readable. When the interquartile
     * range is 0 (most values equal, a few outliers) the width is undefined and Sturges' rule,
     * log2(n) + 1 bins, stands in.
     */
    static int automaticBinCount(SortedValues values) {
        int n = values.size();
        double range = values.max() - values.min();
        if (n == 0 || range == 0) {
            return 1;
        }
        double iqr = values.percentile(0.75) - values.percentile(0.25);
        double bins = iqr > 0
                ? Math.ceil(range / (2 * iqr / Math.cbrt(n)))
                : Math.ceil(Math.log(n) / Math.log(2)) + 1;
        return (int) Math.max(MIN_AUTOMATIC_BINS, Math.min(MAX_AUTOMATIC_BINS, bins));
    }

    /**
     * {@code bins} equal-width bins from the minimum to the maximum. A sample without spread gets
     * one bin [v, v] whatever was asked; an empty sample gets no bin and the single edge NaN.
     */
    static Histogram build(SortedValues values, int bins) {
        int n = values.size();
        if (n == 0) {
            return new Histogram(List.of(Double.NaN), List.of());
        }
        double min = values.min();
        double max = values.max();
        double range = max - min;
        if (range == 0) {
            return new Histogram(List.of(min, max), List.of((long) n));
        }
        List<Double> edges = new ArrayList<>(bins + 1);
        edges.add(min);
        for (int i = 1; i < bins; i++) {
            // min + range * i / bins can round past max when min is negative; the last edge is max itself.
            edges.add(Math.min(max, min + range * i / bins));
        }
        edges.add(max);
        // Counting by the edges themselves (not by dividing each value by the width) keeps every
        // value on the side of an edge that the edges say, whatever the rounding of the width.
        List<Long> counts = new ArrayList<>(bins);
        int below = 0;
        for (int i = 1; i < bins; i++) {
            int belowNext = values.countBelow(edges.get(i));
            counts.add((long) (belowNext - below));
            below = belowNext;
        }
        counts.add((long) (n - below));
        return new Histogram(edges, counts);
    }
}
