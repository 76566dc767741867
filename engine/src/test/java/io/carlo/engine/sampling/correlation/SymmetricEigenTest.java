package io.carlo.engine.sampling.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carlo.engine.sampling.RandomStreams;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void knownEigenvalues() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});

        assertThat(e.values()[0]).isCloseTo(1, within(1e-15));
        assertThat(e.values()[1]).isCloseTo(3, within(1e-15));
        assertThat(Math.abs(e.vectors()[0][1])).isCloseTo(Math.sqrt(0.5), within(1e-15));
    }

    @Test
    void reconstructsARandomSymmetricMatrixFromOrthonormalVectors() {
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = 2 * RandomStreams.uniform(5, i, j) - 1;
                a[j][i] = a[i][j];
            }
        }

        SymmetricEigen e = SymmetricEigen.of(a);

        double[][] rebuilt = e.withEigenvaluesAtLeast(Double.NEGATIVE_INFINITY);
        assertThat(Matrices.frobeniusDistance(a, rebuilt)).isLessThan(1e-13);
        for (int m = 1; m < n; m++) {
            assertThat(e.values()[m]).isGreaterThanOrEqualTo(e.values()[m - 1]);
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += e.vectors()[i][p] * e.vectors()[i][q];
                }
                assertThat(dot).isCloseTo(p == q ? 1 : 0, within(1e-14));
            }
        }
    }

    @Test
    void raisingEigenvaluesToAFloorMakesAMatrixPositiveSemiDefinite() {
        double[][] a = CorrelationFixtures.INCONSISTENT;

        double[][] lifted = SymmetricEigen.of(a).withEigenvaluesAtLeast(0);

        assertThat(SymmetricEigen.of(lifted).smallest()).isGreaterThan(-1e-15);
    }
}
