package io.carlo.engine.stats;

/**
 * The most likely value of a sample. Discrete data (integers with repeats, or on average at
 * least two iterations per distinct value) have a true mode: the most frequent value, the smallest
 * one on a tie so that the answer does not depend on iteration order. Continuous data repeat no
 * value, so their mode is estimated as the centre of the histogram's fullest bin (the first on a tie).
 */
final class ModeEstimate {

    private ModeEstimate() {
    }

    static double of(SortedValues values, Histogram histogram) {
        int n = values.size();
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = values.array();
        int distinct = 0;
        boolean integers = true;
        double mostFrequent = sorted[0];
        int longestRun = 0;
        int runStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || sorted[i] != sorted[runStart]) {
                distinct++;
                if (i - runStart > longestRun) {
                    longestRun = i - runStart;
                    mostFrequent = sorted[runStart];
                }
                if (i == n) {
                    break;
                }
                runStart = i;
            }
            integers &= sorted[i] == Math.rint(sorted[i]);
        }
        boolean discrete = (integers && longestRun > 1) || 2L * distinct <= n;
        if (discrete) {
            return mostFrequent;
        }
        int fullest = 0;
        for (int i = 1; i < histogram.counts().size(); i++) {
            if (histogram.counts().get(i) > histogram.counts().get(fullest)) {
                fullest = i;
            }
        }
        return (histogram.edges().get(fullest) + histogram.edges().get(fullest + 1)) / 2;
    }
}
