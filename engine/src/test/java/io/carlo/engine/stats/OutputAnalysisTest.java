package io.carlo.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputAnalysisTest {

    private static final StatisticsOptions OPTIONS = new StatisticsOptions(0, 21, List.of(0.0, 1.5),
            List.of(0.95, 0.99), 25);

    @Test
    void givesExactlyWhatTheSeparateCalculatorsGive() {
        Random random = new Random(8);
        int n = 30_000;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = random.nextGaussian();
            x2[i] = random.nextInt(4); // ties
            y[i] = i % 101 == 0 ? Double.NaN : Math.max(0, x1[i]) * (i % 2 == 0 ? 1 : -1) + x2[i];
        }
        y[7] = -0.0;
        x2[9] = Double.NaN;
        List<String> names = List.of("x1", "x2");
        OutputAnalysis together = OutputAnalysis.of(y, List.of(x1, x2), names, OPTIONS);
        assertEquals(Statistics.summarize(y, OPTIONS), together.statistics());
        assertEquals(SensitivityAnalysis.analyze(y, List.of(x1, x2), names), together.sensitivity());
        assertEquals(ConvergenceAnalysis.analyze(y, 25), together.convergence());
        assertThat(together.statistics().errors()).isEqualTo(298);
    }

    @Test
    void worksWithoutInputsAndValidatesWhatItIsGiven() {
        OutputAnalysis a = OutputAnalysis.of(new double[] {1, 2, 3}, List.of(), List.of(), OPTIONS);
        assertThat(a.sensitivity()).isEmpty();
        assertThat(a.statistics().mean()).isEqualTo(2);
        assertThatThrownBy(() -> OutputAnalysis.of(new double[] {1}, List.of(new double[] {1, 2}), List.of("B3"),
                OPTIONS)).hasMessageContaining("B3");
        assertThatThrownBy(() -> OutputAnalysis.of(new double[] {1}, List.of(), List.of(),
                new StatisticsOptions(0, 5, List.of(), List.of(0.0), 10))).hasMessageContaining("tail risk level");
    }
}
