package io.carlo.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvergenceAnalysisTest {

    private static double[] normals(long seed, int n) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void checkpointsAreEvenlySpaced() {
        Convergence c = ConvergenceAnalysis.analyze(normals(1, 1000), 10);
        assertThat(c.iterations()).containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L);
        assertThat(c.mean()).hasSize(10);
        assertThat(c.p95StdError()).hasSize(10);
        // fewer iterations than checkpoints: one checkpoint per iteration
        assertThat(ConvergenceAnalysis.analyze(normals(1, 4), 10).iterations()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ConvergenceAnalysis.analyze(new double[0], 10).iterations()).isEmpty();
        assertThat(ConvergenceAnalysis.analyze(normals(1, 4), 0).iterations()).isEmpty();
    }

    @Test
    void runningMeanAndItsStandardErrorAtEachCheckpoint() {
        double[] x = normals(2, 1000);
        x[10] = Double.NaN;
        Convergence c = ConvergenceAnalysis.analyze(x, 4);
        for (int j = 0; j < 4; j++) {
            int at = (int) (long) c.iterations().get(j);
            double[] prefix = Arrays.stream(x, 0, at).filter(v -> !Double.isNaN(v)).toArray();
            SummaryStatistics s = Statistics.summarize(prefix, StatisticsOptions.DEFAULT);
            assertThat(c.mean().get(j)).isCloseTo(s.mean(), within(1e-13));
            assertThat(c.meanStdError().get(j)).isCloseTo(s.stdDev() / Math.sqrt(prefix.length), within(1e-13));
        }
    }

    @Test
    void percentileStandardErrorsMatchTheNormalTheory() {
        int n = 200_000;
        Convergence c = ConvergenceAnalysis.analyze(normals(3, n), 20);
        // sqrt(p (1 - p) / n) / phi(z_p): 1.2533 / sqrt(n) for the median, 2.1131 / sqrt(n) at 5% and 95%
        double root = Math.sqrt(n);
        assertThat(c.p50StdError().get(19)).isCloseTo(1.2533 / root, within(0.05 * 1.2533 / root));
        assertThat(c.p5StdError().get(19)).isCloseTo(2.1131 / root, within(0.08 * 2.1131 / root));
        assertThat(c.p95StdError().get(19)).isCloseTo(2.1131 / root, within(0.08 * 2.1131 / root));
        // and they shrink like 1 / sqrt(m): at a tenth of the run about sqrt(10) times larger
        assertThat(c.p50StdError().get(1) / c.p50StdError().get(19)).isCloseTo(Math.sqrt(10), within(0.3));
        assertThat(c.meanStdError().get(1) / c.meanStdError().get(19)).isCloseTo(Math.sqrt(10), within(0.3));
    }

    @Test
    void aConstantHasNoUncertainty() {
        double[] x = new double[100];
        Arrays.fill(x, 2.5);
        Convergence c = ConvergenceAnalysis.analyze(x, 5);
        assertThat(c.mean()).containsOnly(2.5);
        assertThat(c.meanStdError()).containsOnly(0.0);
        assertThat(c.p5StdError()).containsOnly(0.0);
        assertThat(c.p50StdError()).containsOnly(0.0);
    }

    @Test
    void checkpointsWithoutNumbersAreNaN() {
        double[] x = {Double.NaN, Double.NaN, 1, 2, 3, 4};
        Convergence c = ConvergenceAnalysis.analyze(x, 3);
        assertThat(c.iterations()).containsExactly(2L, 4L, 6L);
        assertThat(c.mean().get(0)).isNaN();
        assertThat(c.meanStdError().get(0)).isNaN();
        assertThat(c.p50StdError().get(0)).isNaN();
        assertThat(c.mean().subList(1, 3)).containsExactly(1.5, 2.5);
    }

    @Test
    void bandwidthFollowsHallAndSheather() {
        // n^(-1/3) z^(2/3) (1.5 phi(0)^2)^(1/3) for the median of 10^6 values
        double expected = 0.01 * Math.pow(1.959963984540054, 2.0 / 3) * Math.cbrt(1.5 / (2 * Math.PI));
        assertThat(ConvergenceAnalysis.bandwidth(0.5, 1_000_000)).isCloseTo(expected, within(1e-15));
        assertThat(ConvergenceAnalysis.bandwidth(0.05, 10)).isEqualTo(0.05); // kept inside [0, 1]
        assertThat(ConvergenceAnalysis.bandwidth(0.5, 1)).isZero();
    }

    @Test
    void negativeCheckpointsAreRejected() {
        assertThatThrownBy(() -> ConvergenceAnalysis.analyze(new double[3], -1)).hasMessageContaining("checkpoints");
    }

    @Test
    void listsAreImmutable() {
        Convergence c = ConvergenceAnalysis.analyze(normals(1, 10), 2);
        assertThatThrownBy(() -> c.mean().add(1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.iterations()).isEqualTo(List.of(5L, 10L));
    }
}
