package io.carlo.engine.bench;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.Distributions;
import io.carlo.engine.sampling.RandomStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how many draws per second each distribution's inverse CDF gives on one thread (uniform
 * from {@link RandomStreams} included), best of a few rounds after warm-up. A benchmark, not a
 * test: {@code scripts/benchmark-distributions}.
 */
public final class DistributionBenchmark {

    private static final int DRAWS = 1_000_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        List<Distribution> distributions = new ArrayList<>();
        for (String call : List.of("Normal 100 10", "LogNormal 10 2", "Triangular 0 3 10", "Pert 0 3 10",
                "Uniform 0 1", "Beta 2 5", "Gamma 3 2", "Exponential 7", "Weibull 1.5 3", "Student 5", "F 5 10",
                "LogLogistic 1 2 5", "InvGauss 2 5", "Poisson 4.5", "Binomial 20 0.3", "Poisson 1000",
                "IntUniform 1 6")) {
            String[] parts = call.split(" ");
            List<double[]> arguments = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                arguments.add(new double[] {Double.parseDouble(parts[i])});
            }
            distributions.add(Distributions.create(parts[0], arguments));
        }
        distributions.add(Distributions.truncate(Distributions.create("Normal", List.of(new double[] {0},
                new double[] {1})), -1, 2));
        System.out.printf("draws per second on one thread, best of %d rounds of %,d draws%n", ROUNDS, DRAWS);
        double sink = 0;
        for (Distribution d : distributions) {
            double best = Double.MAX_VALUE;
            for (int round = -2; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < DRAWS; i++) {
                    sink += d.inverseCdf(RandomStreams.uniform(1, 2, i));
                }
                long elapsed = System.nanoTime() - start;
                if (round >= 0) {
                    best = Math.min(best, elapsed);
                }
            }
            System.out.printf("  %-40s %,14.0f /s  %8.1f ns/draw%n", d.describe(), DRAWS / (best / 1e9),
                    best / DRAWS);
        }
        System.out.println(sink == 42 ? "" : ""); // keeps the loop from being optimised away
    }
}
