package io.carlo.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.Distributions;
import io.carlo.engine.stats.StatisticsOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatinHypercubeTest {

    private static double meanError(Sampling sampling, Distribution d, int n, int runs) {
        double total = 0;
        for (int seed = 1; seed <= runs; seed++) {
            SimulationSettings s = new SimulationSettings(n, seed, sampling, 1, 1024, StatisticsOptions.DEFAULT, 0);
            double[] x = Simulator.draw(d, s, 12345, n);
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            total += Math.abs(mean - d.mean());
        }
        return total / runs;
    }

    @Test
    void latinHypercubeMeansAreMarkedlyCloserThanMonteCarlo() {
        for (Distribution d : List.of(Distributions.create("Normal", List.of(new double[] {100}, new double[] {10})),
                Distributions.create("Triang", List.of(new double[] {0}, new double[] {1}, new double[] {5})),
                Distributions.create("Lognorm", List.of(new double[] {10}, new double[] {4})))) {
            double mc = meanError(Sampling.MC, d, 1000, 30);
            double lhs = meanError(Sampling.LHS, d, 1000, 30);
            assertThat(lhs).as(d.describe()).isLessThan(mc / 10);
        }
    }

    @Test
    void randomizedSobolMeansAreMarkedlyCloserThanMonteCarlo() {
        Distribution d = Distributions.create("Normal", List.of(new double[] {100}, new double[] {10}));
        double mc = meanError(Sampling.MC, d, 1024, 30);
        double sobol = meanErrorSobol(d, 1024, 30);
        assertThat(sobol).isLessThan(mc / 10);
    }

    /** Sobol draws go through the simulator (all inputs at once): a one-input model. */
    private static double meanErrorSobol(Distribution d, int n, int runs) {
        io.carlo.engine.workbook.Workbook wb = new io.carlo.engine.testing.TestWorkbooks()
                .set("S", "A1", "0").set("S", "A2", "=A1*1").build();
        SimulationModel model = new ModelBuilder(io.carlo.engine.eval.WorkbookEvaluator.of(wb))
                .input("S!A1=Normal(100,10)").output("S!A2").build(1);
        double total = 0;
        for (int seed = 1; seed <= runs; seed++) {
            double[] x = Simulator.run(model, SimulationSettings.of(n, seed, Sampling.SOBOL, 2),
                    Simulator.Listener.NONE).outputs()[0];
            total += Math.abs(java.util.Arrays.stream(x).average().orElseThrow() - d.mean());
        }
        return total / runs;
    }

    @Test
    void strataArePermutations() {
        int[] p = LatinHypercube.strata(7, 99, 10_000);
        boolean[] seen = new boolean[p.length];
        for (int v : p) {
            assertThat(seen[v]).isFalse();
            seen[v] = true;
        }
        assertThat(LatinHypercube.strata(7, 99, 10_000)).isEqualTo(p);
        assertThat(LatinHypercube.strata(8, 99, 10_000)).isNotEqualTo(p);
    }
}
