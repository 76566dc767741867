package io.carlo.engine.sampling;

import static io.carlo.engine.sampling.DistributionCases.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TruncationAndShiftTest {

    private static final long SEED = 7;
    private static final int DRAWS = 100_000;

    private static Distribution create(String name, Object... values) {
        return Distributions.create(name, args(values));
    }

    @Test
    void truncatedNormalMatchesCommonsTruncatedNormal() {
        Distribution d = Distributions.truncate(create("Normal", 0, 1), -1, 2);
        var reference = TruncatedNormalDistribution.of(0, 1, -1, 2);
        assertThat(d.describe()).isEqualTo("Normal(0, 1, Truncate(-1, 2))");
        assertThat(d.lower()).isEqualTo(-1);
        assertThat(d.upper()).isEqualTo(2);
        assertThat(d.mean()).isCloseTo(reference.getMean(), within(1e-12));
        for (double p : new double[] {1e-9, 0.1, 0.5, 0.9, 1 - 1e-9}) {
            assertThat(d.inverseCdf(p)).isCloseTo(reference.inverseCumulativeProbability(p), within(1e-9));
        }
        for (double x : new double[] {-1, -0.5, 0, 1.3, 2}) {
            assertThat(d.cdf(x)).isCloseTo(reference.cumulativeProbability(x), within(1e-14));
        }
        double[] x = GoodnessOfFit.draws(d, SEED, DRAWS);
        assertThat(Arrays.stream(x).min().orElseThrow()).isGreaterThanOrEqualTo(-1);
        assertThat(Arrays.stream(x).max().orElseThrow()).isLessThanOrEqualTo(2);
        assertThat(GoodnessOfFit.ksStatistic(d, x)).isLessThan(GoodnessOfFit.ksCritical(DRAWS));
    }

    @Test
    void oneSidedTruncationOfAnExponentialIsMemoryless() {
        Distribution d = Distributions.truncate(create("Expon", 1), 1, Double.POSITIVE_INFINITY);
        assertThat(d.mean()).isCloseTo(2, within(1e-9));
        assertThat(d.cdf(2)).isCloseTo(1 - Math.exp(-1), within(1e-12));
        assertThat(d.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void truncatedDiscreteKeepsWholeSupportPointsWithInclusiveBounds() {
        Distribution poisson = create("Poisson", 4);
        Distribution d = Distributions.truncate(poisson, 2.5, 6);
        assertThat(d.lower()).isEqualTo(3);
        assertThat(d.upper()).isEqualTo(6);
        assertThat(d.isDiscrete()).isTrue();
        double mass = poisson.cdf(6) - poisson.cdf(2);
        double mean = 0;
        for (int k = 3; k <= 6; k++) {
            mean += k * (poisson.cdf(k) - poisson.cdf(k - 1)) / mass;
        }
        assertThat(d.mean()).isCloseTo(mean, within(1e-12));
        double[] x = GoodnessOfFit.draws(d, SEED, DRAWS);
        assertThat(Arrays.stream(x).distinct().sorted().toArray()).containsExactly(3, 4, 5, 6);
        assertThat(GoodnessOfFit.chiSquare(d, x).passes()).isTrue();
        assertThat(d.inverseCdf(Double.MIN_VALUE)).isEqualTo(3);
        assertThat(d.inverseCdf(1 - 1e-16)).isEqualTo(6);
    }

    @Test
    void truncatedDiscreteWithAnOpenUpperSide() {
        Distribution d = Distributions.truncate(create("Poisson", 4), 1, Double.POSITIVE_INFINITY);
        assertThat(d.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        // E[X | X >= 1] = λ / (1 - e^-λ)
        assertThat(d.mean()).isCloseTo(4 / (1 - Math.exp(-4)), within(1e-9));
    }

    @Test
    void truncatedDiscreteValues() {
        Distribution d = Distributions.truncate(create("Discrete", new double[] {1, 2.5, 4, 8},
                new double[] {1, 1, 1, 1}), 2.5, 4);
        assertThat(d.mean()).isCloseTo(3.25, within(1e-12));
        assertThat(d.inverseCdf(0.1)).isEqualTo(2.5);
        assertThat(d.inverseCdf(0.9)).isEqualTo(4);
    }

    @Test
    void truncationByPercentileCutsAtTheQuantiles() {
        Distribution d = Distributions.truncateByPercentile(create("Normal", 100, 10), 0.05, 0.95);
        var normal = NormalDistribution.of(100, 10);
        assertThat(d.lower()).isCloseTo(normal.inverseCumulativeProbability(0.05), within(1e-9));
        assertThat(d.upper()).isCloseTo(normal.inverseCumulativeProbability(0.95), within(1e-9));
        assertThat(d.inverseCdf(0.5)).isCloseTo(100, within(1e-9));
        assertThat(d.mean()).isCloseTo(100, within(1e-9));
        assertThat(d.describe()).isEqualTo("Normal(100, 10, TruncateP(0.05, 0.95))");
    }

    @Test
    void truncationWithAnEmptyRangeIsAnError() {
        assertThatThrownBy(() -> Distributions.truncate(create("Uniform", 0, 1), 2, 3))
                .isInstanceOf(DistributionException.class)
                .hasMessage("Uniform(0, 1): the truncation range [2, 3] has zero probability");
        assertThatThrownBy(() -> Distributions.truncate(create("Poisson", 4), 2.2, 2.8))
                .isInstanceOf(DistributionException.class).hasMessageContaining("zero probability");
        assertThatThrownBy(() -> Distributions.truncate(create("Normal", 0, 1), 3, 2))
                .isInstanceOf(DistributionException.class)
                .hasMessage("Normal(0, 1): truncation minimum must not be greater than maximum, got 3 and 2");
        assertThatThrownBy(() -> Distributions.truncateByPercentile(create("Normal", 0, 1), 0.5, 1.5))
                .isInstanceOf(DistributionException.class)
                .hasMessage("Normal(0, 1): truncation upper percentile must be between 0 and 1, got 1.5");
    }

    @Test
    void aDistributionWithoutAMeanKeepsNoneWhenATailStaysOpen() {
        Distribution cauchy = create("Cauchy", 0, 1);
        assertThat(Distributions.truncate(cauchy, 0, Double.POSITIVE_INFINITY).mean()).isNaN();
        assertThat(Distributions.truncate(cauchy, -1, 1).mean()).isCloseTo(0, within(1e-12));
        // Cauchy on [0, 1]: E = ln 2 / (2·atan 1) = ln 2 / (π/2)
        assertThat(Distributions.truncate(cauchy, 0, 1).mean()).isCloseTo(Math.log(2) / (Math.PI / 2), within(1e-9));
    }

    @Test
    void shiftMovesEverything() {
        Distribution base = create("Normal", 100, 10);
        Distribution d = Distributions.shift(base, 5);
        assertThat(d.describe()).isEqualTo("Normal(100, 10, Shift(5))");
        assertThat(d.mean()).isEqualTo(105);
        assertThat(d.cdf(105)).isCloseTo(0.5, within(1e-15));
        for (double p : new double[] {0.01, 0.5, 0.99}) {
            assertThat(d.inverseCdf(p)).isEqualTo(base.inverseCdf(p) + 5);
        }
        Distribution poisson = Distributions.shift(create("Poisson", 3), -1);
        assertThat(poisson.lower()).isEqualTo(-1);
        assertThat(poisson.isDiscrete()).isTrue();
    }

    static java.util.stream.Stream<DistributionCases.Case> cases() {
        return DistributionCases.all();
    }

    /** Truncating every distribution to its middle 80% and shifting it keeps draws inside and the CDF exact. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDistributionTruncatesAndShifts(DistributionCases.Case c) {
        Distribution base = c.create();
        double low = base.inverseCdf(0.1);
        double high = base.inverseCdf(0.9);
        Distribution d = Distributions.shift(Distributions.truncate(base, low, high), 3);
        assertThat(d.lower()).isGreaterThanOrEqualTo(low + 3);
        assertThat(d.upper()).isLessThanOrEqualTo(high + 3);
        double mean = d.mean();
        assertThat(mean).isBetween(low + 3, high + 3);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double x = d.inverseCdf(RandomStreams.uniform(SEED, 2, i));
            assertThat(x).isBetween(low + 3, high + 3);
            sum += x;
        }
        // Draws are bounded in [low, high], so their mean is within (high - low)·4.5/√n of the true one.
        assertThat(sum / n).isCloseTo(mean, within((high - low) * 4.5 / Math.sqrt(n) + 1e-12));
        if (!d.isDiscrete()) {
            assertThat(d.cdf(d.inverseCdf(0.3))).isCloseTo(0.3, within(1e-8));
        }
    }
}
