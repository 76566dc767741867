package io.carlo.engine.function.statistics.distribution;

/** Mean and sample variance for the hypothesis tests, computed in two passes for precision. */
final class SampleStatistics {

    private SampleStatistics() {
    }

    static double mean(double[] data) {
        double sum = 0;
        for (double v : data) {
            sum += v;
        }
        return sum / data.length;
    }

    /** The sample (n - 1) variance; NaN for fewer than two values. */
    static double variance(double[] data) {
        if (data.length < 2) {
            return Double.NaN;
        }
        double mean = mean(data);
        double squares = 0;
        for (double v : data) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (data.length - 1);
    }
}
