package io.carlo.engine.sampling.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carlo.engine.sampling.RandomStreams;
import io.carlo.engine.simulation.SimulationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {

    private static final List<String> ABC = List.of("Price", "Volume", "Cost");

    @Test
    void keepsLabelsAndEntries() {
        CorrelationMatrix m = CorrelationFixtures.THREE;

        assertThat(m.size()).isEqualTo(3);
        assertThat(m.labels()).containsExactly("Model!B1", "Model!B2", "Model!B3");
        assertThat(m.get(0, 2)).isEqualTo(-0.3);
        assertThat(m.isPositiveSemiDefinite()).isTrue();
        assertThat(m.nearestCorrelationMatrix()).isSameAs(m);
        assertThat(m.repair().repaired()).isFalse();
    }

    @Test
    void isImmutable() {
        double[][] values = {{1, 0.5}, {0.5, 1}};
        CorrelationMatrix m = CorrelationMatrix.of(List.of("A", "B"), values);

        values[0][1] = 0.9;
        m.values()[1][0] = 0.9;

        assertThat(m.get(0, 1)).isEqualTo(0.5);
        assertThat(m.get(1, 0)).isEqualTo(0.5);
    }

    @Test
    void identityHasNoCorrelation() {
        CorrelationMatrix m = CorrelationMatrix.identity(ABC);

        assertThat(m.values()).isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void rejectsAnAsymmetricMatrixNamingThePair() {
        double[][] values = {{1, 0.5, 0}, {0.4, 1, 0}, {0, 0, 1}};

        assertThatThrownBy(() -> CorrelationMatrix.of(ABC, values))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: not symmetric: Price with Volume is 0.5 but Volume with Price is 0.4");
    }

    @Test
    void rejectsADiagonalOtherThanOne() {
        double[][] values = {{1, 0, 0}, {0, 0.9, 0}, {0, 0, 1}};

        assertThatThrownBy(() -> CorrelationMatrix.of(ABC, values))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: the diagonal entry of Volume must be 1, got 0.9");
    }

    @Test
    void rejectsEntriesOutsideMinusOneToOne() {
        double[][] values = {{1, 0, 0}, {0, 1, 1.2}, {0, 1.2, 1}};

        assertThatThrownBy(() -> CorrelationMatrix.of(ABC, values))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: correlation of Volume and Cost must be between -1 and 1, got 1.2");
    }

    @Test
    void rejectsNaN() {
        double[][] values = {{1, Double.NaN}, {Double.NaN, 1}};

        assertThatThrownBy(() -> CorrelationMatrix.of(List.of("A", "B"), values))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: correlation of A and B must be between -1 and 1, got NaN");
    }

    @Test
    void rejectsTheWrongSize() {
        assertThatThrownBy(() -> CorrelationMatrix.of(ABC, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: expected 3 rows (one per input: Price, Volume, Cost), got 2");
        assertThatThrownBy(() -> CorrelationMatrix.of(ABC, new double[][] {{1, 0, 0}, {0, 1}, {0, 0, 1}}))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: the row of Volume has 2 entries, expected 3");
    }

    @Test
    void rejectsADuplicateInput() {
        assertThatThrownBy(() -> CorrelationMatrix.identity(List.of("A", "B", "A")))
                .isInstanceOf(CorrelationException.class)
                .hasMessage("correlation matrix: input A appears twice");
    }

    @Test
    void toleratesRoundingAsymmetry() {
        double[][] values = {{1, 0.3}, {0.3 + 1e-15, 1}};

        CorrelationMatrix m = CorrelationMatrix.of(List.of("A", "B"), values);

        assertThat(m.get(0, 1)).isEqualTo(m.get(1, 0));
    }

    @Test
    void detectsContradictoryCorrelations() {
        CorrelationMatrix inconsistent = CorrelationFixtures.matrix(CorrelationFixtures.INCONSISTENT);

        assertThat(inconsistent.isPositiveSemiDefinite()).isFalse();
        assertThat(inconsistent.smallestEigenvalue()).isCloseTo(-0.8, within(1e-12));
        // Singular but consistent: two inputs that move as one.
        assertThat(CorrelationMatrix.of(List.of("A", "B"), new double[][] {{1, 1}, {1, 1}}).isPositiveSemiDefinite())
                .isTrue();
    }

    @Test
    void repairsAnInconsistentMatrixToAValidNearbyOne() {
        CorrelationMatrix inconsistent = CorrelationFixtures.matrix(CorrelationFixtures.INCONSISTENT);

        CorrelationMatrix repaired = inconsistent.nearestCorrelationMatrix();

        assertThat(repaired.isPositiveSemiDefinite()).isTrue();
        assertThat(repaired.smallestEigenvalue()).isGreaterThanOrEqualTo(0);
        // A valid correlation matrix: construction re-checks symmetry, unit diagonal and range.
        CorrelationMatrix revalidated = CorrelationMatrix.of(repaired.labels(), repaired.values());
        assertThat(revalidated).isEqualTo(repaired);
        // Its eigenvalues are 1.9, 1.9 and -0.8 (vector (1, -1, 1)); by the matrix's symmetry the
        // nearest correlation matrix is I + t S on the edge of the cone, where 1 - 2t = 0: every
        // correlation keeps its sign and shrinks from 0.9 to 0.5.
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = i == j ? 1 : 0.5 * Math.signum(inconsistent.get(i, j));
                assertThat(repaired.get(i, j)).isCloseTo(expected, within(1e-8));
            }
        }
    }

    @Test
    void theRepairIsNearerThanClippingEigenvaluesAndLocallyOptimal() {
        double[][] a = CorrelationFixtures.INCONSISTENT;
        double[][] repaired = CorrelationFixtures.matrix(a).nearestCorrelationMatrix().values();
        double distance = Matrices.frobeniusDistance(a, repaired);

        assertThat(distance).isLessThanOrEqualTo(Matrices.frobeniusDistance(a, clippedAndRescaled(a)) + 1e-8);
        // No valid correlation matrix next to the repair is nearer to the original.
        for (int trial = 0; trial < 500; trial++) {
            double[][] neighbour = Matrices.copy(repaired);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < i; j++) {
                    double step = 1e-3 * (2 * RandomStreams.uniform(1, trial, 3L * i + j) - 1);
                    neighbour[i][j] += step;
                    neighbour[j][i] += step;
                }
            }
            if (SymmetricEigen.of(neighbour).smallest() >= 0) {
                assertThat(Matrices.frobeniusDistance(a, neighbour)).isGreaterThanOrEqualTo(distance - 1e-8);
            }
        }
    }

    @Test
    void repairsLargerRandomMatricesIntoTheCone() {
        int k = 8;
        double[][] values = Matrices.identity(k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double r = Math.rint(20 * (2 * RandomStreams.uniform(77, i, j) - 1)) / 20;
                values[i][j] = r;
                values[j][i] = r;
            }
        }
        CorrelationMatrix m = CorrelationFixtures.matrix(values);
        assertThat(m.isPositiveSemiDefinite()).isFalse();

        CorrelationMatrix repaired = m.nearestCorrelationMatrix();

        assertThat(repaired.smallestEigenvalue()).isGreaterThanOrEqualTo(0);
        assertThat(Cholesky.factor(repaired.values())).isNotNull();
        assertThat(Matrices.frobeniusDistance(values, repaired.values()))
                .isLessThan(Matrices.frobeniusDistance(values, clippedAndRescaled(values)));
    }

    @Test
    void theRunReportFlagsARepairedMatrix() {
        CorrelationMatrix inconsistent = CorrelationFixtures.matrix(CorrelationFixtures.INCONSISTENT);
        CorrelationRepair repair = inconsistent.repair();
        double[][] columns = CorrelationFixtures.independentColumns(3, 10_000, 4);
        double[][] achieved = ImanConover.reorder(columns, repair.used(), 4);

        SimulationResult.CorrelationReport report = repair.toReport(achieved);

        assertThat(repair.repaired()).isTrue();
        assertThat(repair.largestChange()).isGreaterThan(0.05);
        // The samplers repair in normal-score terms: the nearest normal-score correlation is again
        // ±0.5, whose rank correlation is (6/π) asin(1/4) = 0.4826.
        double expected = 6 / Math.PI * Math.asin(0.25);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double entry = i == j ? 1 : expected * Math.signum(inconsistent.get(i, j));
                assertThat(repair.used().get(i, j)).isCloseTo(entry, within(1e-8));
            }
        }
        assertThat(repair.used().isPositiveSemiDefinite()).isTrue();
        assertThat(report.repaired()).isTrue();
        assertThat(report.inputs()).isEqualTo(inconsistent.labels());
        assertThat(report.target()).isDeepEqualTo(CorrelationFixtures.INCONSISTENT);
        assertThat(report.used()).isDeepEqualTo(repair.used().values());
        assertThat(report.achieved()).isDeepEqualTo(achieved);
        assertThat(CorrelationFixtures.THREE.repair().toReport(achieved).repaired()).isFalse();
    }

    /** The naive repair: eigenvalues below zero set to zero, then rescaled to a unit diagonal. */
    private static double[][] clippedAndRescaled(double[][] a) {
        double[][] clipped = SymmetricEigen.of(a).withEigenvaluesAtLeast(0);
        double[][] out = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                out[i][j] = clipped[i][j] / Math.sqrt(clipped[i][i] * clipped[j][j]);
            }
        }
        return out;
    }
}
