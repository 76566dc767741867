package io.carlo.engine.sampling.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carlo.engine.sampling.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/** Target matrices and independent sample columns shared by the correlation tests. */
final class CorrelationFixtures {

    static final CorrelationMatrix TWO = matrix(new double[][] {
            {1, -0.7},
            {-0.7, 1}});

    static final CorrelationMatrix THREE = matrix(new double[][] {
            {1, 0.5, -0.3},
            {0.5, 1, 0.2},
            {-0.3, 0.2, 1}});

    static final CorrelationMatrix FIVE = matrix(new double[][] {
            {1, 0.8, -0.4, 0.0, 0.3},
            {0.8, 1, -0.5, 0.1, 0.2},
            {-0.4, -0.5, 1, -0.6, 0.0},
            {0.0, 0.1, -0.6, 1, 0.45},
            {0.3, 0.2, 0.0, 0.45, 1}});

    /** The brief's inconsistent matrix: A~B and B~C strongly together, A~C strongly apart. */
    static final double[][] INCONSISTENT = {
            {1, 0.9, -0.9},
            {0.9, 1, 0.9},
            {-0.9, 0.9, 1}};

    private static final PoissonDistribution POISSON = PoissonDistribution.of(4);

    /** Marginals of very different shapes, including a discrete one with many ties. */
    private static final List<DoubleUnaryOperator> MARGINALS = List.of(
            NormalDistribution.of(100, 10)::inverseCumulativeProbability,
            LogNormalDistribution.of(0, 1)::inverseCumulativeProbability,
            u -> 5 + 10 * u,
            ExponentialDistribution.of(2)::inverseCumulativeProbability,
            u -> POISSON.inverseCumulativeProbability(u));

    private CorrelationFixtures() {
    }

    static List<String> labels(int k) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            labels.add("Model!B" + (i + 1));
        }
        return labels;
    }

    static CorrelationMatrix matrix(double[][] values) {
        return CorrelationMatrix.of(labels(values.length), values);
    }

    /** k independent columns of n draws, column j from marginal j (cycling), stream j. */
    static double[][] independentColumns(int k, int n, long seed) {
        double[][] columns = new double[k][n];
        for (int j = 0; j < k; j++) {
            DoubleUnaryOperator inverseCdf = MARGINALS.get(j % MARGINALS.size());
            for (int i = 0; i < n; i++) {
                columns[j][i] = inverseCdf.applyAsDouble(RandomStreams.uniform(seed, j, i));
            }
        }
        return columns;
    }

    static void assertMatrixClose(double[][] actual, CorrelationMatrix expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                assertThat(actual[i][j]).as("entry (%d, %d)", i, j).isCloseTo(expected.get(i, j), within(tolerance));
            }
        }
    }

    static double largestDeviation(double[][] actual, CorrelationMatrix expected) {
        double largest = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                largest = Math.max(largest, Math.abs(actual[i][j] - expected.get(i, j)));
            }
        }
        return largest;
    }
}
