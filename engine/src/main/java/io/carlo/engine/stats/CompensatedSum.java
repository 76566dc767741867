package io.carlo.engine.stats;

/**
 * Neumaier's compensated summation: the sum of 10^7 values keeps nearly full double precision
 * instead of losing up to log10(n) digits as a plain running sum does.
 */
final class CompensatedSum {

    private CompensatedSum() {
    }

    static double of(double[] values, int from, int to) {
        double sum = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) {
                compensation += (sum - t) + v;
            } else {
                compensation += (v - t) + sum;
            }
            sum = t;
        }
        return sum + compensation;
    }
}
