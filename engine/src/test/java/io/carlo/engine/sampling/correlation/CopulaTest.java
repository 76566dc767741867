package io.carlo.engine.sampling.correlation;

import static io.carlo.engine.sampling.correlation.CorrelationFixtures.assertMatrixClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carlo.engine.sampling.RandomStreams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CopulaTest {

    private static final int N = 10_000;

    private static CorrelationMatrix target(int k) {
        return switch (k) {
            case 2 -> CorrelationFixtures.TWO;
            case 3 -> CorrelationFixtures.THREE;
            default -> CorrelationFixtures.FIVE;
        };
    }

    /** Columns of n iterations of the copula's uniforms, streams 0..k-1 shifted by 100. */
    private static double[][] draw(Copula copula, long seed, int n) {
        int k = copula.dimension();
        int[] streams = new int[k];
        for (int j = 0; j < k; j++) {
            streams[j] = 100 + j;
        }
        double[][] columns = new double[k][n];
        double[] out = new double[k];
        for (int i = 0; i < n; i++) {
            copula.uniforms(seed, i, streams, out);
            for (int j = 0; j < k; j++) {
                columns[j][i] = out[j];
            }
        }
        return columns;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void gaussianCopulaAchievesTheTargetRankCorrelationsWithin002(int k) {
        double[][] uniforms = draw(new GaussianCopula(target(k)), 21, N);

        double[][] achieved = RankCorrelation.matrix(uniforms);

        System.out.printf("Gaussian copula k=%d n=%d: largest |achieved - target| = %.4f%n", k, N,
                CorrelationFixtures.largestDeviation(achieved, target(k)));
        assertMatrixClose(achieved, target(k), 0.02);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 30})
    void studentCopulaAchievesTheTargetRankCorrelationsWithin002(int degreesOfFreedom) {
        CorrelationMatrix target = CorrelationFixtures.FIVE;
        double[][] uniforms = draw(new StudentCopula(target, degreesOfFreedom), 22, N);

        double[][] achieved = RankCorrelation.matrix(uniforms);

        System.out.printf("Student copula nu=%d n=%d: largest |achieved - target| = %.4f%n", degreesOfFreedom, N,
                CorrelationFixtures.largestDeviation(achieved, target));
        assertMatrixClose(achieved, target, 0.02);
    }

    @Test
    void aConsistentTargetIsUsedAsGiven() {
        assertThat(new GaussianCopula(CorrelationFixtures.FIVE).repair().repaired()).isFalse();
        CorrelationRepair studentRepair = new StudentCopula(CorrelationFixtures.FIVE, 3).repair();
        assertThat(studentRepair.repaired()).isFalse();
        assertThat(studentRepair.used()).isSameAs(CorrelationFixtures.FIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "student"})
    void marginalsAreUniformOnTheOpenInterval(String kind) {
        Copula copula = kind.equals("gaussian") ? new GaussianCopula(CorrelationFixtures.FIVE)
                : new StudentCopula(CorrelationFixtures.FIVE, 4);
        double[][] uniforms = draw(copula, 23, N);

        for (double[] column : uniforms) {
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            assertThat(sorted[0]).isGreaterThan(0);
            assertThat(sorted[N - 1]).isLessThan(1);
            // Kolmogorov–Smirnov against U(0, 1); 1.63 / sqrt(n) is the 1% critical value.
            double d = 0;
            for (int i = 0; i < N; i++) {
                d = Math.max(d, Math.max((i + 1.0) / N - sorted[i], sorted[i] - (double) i / N));
            }
            assertThat(d).isLessThan(1.63 / Math.sqrt(N));
        }
    }

    @Test
    void theStudentCopulaHasTailDependenceTheGaussianLacks() {
        CorrelationMatrix target = CorrelationFixtures.matrix(new double[][] {{1, 0.5}, {0.5, 1}});
        int n = 100_000;

        double gaussian = jointUpperTail(draw(new GaussianCopula(target), 24, n), 0.99);
        double student = jointUpperTail(draw(new StudentCopula(target, 3), 24, n), 0.99);

        // P(V > 0.99 | U > 0.99): 0.14 for the Gaussian copula at this correlation in this sample,
        // 0.37 for the t copula with 3 degrees of freedom.
        System.out.printf("P(V > 0.99 | U > 0.99): Gaussian %.3f, Student(3) %.3f%n", gaussian, student);
        assertThat(student).isGreaterThan(gaussian * 1.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "student"})
    void anIterationIsAPureFunctionOfSeedIterationAndStreams(String kind) {
        Copula copula = kind.equals("gaussian") ? new GaussianCopula(CorrelationFixtures.THREE)
                : new StudentCopula(CorrelationFixtures.THREE, 5);
        int[] streams = {7, 8, 9};
        double[] first = new double[3];
        double[] again = new double[3];
        double[] otherSeed = new double[3];

        copula.uniforms(1, 12_345, streams, first);
        copula.uniforms(1, 12_344, streams, again);
        copula.uniforms(1, 12_345, streams, again);
        copula.uniforms(2, 12_345, streams, otherSeed);

        assertThat(again).containsExactly(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void independenceIsTheIdentityMatrix() {
        Copula copula = new GaussianCopula(CorrelationMatrix.identity(CorrelationFixtures.labels(3)));
        int[] streams = {4, 5, 6};
        double[] out = new double[3];

        copula.uniforms(9, 77, streams, out);

        // With no correlation each uniform is Φ(Φ⁻¹(u)) of its own stream's uniform.
        for (int j = 0; j < 3; j++) {
            assertThat(out[j]).isCloseTo(RandomStreams.uniform(9, streams[j], 77),
                    within(1e-14));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "student"})
    void anInconsistentMatrixRunsAtItsRepair(String kind) {
        CorrelationMatrix inconsistent = CorrelationFixtures.matrix(CorrelationFixtures.INCONSISTENT);
        Copula copula = kind.equals("gaussian") ? new GaussianCopula(inconsistent)
                : new StudentCopula(inconsistent, 4);

        double[][] achieved = RankCorrelation.matrix(draw(copula, 25, N));

        CorrelationRepair repair = copula.repair();
        System.out.printf("%s copula, inconsistent target: largest |achieved - repair| = %.4f%n", kind,
                CorrelationFixtures.largestDeviation(achieved, repair.used()));
        assertThat(repair.repaired()).isTrue();
        assertThat(repair.used().isPositiveSemiDefinite()).isTrue();
        assertMatrixClose(achieved, repair.used(), 0.02);
    }

    @Test
    void theStudentRelationReducesToTheGaussianOneForManyDegreesOfFreedom() {
        StudentRankCorrelation heavy = new StudentRankCorrelation(3);
        StudentRankCorrelation light = new StudentRankCorrelation(1e6);

        assertThat(light.spearman(0.5)).isCloseTo(6 / Math.PI * Math.asin(0.25), within(1e-4));
        assertThat(heavy.spearman(1)).isCloseTo(1, within(1e-9));
        // Heavy tails lower the rank correlation for the same parameter, so the parameter goes up.
        assertThat(heavy.parameterFor(0.8)).isGreaterThan(RankCorrelation.normalPearsonForSpearman(0.8));
        assertThat(heavy.spearman(heavy.parameterFor(-0.6))).isCloseTo(-0.6, within(1e-10));
    }

    @Test
    void rejectsBadDegreesOfFreedomAndWrongLengths() {
        assertThatThrownBy(() -> new StudentCopula(CorrelationFixtures.TWO, 0))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("Student copula: degrees of freedom must be a number greater than 0, got 0.0");
        assertThatThrownBy(() -> new StudentCopula(CorrelationFixtures.TWO, Double.NaN))
                .isInstanceOf(CorrelationException.class);
        GaussianCopula copula = new GaussianCopula(CorrelationFixtures.THREE);
        assertThatThrownBy(() -> copula.uniforms(1, 1, new int[] {1, 2}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copula of 3 inputs");
    }

    private static double jointUpperTail(double[][] uv, double level) {
        int above = 0;
        int both = 0;
        for (int i = 0; i < uv[0].length; i++) {
            if (uv[0][i] > level) {
                above++;
                if (uv[1][i] > level) {
                    both++;
                }
            }
        }
        return (double) both / above;
    }
}
