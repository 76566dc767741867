package io.carlo.engine.sampling.correlation;

import static io.carlo.engine.sampling.correlation.CorrelationFixtures.assertMatrixClose;
import static io.carlo.engine.sampling.correlation.CorrelationFixtures.independentColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImanConoverTest {

    private static final int N = 10_000;

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void achievesTheTargetRankCorrelationsWithin002(int k) {
        CorrelationMatrix target = switch (k) {
            case 2 -> CorrelationFixtures.TWO;
            case 3 -> CorrelationFixtures.THREE;
            default -> CorrelationFixtures.FIVE;
        };
        double[][] columns = independentColumns(k, N, 11);

        double[][] achieved = ImanConover.reorder(columns, target, 11);

        System.out.printf("Iman-Conover k=%d n=%d: largest |achieved - target| = %.4f%n", k, N,
                CorrelationFixtures.largestDeviation(achieved, target));
        assertMatrixClose(achieved, target, 0.02);
        assertThat(achieved).isDeepEqualTo(RankCorrelation.matrix(columns));
    }

    @Test
    void keepsEveryColumnsValuesExactly() {
        double[][] columns = independentColumns(5, N, 3);
        double[][] before = sortedCopies(columns);

        ImanConover.reorder(columns, CorrelationFixtures.FIVE, 3);

        assertThat(sortedCopies(columns)).isDeepEqualTo(before);
    }

    @Test
    void actuallyReorders() {
        double[][] columns = independentColumns(3, N, 5);
        double[][] before = Arrays.stream(columns).map(double[]::clone).toArray(double[][]::new);
        double before01 = RankCorrelation.spearman(columns[0], columns[1]);

        ImanConover.reorder(columns, CorrelationFixtures.THREE, 5);

        assertThat(Math.abs(before01)).isLessThan(0.05);
        assertThat(columns[1]).isNotEqualTo(before[1]);
    }

    @Test
    void sameSeedSameOrderDifferentSeedDifferentOrder() {
        double[][] first = independentColumns(3, 2_000, 9);
        double[][] second = independentColumns(3, 2_000, 9);
        double[][] third = independentColumns(3, 2_000, 9);

        ImanConover.reorder(first, CorrelationFixtures.THREE, 42);
        ImanConover.reorder(second, CorrelationFixtures.THREE, 42);
        ImanConover.reorder(third, CorrelationFixtures.THREE, 43);

        assertThat(second).isDeepEqualTo(first);
        assertThat(third[1]).isNotEqualTo(first[1]);
    }

    @Test
    void perfectCorrelationMakesColumnsComonotonic() {
        CorrelationMatrix perfect = CorrelationFixtures.matrix(new double[][] {{1, 1}, {1, 1}});
        double[][] columns = independentColumns(2, 1_000, 2);

        double[][] achieved = ImanConover.reorder(columns, perfect, 2);

        assertThat(achieved[0][1]).isEqualTo(1.0);
    }

    @Test
    void anInconsistentTargetRunsAtItsRepair() {
        CorrelationMatrix target = CorrelationFixtures.matrix(CorrelationFixtures.INCONSISTENT);
        double[][] columns = independentColumns(3, N, 8);

        double[][] achieved = ImanConover.reorder(columns, target, 8);

        assertMatrixClose(achieved, target.repair().used(), 0.02);
    }

    @Test
    void tinySamplesStillGiveAPermutation() {
        for (int n = 1; n <= 4; n++) {
            double[][] columns = independentColumns(3, n, n);
            double[][] before = sortedCopies(columns);
            ImanConover.reorder(columns, CorrelationFixtures.THREE, 1);
            assertThat(sortedCopies(columns)).isDeepEqualTo(before);
        }
    }

    @Test
    void columnsMustMatchTheMatrix() {
        assertThatThrownBy(() -> ImanConover.reorder(independentColumns(2, 10, 1), CorrelationFixtures.THREE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 sample columns for a correlation matrix of 3 inputs");
        double[][] ragged = {new double[10], new double[9]};
        assertThatThrownBy(() -> ImanConover.reorder(ragged, CorrelationFixtures.TWO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the column of Model!B2 has 9 values");
    }

    private static double[][] sortedCopies(double[][] columns) {
        double[][] out = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            out[j] = columns[j].clone();
            Arrays.sort(out[j]);
        }
        return out;
    }
}
