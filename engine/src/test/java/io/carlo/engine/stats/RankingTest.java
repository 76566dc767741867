package io.carlo.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void tiesShareTheirAverageRank() {
        Ranking r = Ranking.of(new double[] {3, 1, 3, 2, -0.0, 0.0});
        assertThat(r.ranks()).containsExactly(5.5, 3, 5.5, 4, 1.5, 1.5);
        // stable: equal values keep their iteration order
        assertThat(r.order()).containsExactly(4, 5, 1, 3, 0, 2);
    }

    @Test
    void orderAgreesWithAComparisonSortAcrossSignsAndMagnitudes() {
        Random random = new Random(4);
        double[] x = new double[50_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 5) {
                case 0 -> random.nextGaussian() * 1e-300;
                case 1 -> -random.nextDouble() * 1e300;
                case 2 -> Math.rint(random.nextGaussian() * 3); // many ties
                case 3 -> Double.MIN_VALUE * (random.nextBoolean() ? 1 : -1);
                default -> random.nextGaussian() * 1e6;
            };
        }
        Ranking r = Ranking.of(x);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[r.order()[i]]).isEqualTo(sorted[i] + 0.0);
        }
        for (int i = 1; i < x.length; i++) {
            if (x[r.order()[i]] == x[r.order()[i - 1]]) {
                assertThat(r.order()[i]).isGreaterThan(r.order()[i - 1]);
            }
        }
        // rank = (number below) + (number equal + 1) / 2, counted independently
        for (int i = 0; i < x.length; i += 97) {
            double v = x[i];
            long below = Arrays.stream(x).filter(w -> w < v).count();
            long equal = Arrays.stream(x).filter(w -> w == v).count();
            assertThat(r.ranks()[i]).isEqualTo(below + (equal + 1) / 2.0);
        }
    }

    @Test
    void radixSortedCopyEqualsAComparisonSort() {
        Random random = new Random(6);
        double[] x = new double[30_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 6) {
                case 0 -> random.nextGaussian() * 1e-300;
                case 1 -> -random.nextDouble() * Double.MAX_VALUE;
                case 2 -> Math.rint(random.nextGaussian() * 3);
                case 3 -> random.nextBoolean() ? -Double.MIN_VALUE : Double.MIN_NORMAL;
                case 4 -> random.nextBoolean() ? -0.0 : 0.0;
                default -> random.nextGaussian() * 1e6;
            };
        }
        double[] copy = x.clone();
        double[] expected = x.clone();
        Arrays.sort(expected);
        for (int i = 0; i < expected.length; i++) {
            expected[i] += 0.0; // -0.0 -> 0.0
        }
        assertThat(RadixSort.sortedCopy(x)).containsExactly(expected);
        assertThat(x).containsExactly(copy);
        assertThat(RadixSort.sortedCopy(new double[0])).isEmpty();
        assertThat(Double.doubleToRawLongBits(RadixSort.sortedCopy(new double[] {-0.0})[0])).isZero();
    }

    @Test
    void emptyAndSingle() {
        assertThat(Ranking.of(new double[0]).ranks()).isEmpty();
        assertThat(Ranking.of(new double[] {5}).ranks()).containsExactly(1);
    }
}
