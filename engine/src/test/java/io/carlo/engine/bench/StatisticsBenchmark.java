package io.carlo.engine.bench;

import io.carlo.engine.stats.ConvergenceAnalysis;
import io.carlo.engine.stats.OutputAnalysis;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SensitivityAnalysis;
import io.carlo.engine.stats.Statistics;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.engine.stats.SummaryStatistics;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints how long the results statistics take on one output of 10^7 iterations (or the count given
 * as the first argument) with 5 inputs: summary statistics, sensitivity, convergence, each alone and
 * together through {@link OutputAnalysis}. Median of the
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

        String[] phases = {"summarize", "sensitivity", "convergence", "all three (OutputAnalysis)"};
        double[][] wall = new double[phases.length][ROUNDS];
        double[][] cpu = new double[phases.length][ROUNDS];
        OutputAnalysis result = null;
        for (int r = -WARMUP; r < ROUNDS; r++) {
            for (int phase = 0; phase < phases.length; phase++) {
                long w = System.nanoTime();
                long c = processCpuNanos();
                switch (phase) {
                    case 0 -> Statistics.summarize(output, StatisticsOptions.DEFAULT);
                    case 1 -> SensitivityAnalysis.analyze(output, inputs, names);
                    case 2 -> ConvergenceAnalysis.analyze(output, StatisticsOptions.DEFAULT.convergencePoints());
                    default -> result = OutputAnalysis.of(output, inputs, names, StatisticsOptions.DEFAULT);
                }
                if (r >= 0) {
                    wall[phase][r] = (System.nanoTime() - w) / 1e6;
                    cpu[phase][r] = (processCpuNanos() - c) / 1e6;
                }
            }
        }
        System.out.printf("%,d iterations, %d inputs, %d cores, load average %.1f; median of %d rounds after %d warm-up%n",
                n, INPUTS, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ROUNDS, WARMUP);
        System.out.println("  (CPU time is the whole process's, all threads: the fairer figure on a busy machine)");
        for (int phase = 0; phase < phases.length; phase++) {
            System.out.printf("  %-28s wall %7.0f ms   cpu %7.0f ms%n", phases[phase], median(wall[phase]),
                    median(cpu[phase]));
        }
        SummaryStatistics stats = result.statistics();
        Sensitivity top = result.sensitivity().get(0);
        System.out.printf("  mean %.6f, sd %.6f, errors %d, histogram bins %d, top input %s (rho %.4f)%n",
                stats.mean(), stats.stdDev(), stats.errors(), stats.histogram().counts().size(), top.input(),
                top.rankCorrelation());
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
