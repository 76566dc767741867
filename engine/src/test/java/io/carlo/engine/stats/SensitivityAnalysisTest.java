package io.carlo.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SensitivityAnalysisTest {

    private static final int N = 100_000;

    private static double[] normals(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** Spearman's rho of a bivariate normal pair with Pearson correlation r. */
    private static double spearmanOfNormal(double r) {
        return 6 / Math.PI * Math.asin(r / 2);
    }

    private static Sensitivity named(List<Sensitivity> result, String name) {
        return result.stream().filter(s -> s.input().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void linearModelRanksItsDriversAndRecoversTheirCoefficients() {
        Random random = new Random(42);
        double[] x1 = normals(random, N);
        double[] x2 = normals(random, N);
        double[] x3 = normals(random, N);
        double[] noise = normals(random, N);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = 3 * x1[i] + x2[i] + 0.1 * noise[i];
        }
        List<Sensitivity> result = SensitivityAnalysis.analyze(y, List.of(x2, x3, x1), List.of("x2", "x3", "x1"));

        assertThat(result).extracting(Sensitivity::input).containsExactly("x1", "x2", "x3");
        double sd = Math.sqrt(9 + 1 + 0.01);
        assertThat(result.get(0).rankCorrelation()).isCloseTo(spearmanOfNormal(3 / sd), within(0.005));
        assertThat(result.get(1).rankCorrelation()).isCloseTo(spearmanOfNormal(1 / sd), within(0.01));
        assertThat(result.get(2).rankCorrelation()).isCloseTo(0, within(0.01));
        // the fit is nearly exact, so the standardized coefficients are beta * sd(x) / sd(y)
        assertThat(result.get(0).regressionCoefficient()).isCloseTo(3 / sd, within(0.003));
        assertThat(result.get(1).regressionCoefficient()).isCloseTo(1 / sd, within(0.003));
        assertThat(result.get(2).regressionCoefficient()).isCloseTo(0, within(0.003));

        double shares = result.stream().mapToDouble(Sensitivity::contributionToVariance).sum();
        assertThat(shares).isCloseTo(1, within(1e-12));
        double r1 = result.get(0).rankCorrelation();
        double r2 = result.get(1).rankCorrelation();
        double r3 = result.get(2).rankCorrelation();
        assertThat(result.get(0).contributionToVariance()).isCloseTo(r1 * r1 / (r1 * r1 + r2 * r2 + r3 * r3),
                within(1e-12));

        // spider data: the output rises through x1's bins, roughly symmetric around the mean 0
        Sensitivity s1 = result.get(0);
        assertThat(s1.binMeans()).hasSize(Sensitivity.BINS).isSorted();
        assertThat(s1.tornadoLow()).isEqualTo(s1.binMeans().get(0));
        assertThat(s1.tornadoHigh()).isEqualTo(s1.binMeans().get(Sensitivity.BINS - 1));
        // E[y | x1 in the top decile] = 3 E[x1 | top decile] = 3 phi(z_0.9) / 0.1 = 5.2646
        assertThat(s1.tornadoHigh()).isCloseTo(5.2646, within(0.05));
        assertThat(s1.tornadoLow()).isCloseTo(-5.2646, within(0.05));
    }

    @Test
    void monotoneTransformKeepsSpearmanButNotPearson() {
        Random random = new Random(7);
        double[] x = normals(random, 20_000);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(4 * x[i]);
        }
        Sensitivity s = SensitivityAnalysis.analyze(y, List.of(x), List.of("x")).get(0);
        assertThat(s.rankCorrelation()).isEqualTo(1.0);
        double pearson = PearsonCorrelation.of(x, y);
        assertThat(pearson).isLessThan(0.5);
        // with one input the standardized coefficient is the Pearson correlation itself
        assertThat(s.regressionCoefficient()).isCloseTo(pearson, within(1e-12));

        double[] decreasing = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            decreasing[i] = -Math.pow(x[i], 3);
        }
        assertThat(SensitivityAnalysis.analyze(decreasing, List.of(x), List.of("x")).get(0).rankCorrelation())
                .isEqualTo(-1.0);
    }

    @Test
    void spearmanWithTiesMatchesExcelsCorrelOfAverageRanks() {
        double[] x = {1, 2, 2, 3, 5, 5, 5, 8, 9, 1};
        double[] y = {2.5, 1, 4, 4, 6, 3, 7, 7, 10, 0};
        List<String> formulas = new ArrayList<>();
        for (int i = 1; i <= x.length; i++) {
            formulas.add("RANK.AVG(A" + i + ",DATA,1)");
        }
        ExcelReference xr = ExcelReference.evaluate(x, formulas);
        ExcelReference yr = ExcelReference.evaluate(y, formulas);
        double[] xRanks = new double[x.length];
        double[] yRanks = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            xRanks[i] = xr.number(i);
            yRanks[i] = yr.number(i);
        }
        assertThat(Ranking.of(x).ranks()).containsExactly(xRanks);
        assertThat(Ranking.of(y).ranks()).containsExactly(yRanks);
        double expected = ExcelReference.evaluate(xRanks, List.of("CORREL(DATA,{" + join(yRanks) + "})")).number(0);
        double rho = SensitivityAnalysis.analyze(y, List.of(x), List.of("x")).get(0).rankCorrelation();
        assertThat(rho).isCloseTo(expected, within(1e-14));
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ";").append(v[i]);
        }
        return b.toString();
    }

    @Test
    void binMeansUseEqualCountsOfTheInputsOrder() {
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = 100 - i;
            y[i] = 2 * (100 - i);
        }
        Sensitivity s = SensitivityAnalysis.analyze(y, List.of(x), List.of("x")).get(0);
        assertThat(s.binMeans()).containsExactly(11.0, 31.0, 51.0, 71.0, 91.0, 111.0, 131.0, 151.0, 171.0, 191.0);
        assertThat(s.tornadoLow()).isEqualTo(11);
        assertThat(s.tornadoHigh()).isEqualTo(191);
    }

    @Test
    void constantAndRedundantInputsGetNoCoefficient() {
        Random random = new Random(1);
        double[] x1 = normals(random, 5000);
        double[] twice = new double[x1.length];
        double[] constant = new double[x1.length];
        double[] y = new double[x1.length];
        for (int i = 0; i < x1.length; i++) {
            twice[i] = 2 * x1[i];
            constant[i] = 7;
            y[i] = x1[i] + 0.5 * random.nextGaussian();
        }
        List<Sensitivity> result = SensitivityAnalysis.analyze(y, List.of(x1, constant, twice),
                List.of("x1", "constant", "twice"));
        Sensitivity c = named(result, "constant");
        assertThat(c.rankCorrelation()).isZero();
        assertThat(c.regressionCoefficient()).isZero();
        assertThat(c.contributionToVariance()).isZero();
        assertThat(result.get(2)).isSameAs(c);
        // twice is x1 over again: the fit gives x1 the whole coefficient and twice none
        assertThat(named(result, "twice").regressionCoefficient()).isZero();
        assertThat(named(result, "x1").regressionCoefficient()).isCloseTo(PearsonCorrelation.of(x1, y), within(1e-12));
        assertThat(named(result, "twice").rankCorrelation()).isEqualTo(named(result, "x1").rankCorrelation());
    }

    @Test
    void aConstantOutputIsDrivenByNothing() {
        double[] y = {4, 4, 4, 4, 4};
        double[] x = {1, 2, 3, 4, 5};
        Sensitivity s = SensitivityAnalysis.analyze(y, List.of(x), List.of("x")).get(0);
        assertThat(s.rankCorrelation()).isZero();
        assertThat(s.regressionCoefficient()).isZero();
        assertThat(s.contributionToVariance()).isZero();
    }

    @Test
    void errorIterationsAreSkippedPairwise() {
        Random random = new Random(23);
        int n = 3000;
        double[] x1 = normals(random, n);
        double[] x2 = normals(random, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x1[i] - 2 * x2[i] + random.nextGaussian();
        }
        for (int i = 0; i < n; i += 17) {
            y[i] = Double.NaN;
        }
        for (int i = 5; i < n; i += 13) {
            x2[i] = Double.NaN;
        }
        List<Sensitivity> result = SensitivityAnalysis.analyze(y, List.of(x1, x2), List.of("x1", "x2"));

        // x1 pairs with y wherever y is a number; x2 only where both are
        Sensitivity s1 = SensitivityAnalysis.analyze(keep(y, y, y), List.of(keep(x1, y, y)), List.of("x1")).get(0);
        Sensitivity s2 = SensitivityAnalysis.analyze(keep(y, y, x2), List.of(keep(x2, y, x2)), List.of("x2")).get(0);
        assertThat(named(result, "x1").rankCorrelation()).isEqualTo(s1.rankCorrelation());
        assertThat(named(result, "x1").binMeans()).isEqualTo(s1.binMeans());
        assertThat(named(result, "x2").rankCorrelation()).isEqualTo(s2.rankCorrelation());
        assertThat(named(result, "x2").binMeans()).isEqualTo(s2.binMeans());
        assertThat(result).extracting(Sensitivity::input).containsExactly("x2", "x1");
        assertThat(result.get(0).rankCorrelation()).isNegative();
        // the regression uses the rows where all are numbers
        List<Sensitivity> listwise = SensitivityAnalysis.analyze(keep(y, y, x2),
                List.of(keep(x1, y, x2), keep(x2, y, x2)), List.of("x1", "x2"));
        assertThat(named(result, "x1").regressionCoefficient()).isEqualTo(named(listwise, "x1").regressionCoefficient());
        assertThat(named(result, "x2").regressionCoefficient()).isEqualTo(named(listwise, "x2").regressionCoefficient());
    }

    /** The values of {@code v} at the iterations where both {@code a} and {@code b} are numbers. */
    private static double[] keep(double[] v, double[] a, double[] b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                out.add(v[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void iterationOrderDoesNotMatterToCorrelationsAndCoefficients() {
        Random random = new Random(99);
        int n = 4000;
        double[] x1 = normals(random, n);
        double[] x2 = normals(random, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.exp(x1[i]) + x2[i] * x2[i];
        }
        List<Sensitivity> before = SensitivityAnalysis.analyze(y, List.of(x1, x2), List.of("a", "b"));
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        double[][] shuffled = new double[3][n];
        for (int i = 0; i < n; i++) {
            shuffled[0][i] = y[perm[i]];
            shuffled[1][i] = x1[perm[i]];
            shuffled[2][i] = x2[perm[i]];
        }
        List<Sensitivity> after = SensitivityAnalysis.analyze(shuffled[0], List.of(shuffled[1], shuffled[2]),
                List.of("a", "b"));
        for (int i = 0; i < 2; i++) {
            assertThat(after.get(i).input()).isEqualTo(before.get(i).input());
            assertThat(after.get(i).rankCorrelation()).isCloseTo(before.get(i).rankCorrelation(), within(1e-12));
            assertThat(after.get(i).regressionCoefficient())
                    .isCloseTo(before.get(i).regressionCoefficient(), within(1e-12));
            // continuous inputs have no ties, so the bins hold the same iterations
            for (int b = 0; b < Sensitivity.BINS; b++) {
                assertThat(after.get(i).binMeans().get(b)).isCloseTo(before.get(i).binMeans().get(b), within(1e-12));
            }
        }
    }

    @Test
    void mismatchedInputsAreNamed() {
        assertThatThrownBy(() -> SensitivityAnalysis.analyze(new double[3], List.of(new double[2]), List.of("Model!B3")))
                .hasMessageContaining("Model!B3").hasMessageContaining("2 iterations");
        assertThatThrownBy(() -> SensitivityAnalysis.analyze(new double[3], List.of(new double[3]), List.of()))
                .hasMessageContaining("one name per input");
    }

    @Test
    void noIterationsGiveEmptyBins() {
        Sensitivity s = SensitivityAnalysis.analyze(new double[] {Double.NaN}, List.of(new double[] {1}),
                List.of("x")).get(0);
        assertThat(s.rankCorrelation()).isZero();
        assertThat(s.binMeans()).hasSize(Sensitivity.BINS).allMatch(v -> v.isNaN());
        assertEquals(Double.NaN, s.tornadoLow());
    }
}
