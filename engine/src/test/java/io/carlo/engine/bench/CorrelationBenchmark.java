package io.carlo.engine.bench;

import io.carlo.engine.sampling.RandomStreams;
import io.carlo.engine.sampling.correlation.Copula;
import io.carlo.engine.sampling.correlation.CorrelationMatrix;
import io.carlo.engine.sampling.correlation.GaussianCopula;
import io.carlo.engine.sampling.correlation.ImanConover;
import io.carlo.engine.sampling.correlation.StudentCopula;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the cost of correlated sampling for 5 inputs: Iman–Conover on 10^6 iterations, and the
 * Gaussian and t copulas in iterations per second (single thread, median after warm-up), by the
 * thread's CPU time, which a machine shared with other jobs does not inflate. A benchmark, not a
 * test: run it with {@code scripts/benchmark-correlation}.
 */
public final class CorrelationBenchmark {

    private static final int N = 1_000_000;
    private static final int ROUNDS = 3;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        CorrelationMatrix target = fiveInputs();
        double[] icMillis = new double[ROUNDS];
        for (int round = -1; round < ROUNDS; round++) {
            double[][] columns = new double[5][N];
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < N; i++) {
                    columns[j][i] = RandomStreams.uniform(round + 10, j, i);
                }
            }
            long start = CPU.getCurrentThreadCpuTime();
            ImanConover.reorder(columns, target, round);
            if (round >= 0) {
                icMillis[round] = (CPU.getCurrentThreadCpuTime() - start) / 1e6;
            }
        }
        System.out.printf("Iman-Conover, 5 inputs, %,d iterations: %.0f ms CPU (median of %d)%n", N, median(icMillis),
                ROUNDS);
        long start = CPU.getCurrentThreadCpuTime();
        Copula student = new StudentCopula(target, 4);
        System.out.printf("Student copula construction (nu = 4, 5 inputs): %.0f ms CPU%n",
                (CPU.getCurrentThreadCpuTime() - start) / 1e6);
        report("Gaussian copula", new GaussianCopula(target));
        report("Student copula (nu = 4)", student);
    }

    private static void report(String name, Copula copula) {
        int[] streams = {0, 1, 2, 3, 4};
        double[] out = new double[5];
        double[] rates = new double[ROUNDS];
        double sink = 0;
        for (int round = -1; round < ROUNDS; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < N; i++) {
                copula.uniforms(round, i, streams, out);
                sink += out[4];
            }
            if (round >= 0) {
                rates[round] = N / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
            }
        }
        System.out.printf("%s, 5 inputs: %,.0f iterations per CPU second (median of %d; checksum %.3f)%n", name, median(rates),
                ROUNDS, sink);
    }

    private static CorrelationMatrix fiveInputs() {
        double[][] values = {
                {1, 0.8, -0.4, 0.0, 0.3},
                {0.8, 1, -0.5, 0.1, 0.2},
                {-0.4, -0.5, 1, -0.6, 0.0},
                {0.0, 0.1, -0.6, 1, 0.45},
                {0.3, 0.2, 0.0, 0.45, 1}};
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            labels.add("Model!B" + i);
        }
        return CorrelationMatrix.of(labels, values);
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
