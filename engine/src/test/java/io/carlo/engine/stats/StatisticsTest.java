package io.carlo.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static final StatisticsOptions OPTIONS = new StatisticsOptions(0, 11, List.of(-1.0, 0.0, 2.5),
            List.of(0.9, 0.95, 0.99), 10);

    /** 23 values with negatives, duplicates and a long right tail. */
    private static final double[] SMALL = {3.5, -1.25, 7, 0, 2, 2, 11.75, -4, 5.5, 0.125, 2, 19, -0.5, 6.25,
        3.5, 1, 8, -2.75, 4.5, 30, 2.25, 0.75, 9};

    @Test
    void histogramRebinsASampleLeavingErrorsOut() {
        double[] samples = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, Double.NaN};
        Histogram h = Statistics.histogram(samples, 3);
        assertThat(h.edges()).containsExactly(0.0, 3.0, 6.0, 9.0);
        assertThat(h.counts()).containsExactly(3L, 3L, 4L);
        assertThat(Statistics.histogram(samples, 0).counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        assertThatThrownBy(() -> Statistics.histogram(samples, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void momentsAndPercentilesMatchExcelFunctions() {
        List<String> formulas = new ArrayList<>(List.of("AVERAGE(DATA)", "STDEV.S(DATA)", "VAR.S(DATA)",
                "SKEW(DATA)", "KURT(DATA)", "MIN(DATA)", "MAX(DATA)", "CONFIDENCE.T(0.05,STDEV.S(DATA),COUNT(DATA))"));
        for (int k = 1; k <= 99; k++) {
            formulas.add("PERCENTILE.INC(DATA," + k / 100.0 + ")");
        }
        ExcelReference excel = ExcelReference.evaluate(SMALL, formulas);
        SummaryStatistics s = Statistics.summarize(SMALL, OPTIONS);

        assertThat(s.mean()).isCloseTo(excel.number(0), within(1e-13));
        assertThat(s.stdDev()).isCloseTo(excel.number(1), within(1e-12));
        assertThat(s.variance()).isCloseTo(excel.number(2), within(1e-11));
        assertThat(s.skewness()).isCloseTo(excel.number(3), within(1e-12));
        assertThat(s.kurtosis()).isCloseTo(excel.number(4), within(1e-12));
        assertEquals(excel.number(5), s.min());
        assertEquals(excel.number(6), s.max());
        assertThat(s.meanCiHigh() - s.mean()).isCloseTo(excel.number(7), within(1e-12));
        assertThat(s.mean() - s.meanCiLow()).isCloseTo(excel.number(7), within(1e-12));
        assertThat(s.percentiles().keySet()).hasSize(99).startsWith(1).endsWith(99);
        for (int k = 1; k <= 99; k++) {
            assertThat(s.percentiles().get(k)).as("percentile %d", k).isCloseTo(excel.number(7 + k), within(1e-12));
        }
    }

    @Test
    void momentsMatchExcelOnASkewedSeededSample() {
        Random random = new Random(11);
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(random.nextGaussian()) * 1000 + 5e6; // large offset: cancellation would show
        }
        ExcelReference excel = ExcelReference.evaluate(x, List.of("STDEV.S(DATA)", "SKEW(DATA)", "KURT(DATA)"));
        SummaryStatistics s = Statistics.summarize(x, OPTIONS);
        assertThat(s.stdDev()).isCloseTo(excel.number(0), within(1e-9 * excel.number(0)));
        assertThat(s.skewness()).isCloseTo(excel.number(1), within(1e-9));
        assertThat(s.kurtosis()).isCloseTo(excel.number(2), within(1e-8));
    }

    @Test
    void targetsAndTailRiskByHand() {
        double[] oneToHundred = new double[100];
        for (int i = 0; i < 100; i++) {
            oneToHundred[99 - i] = i + 1;
        }
        SummaryStatistics s = Statistics.summarize(oneToHundred,
                new StatisticsOptions(0, 0, List.of(50.0, 0.5, 100.0, 37.5), List.of(0.95, 0.9), 0));
        assertThat(s.targets()).containsExactly(new TargetProbability(50, 0.5, 0.5),
                new TargetProbability(0.5, 0, 1), new TargetProbability(100, 1, 0),
                new TargetProbability(37.5, 0.37, 0.63));
        // 5th percentile: rank 0.05 * 99 = 4.95 from 0, between 5 and 6; the tail is 1..5
        TailRisk at95 = s.tailRisks().get(0);
        assertThat(at95.level()).isEqualTo(0.95);
        assertThat(at95.valueAtRisk()).isCloseTo(5.95, within(1e-12));
        assertThat(at95.conditionalValueAtRisk()).isEqualTo(3);
        // 10th percentile: rank 9.9, between 10 and 11; the tail is 1..10
        assertThat(s.tailRisks().get(1).valueAtRisk()).isCloseTo(10.9, within(1e-12));
        assertThat(s.tailRisks().get(1).conditionalValueAtRisk()).isEqualTo(5.5);
        assertThat(s.cdf()).isEmpty();
    }

    @Test
    void cdfPointsAreEvenlySpacedInProbability() {
        SummaryStatistics s = Statistics.summarize(SMALL, OPTIONS);
        assertThat(s.cdf()).hasSize(11);
        assertThat(s.cdf().get(0)).isEqualTo(new CdfPoint(-4, 0));
        assertThat(s.cdf().get(10)).isEqualTo(new CdfPoint(30, 1));
        assertThat(s.cdf().get(5).probability()).isEqualTo(0.5);
        assertThat(s.cdf().get(5).x()).isEqualTo(s.percentiles().get(50));
        for (int i = 1; i < 11; i++) {
            assertThat(s.cdf().get(i).x()).isGreaterThanOrEqualTo(s.cdf().get(i - 1).x());
        }
    }

    @Test
    void errorsAreCountedAndExcludedEverywhere() {
        double[] withErrors = new double[SMALL.length + 5];
        int j = 0;
        for (int i = 0; i < SMALL.length; i++) {
            if (i % 7 == 0) {
                withErrors[j++] = Double.NaN;
            }
            withErrors[j++] = SMALL[i];
        }
        withErrors[j] = Double.NaN;
        SummaryStatistics clean = Statistics.summarize(SMALL, OPTIONS);
        SummaryStatistics dirty = Statistics.summarize(withErrors, OPTIONS);
        assertThat(dirty.iterations()).isEqualTo(28);
        assertThat(dirty.errors()).isEqualTo(5);
        assertThat(dirty.count()).isEqualTo(23);
        assertEquals(new SummaryStatistics(28, 5, 23, clean.mean(), clean.stdDev(), clean.variance(),
                clean.skewness(), clean.kurtosis(), clean.min(), clean.max(), clean.mode(), clean.meanCiLow(),
                clean.meanCiHigh(), clean.percentiles(), clean.histogram(), clean.cdf(), clean.targets(),
                clean.tailRisks()), dirty);
    }

    @Test
    void theCallersArrayIsLeftAlone() {
        double[] x = SMALL.clone();
        Statistics.summarize(x, OPTIONS);
        assertThat(x).containsExactly(SMALL);
    }

    @Test
    void shufflingChangesNothingAtAll() {
        Random random = new Random(5);
        double[] x = new double[10_001];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * 3 + Math.pow(random.nextDouble(), 3) * 100;
        }
        SummaryStatistics before = Statistics.summarize(x, OPTIONS);
        for (int round = 0; round < 3; round++) {
            for (int i = x.length - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                double t = x[i];
                x[i] = x[k];
                x[k] = t;
            }
            // every statistic comes from the sorted values, so the result is identical, not just close
            assertEquals(before, Statistics.summarize(x, OPTIONS));
        }
    }

    @Test
    void scalingAndShiftingCarryThrough() {
        Random random = new Random(9);
        double[] x = new double[5000];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(random.nextGaussian());
            y[i] = 2.5 * x[i] - 40;
        }
        StatisticsOptions options = new StatisticsOptions(25, 5, List.of(1.0), List.of(0.95), 0);
        SummaryStatistics a = Statistics.summarize(x, options);
        SummaryStatistics b = Statistics.summarize(y, options);
        assertThat(b.mean()).isCloseTo(2.5 * a.mean() - 40, within(1e-10));
        assertThat(b.stdDev()).isCloseTo(2.5 * a.stdDev(), within(1e-10));
        assertThat(b.skewness()).isCloseTo(a.skewness(), within(1e-9));
        assertThat(b.kurtosis()).isCloseTo(a.kurtosis(), within(1e-9));
        assertThat(b.meanCiHigh() - b.meanCiLow()).isCloseTo(2.5 * (a.meanCiHigh() - a.meanCiLow()), within(1e-10));
        for (int k = 1; k <= 99; k++) {
            assertThat(b.percentiles().get(k)).isCloseTo(2.5 * a.percentiles().get(k) - 40, within(1e-10));
        }
        assertThat(b.histogram().counts()).isEqualTo(a.histogram().counts());
        assertThat(b.tailRisks().get(0).conditionalValueAtRisk())
                .isCloseTo(2.5 * a.tailRisks().get(0).conditionalValueAtRisk() - 40, within(1e-10));

        // a negative scale mirrors the distribution: skewness changes sign, percentiles swap ends
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = -x[i];
        }
        SummaryStatistics c = Statistics.summarize(z, options);
        assertThat(c.skewness()).isCloseTo(-a.skewness(), within(1e-9));
        assertThat(c.percentiles().get(10)).isCloseTo(-a.percentiles().get(90), within(1e-12));
    }

    @Test
    void noValuesAtAll() {
        SummaryStatistics s = Statistics.summarize(new double[] {Double.NaN, Double.NaN}, OPTIONS);
        assertThat(s.iterations()).isEqualTo(2);
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.count()).isZero();
        for (double v : new double[] {s.mean(), s.stdDev(), s.variance(), s.skewness(), s.kurtosis(), s.min(),
            s.max(), s.mode(), s.meanCiLow(), s.meanCiHigh(), s.percentiles().get(50)}) {
            assertThat(v).isNaN();
        }
        assertThat(s.histogram().counts()).isEmpty();
        assertThat(s.cdf()).isEmpty();
        assertThat(s.targets().get(0).atOrBelow()).isNaN();
        assertThat(s.tailRisks().get(0).valueAtRisk()).isNaN();
        assertThat(Statistics.summarize(new double[0], OPTIONS).iterations()).isZero();
    }

    @Test
    void oneValue() {
        SummaryStatistics s = Statistics.summarize(new double[] {Double.NaN, 4.25}, OPTIONS);
        assertThat(s.count()).isOne();
        assertThat(s.mean()).isEqualTo(4.25);
        assertThat(s.stdDev()).isNaN(); // STDEV.S of one value is #DIV/0!
        assertThat(s.meanCiLow()).isNaN();
        assertThat(s.percentiles().values()).containsOnly(4.25);
        assertThat(s.mode()).isEqualTo(4.25);
        assertThat(s.histogram().counts()).containsExactly(1L);
        assertThat(s.tailRisks().get(0).conditionalValueAtRisk()).isEqualTo(4.25);
        assertThat(s.targets().get(2)).isEqualTo(new TargetProbability(2.5, 0, 1));
    }

    @Test
    void allValuesEqual() {
        double[] x = new double[1000];
        Arrays.fill(x, 0.1);
        SummaryStatistics s = Statistics.summarize(x, OPTIONS);
        assertThat(s.mean()).isEqualTo(0.1);
        assertThat(s.stdDev()).isZero();
        assertThat(s.skewness()).isNaN();
        assertThat(s.kurtosis()).isNaN();
        assertThat(s.meanCiLow()).isEqualTo(0.1);
        assertThat(s.meanCiHigh()).isEqualTo(0.1);
        assertThat(s.mode()).isEqualTo(0.1);
        assertThat(s.histogram().edges()).containsExactly(0.1, 0.1);
        assertThat(s.histogram().counts()).containsExactly(1000L);
        assertThat(s.percentiles().values()).containsOnly(0.1);
    }

    @Test
    void automaticHistogramFollowsFreedmanDiaconis() {
        // 0..999: IQR = 749.25 - 249.75 = 499.5, width 2 * 499.5 / 1000^(1/3) = 99.9, range 999 -> 10 bins
        double[] uniform = new double[1000];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = i;
        }
        Histogram h = Statistics.summarize(uniform, OPTIONS).histogram();
        assertThat(h.counts()).hasSize(10).containsOnly(100L);
        assertThat(h.edges().get(0)).isEqualTo(0);
        assertThat(h.edges().get(10)).isEqualTo(999);
        assertThat(h.edges().get(1)).isCloseTo(99.9, within(1e-12));

        // a normal sample of 10^5: width = 2 * 1.349 / 46.4 = 0.058 over a range of about 8.5 -> about 146
        Random random = new Random(3);
        double[] normal = new double[100_000];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = random.nextGaussian();
        }
        SummaryStatistics s = Statistics.summarize(normal, OPTIONS);
        SortedValues sorted = SortedValues.finiteOf(normal);
        double iqr = s.percentiles().get(75) - s.percentiles().get(25);
        int expected = (int) Math.ceil((sorted.max() - sorted.min()) / (2 * iqr / Math.cbrt(normal.length)));
        assertThat(expected).isBetween(100, 200);
        assertThat(s.histogram().counts()).hasSize(expected);
        assertThat(s.histogram().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(normal.length);
        assertThat(s.mode()).isCloseTo(0, within(0.15));

        // heavy outliers ask for more than 200 bins: clamped
        double[] outliers = Arrays.copyOf(normal, normal.length + 1);
        outliers[normal.length] = 1e6;
        assertThat(Statistics.summarize(outliers, OPTIONS).histogram().counts()).hasSize(200);
    }

    @Test
    void askedBinsAreHonouredAndEveryValueLandsInTheBinItsEdgesSay() {
        Random random = new Random(17);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.round(random.nextGaussian() * 10) / 10.0 - 0.3; // many values on the edges
        }
        Histogram h = Statistics.summarize(x, new StatisticsOptions(37, 0, List.of(), List.of(), 0)).histogram();
        assertThat(h.counts()).hasSize(37);
        long[] expected = new long[37];
        for (double v : x) {
            int bin = 0;
            while (bin < 36 && v >= h.edges().get(bin + 1)) {
                bin++;
            }
            expected[bin]++;
        }
        assertThat(h.counts()).containsExactly(Arrays.stream(expected).boxed().toArray(Long[]::new));
    }

    @Test
    void modeOfDiscreteDataIsTheMostFrequentValue() {
        double[] dice = {1, 6, 3, 3, 2, 6, 3, 5, 6, 4};
        assertThat(Statistics.summarize(dice, OPTIONS).mode()).isEqualTo(3); // tie 3/6: the smaller
        double[] halves = {0.5, 1.5, 1.5, 0.5, 1.5, 2.5};
        assertThat(Statistics.summarize(halves, OPTIONS).mode()).isEqualTo(1.5);
    }

    @Test
    void badOptionsAreRejectedByName() {
        assertThatThrownBy(() -> Statistics.summarize(SMALL, new StatisticsOptions(0, 5, List.of(), List.of(1.5), 0)))
                .hasMessageContaining("tail risk level").hasMessageContaining("1.5");
        assertThatThrownBy(() -> Statistics.summarize(SMALL, new StatisticsOptions(-3, 5, List.of(), List.of(), 0)))
                .hasMessageContaining("histogram bins");
        assertThatThrownBy(() -> Statistics.summarize(SMALL,
                new StatisticsOptions(0, 5, List.of(Double.NaN), List.of(), 0))).hasMessageContaining("target");
    }
}
