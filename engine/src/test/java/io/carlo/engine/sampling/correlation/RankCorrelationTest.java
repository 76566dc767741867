package io.carlo.engine.sampling.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void monotoneRelationsAreOneAndMinusOne() {
        double[] x = {1, 2, 3, 4, 5};

        assertThat(RankCorrelation.spearman(x, new double[] {1, 8, 27, 64, 125})).isEqualTo(1.0);
        assertThat(RankCorrelation.spearman(x, new double[] {5, 3, 1, -1, -30})).isEqualTo(-1.0);
    }

    @Test
    void withoutTiesItIsTheClassicFormula() {
        double[] a = {106, 86, 100, 101, 99, 103, 97, 113, 112, 110};
        double[] b = {7, 0, 27, 50, 28, 29, 20, 12, 6, 17};

        // 1 - 6 Σd² / (n (n² - 1)) with Σd² = 194, n = 10.
        assertThat(RankCorrelation.spearman(a, b)).isCloseTo(1 - 6 * 194.0 / (10 * 99), within(1e-15));
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(Ranks.average(new double[] {10, 20, 20, 5, 20})).containsExactly(2, 4, 4, 1, 4);
        // -0.0 and 0.0 are the same number.
        assertThat(Ranks.average(new double[] {0.0, -0.0, 1})).containsExactly(1.5, 1.5, 3);
        // Pearson of ranks (1.5, 1.5, 3, 4) and (1, 2, 3, 4).
        assertThat(RankCorrelation.spearman(new double[] {1, 1, 2, 3}, new double[] {1, 2, 3, 4}))
                .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-15));
    }

    @Test
    void ordinalRanksBreakTiesByPosition() {
        assertThat(Ranks.ordinal(new double[] {3, 1, 3, 2, 1})).containsExactly(3, 0, 4, 2, 1);
    }

    @Test
    void aConstantSampleHasNoRankCorrelation() {
        assertThat(RankCorrelation.spearman(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isNaN();
        double[][] m = RankCorrelation.matrix(new double[][] {{2, 2, 2}, {1, 2, 3}});
        assertThat(m[0][0]).isNaN();
        assertThat(m[1][1]).isEqualTo(1.0);
    }

    @Test
    void matrixIsSymmetricWithUnitDiagonal() {
        double[][] columns = CorrelationFixtures.independentColumns(4, 500, 1);

        double[][] m = RankCorrelation.matrix(columns);

        for (int i = 0; i < 4; i++) {
            assertThat(m[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 4; j++) {
                assertThat(m[i][j]).isEqualTo(m[j][i]);
                assertThat(m[i][j]).isEqualTo(i == j ? 1.0 : RankCorrelation.spearman(columns[i], columns[j]));
            }
        }
    }

    @Test
    void rejectsUnequalLengthsAndNaN() {
        assertThatThrownBy(() -> RankCorrelation.spearman(new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("equal length, got 3 and 4");
        assertThatThrownBy(() -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void normalScoreConversion() {
        assertThat(RankCorrelation.normalPearsonForSpearman(0)).isEqualTo(0.0);
        assertThat(RankCorrelation.normalPearsonForSpearman(1)).isCloseTo(1, within(1e-15));
        assertThat(RankCorrelation.normalPearsonForSpearman(-1)).isCloseTo(-1, within(1e-15));
        assertThat(RankCorrelation.normalPearsonForSpearman(0.5)).isCloseTo(0.5176380902, within(1e-10));
    }
}
