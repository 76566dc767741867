package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationResult.CorrelationReport;
import io.carlo.engine.simulation.SimulationResult.InputResult;
import io.carlo.engine.simulation.SimulationResult.OutputResult;
import io.carlo.engine.stats.Histogram;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SummaryStatistics;
import io.carlo.engine.stats.TailRisk;
import io.carlo.engine.stats.TargetProbability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulation results built directly from records, with samples drawn from a fixed seed and
 * statistics worked out from them plainly (the real calculators live elsewhere; the reports only
 * copy numbers, so plausible and self-consistent numbers are what matters here).
 */
final class ReportFixtures {

    static final int BINS = 20;

    private ReportFixtures() {
    }

    /**
     * Inputs {@code Model!B1}, {@code 'Q1, 2024'!B2} (a label CSV must quote), ...; outputs
     * {@code Model!D1} = "NPV", {@code Model!D2} = "Margin" (an Excel error every 97th iteration), ...
     */
    static SimulationResult result(int iterations, int inputCount, int outputCount, boolean correlated) {
        SplittableRandom random = new SplittableRandom(20261122L);
        List<String> inputCells = new ArrayList<>();
        List<double[]> inputSamples = new ArrayList<>();
        for (int k = 0; k < inputCount; k++) {
            inputCells.add(k == 1 ? "'Q1, 2024'!B2" : "Model!B" + (k + 1));
            double[] x = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                x[i] = 100 * (k + 1) + 10 * gaussian(random);
            }
            inputSamples.add(x);
        }
        List<InputResult> inputs = new ArrayList<>();
        for (int k = 0; k < inputCount; k++) {
            inputs.add(new InputResult(inputCells.get(k), k == 0 ? "Price" : null,
                    "Normal(" + 100 * (k + 1) + ", 10)", statistics(inputSamples.get(k)), inputSamples.get(k)));
        }

        List<OutputResult> outputs = new ArrayList<>();
        for (int o = 0; o < outputCount; o++) {
            double[] y = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                double sum = 0;
                for (int k = 0; k < inputCount; k++) {
                    sum += (k + 1) * (o + 1) * inputSamples.get(k)[i];
                }
                y[i] = o == 1 ? 1 / sum : sum * 1234.5;
                if (o == 1 && i % 97 == 96) {
                    y[i] = Double.NaN;
                }
            }
            List<Sensitivity> sensitivity = new ArrayList<>();
            for (int k = inputCount - 1; k >= 0; k--) {
                double rho = (o == 1 ? -1 : 1) * (0.3 + 0.6 * k / Math.max(1, inputCount));
                List<Double> binMeans = new ArrayList<>();
                for (int b = 0; b < Sensitivity.BINS; b++) {
                    binMeans.add(1000.0 * o + b * rho);
                }
                sensitivity.add(new Sensitivity(inputs.get(k).cell(), rho, rho * 0.9, 1.0 / inputCount,
                        binMeans, binMeans.getFirst(), binMeans.getLast()));
            }
            outputs.add(new OutputResult("Model!D" + (o + 1), o == 0 ? "NPV" : o == 1 ? "Margin" : null,
                    statistics(y), sensitivity, null, y));
        }

        CorrelationReport correlation = null;
        if (correlated) {
            double[][] target = {{1, 0.8, 0.9}, {0.8, 1, -0.5}, {0.9, -0.5, 1}};
            double[][] used = {{1, 0.71, 0.83}, {0.71, 1, -0.39}, {0.83, -0.39, 1}};
            double[][] achieved = {{1, 0.7093, 0.8314}, {0.7093, 1, -0.3875}, {0.8314, -0.3875, 1}};
            correlation = new CorrelationReport(List.of("A", "B", "C"), target, used, achieved, true);
        }
        return new SimulationResult("model.xlsx", iterations, Long.MAX_VALUE - 6, "lhs", 2,
                new SimulationResult.Timings(120, 35, 900), outputs, inputs, correlation);
    }

    static SummaryStatistics statistics(double[] samples) {
        double[] values = Arrays.stream(samples).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = values.length;
        double mean = Arrays.stream(values).sum() / n;
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double stdDev = Math.sqrt(variance);
        double min = values[0];
        double max = values[n - 1];
        TreeMap<Integer, Double> percentiles = new TreeMap<>();
        for (int p = 1; p <= 99; p++) {
            double rank = (n - 1) * p / 100.0;
            int low = (int) rank;
            percentiles.put(p, values[low] + (rank - low) * (values[Math.min(low + 1, n - 1)] - values[low]));
        }
        List<Double> edges = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int b = 0; b <= BINS; b++) {
            edges.add(min + (max - min) * b / BINS);
        }
        long[] binCounts = new long[BINS];
        for (double v : values) {
            binCounts[Math.min(BINS - 1, (int) ((v - min) / (max - min) * BINS))]++;
        }
        for (long c : binCounts) {
            counts.add(c);
        }
        double half = 1.96 * stdDev / Math.sqrt(n);
        List<TargetProbability> targets = List.of(new TargetProbability(0, 0.01, 0.99),
                new TargetProbability(1e6, 0.75, 0.25));
        List<TailRisk> tailRisks = List.of(new TailRisk(0.95, percentiles.get(5), percentiles.get(5) - stdDev / 2),
                new TailRisk(0.99, percentiles.get(1), percentiles.get(1) - stdDev / 3));
        return new SummaryStatistics(samples.length, samples.length - n, n, mean, stdDev, variance, 0.125, -0.25,
                min, max, percentiles.get(50), mean - half, mean + half, percentiles, new Histogram(edges, counts),
                List.of(), targets, tailRisks);
    }

    private static double gaussian(SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += random.nextDouble();
        }
        return sum - 6;
    }
}
