package io.carlo.engine.bench;

import io.carlo.engine.stats.ConvergenceAnalysis;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SensitivityAnalysis;
import io.carlo.engine.stats.Statistics;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.engine.stats.SummaryStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints how long the results statistics take on one output of 10^7 iterations (or the count given
 * as the first argument) with 5 inputs: summary statistics, sensitivity, convergence. Median of the
 * measured rounds after warm-up. A benchmark, not a test: run it with
 * {@code scripts/benchmark-statistics [ITERATIONS]}.
 */
public final class StatisticsBenchmark {

    private static final int INPUTS = 5;
    private static final int WARMUP = 2;
    private static final int ROUNDS = 3;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        SplittableRandom random = new SplittableRandom(1);
        List<double[]> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            double[] x = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = i == 0 ? Math.rint(random.nextDouble() * 6) : random.nextGaussian() * (i + 1) + 100;
            }
            inputs.add(x);
            names.add("Model!B" + (i + 3));
        }
        double[] output = new double[n];
        for (int t = 0; t < n; t++) {
            double y = 0;
            for (int i = 0; i < INPUTS; i++) {
                y += (INPUTS - i) * inputs.get(i)[t];
            }
            output[t] = t % 1000 == 999 ? Double.NaN : Math.exp(y / 1000);
        }

        double[] summarize = new double[ROUNDS];
        double[] sensitivity = new double[ROUNDS];
        double[] convergence = new double[ROUNDS];
        SummaryStatistics stats = null;
        List<Sensitivity> sens = null;
        for (int r = -WARMUP; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            stats = Statistics.summarize(output, StatisticsOptions.DEFAULT);
            long t1 = System.nanoTime();
            sens = SensitivityAnalysis.analyze(output, inputs, names);
            long t2 = System.nanoTime();
            ConvergenceAnalysis.analyze(output, StatisticsOptions.DEFAULT.convergencePoints());
            long t3 = System.nanoTime();
            if (r >= 0) {
                summarize[r] = (t1 - t0) / 1e6;
                sensitivity[r] = (t2 - t1) / 1e6;
                convergence[r] = (t3 - t2) / 1e6;
            }
        }
        System.out.printf("%,d iterations, %d inputs, %d cores, median of %d rounds after %d warm-up%n",
                n, INPUTS, Runtime.getRuntime().availableProcessors(), ROUNDS, WARMUP);
        System.out.printf("  summarize     %8.0f ms%n", median(summarize));
        System.out.printf("  sensitivity   %8.0f ms  (%.0f ms per input)%n", median(sensitivity),
                median(sensitivity) / INPUTS);
        System.out.printf("  convergence   %8.0f ms%n", median(convergence));
        System.out.printf("  mean %.6f, sd %.6f, errors %d, histogram bins %d, top input %s (rho %.4f)%n",
                stats.mean(), stats.stdDev(), stats.errors(), stats.histogram().counts().size(),
                sens.get(0).input(), sens.get(0).rankCorrelation());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
