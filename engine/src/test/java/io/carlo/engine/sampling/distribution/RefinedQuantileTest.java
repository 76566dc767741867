package io.carlo.engine.sampling.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carlo.engine.sampling.RandomStreams;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast quantiles agree with Commons' own root search, including awkward shapes and far tails. */
class RefinedQuantileTest {

    static Stream<ContinuousDistribution> shapes() {
        return Stream.of(BetaDistribution.of(0.5, 0.5), BetaDistribution.of(0.3, 5), BetaDistribution.of(50, 2),
                BetaDistribution.of(1.6, 3.8), BetaDistribution.of(1, 1), GammaDistribution.of(0.2, 1),
                GammaDistribution.of(300, 0.01), TDistribution.of(1.5), TDistribution.of(30), FDistribution.of(1, 1),
                FDistribution.of(3, 2.5));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void agreesWithTheLibraryInverse(ContinuousDistribution d) {
        RefinedQuantile refined = new RefinedQuantile(d);
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 2_000; i++) {
            double p = RandomStreams.uniform(3, 4, i);
            double expected = d.inverseCumulativeProbability(p);
            double actual = refined.inverse(p);
            // Below the median both solve F(x) = p on a CDF computed to about 1e-16: a few ulps apart.
            // Above it ours solves S(x) = 1 - p, which is the more precise in a far tail, so there the
            // check is the error in probability alone.
            if (p <= 0.5) {
                assertThat(actual).as("p = %s", p).isCloseTo(expected, within(1e-11 * Math.max(1e-3, Math.abs(expected))));
            }
            double error = p > 0.5 ? d.survivalProbability(actual) - (1 - p) : d.cumulativeProbability(actual) - p;
            double oneUlpOfX = d.density(actual) * Math.ulp(actual);
            assertThat(Math.abs(error)).as("error in probability at p = %s", p).isLessThan(1e-14 + 4 * oneUlpOfX);
        }
        double[] grid = {1e-20, 0x1.0p-54, 1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-6, 1 - 1e-12,
            Math.nextDown(1.0)};
        for (double p : grid) {
            double actual = refined.inverse(p);
            assertThat(actual).as("p = %s", p).isGreaterThanOrEqualTo(previous);
            assertThat(Double.isFinite(actual)).isTrue();
            previous = actual;
        }
    }
}
