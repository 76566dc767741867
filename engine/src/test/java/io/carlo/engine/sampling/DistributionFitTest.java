package io.carlo.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carlo.engine.sampling.DistributionCases.Case;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every distribution, sampled by inversion of the counter-based uniforms, against its own exact CDF:
 * Kolmogorov–Smirnov (continuous) or χ² (discrete) at 10^5 draws and alpha = 0.001, with a fixed
 * seed so the outcome is the same on every run.
 */
class DistributionFitTest {

    private static final int DRAWS = 100_000;
    private static final long SEED = 20_261_122L;
    private static final double[] LEVELS = {1e-6, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6};

    /** The fit and the mean tests share one set of draws per distribution, to keep the suite quick. */
    private static final Map<String, double[]> DRAWN = new ConcurrentHashMap<>();

    private static double[] draws(Distribution d) {
        return DRAWN.computeIfAbsent(d.describe(), key -> GoodnessOfFit.draws(d, SEED, DRAWS));
    }

    static Stream<Case> cases() {
        return DistributionCases.all();
    }

    @Test
    void everyCatalogueDistributionHasACase() {
        Set<String> covered = cases().map(c -> c.create().describe().replaceAll("\\(.*", ""))
                .collect(Collectors.toSet());
        assertThat(covered).containsAll(Distributions.names());
        assertThat(Distributions.names()).hasSizeGreaterThanOrEqualTo(35).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void drawsFollowTheExactCdf(Case c) {
        Distribution d = c.create();
        double[] x = draws(d);
        assertThat(Arrays.stream(x).allMatch(v -> v >= d.lower() && v <= d.upper()))
                .as("draws inside [%s, %s]", d.lower(), d.upper()).isTrue();
        if (d.isDiscrete()) {
            var test = GoodnessOfFit.chiSquare(d, x);
            assertThat(test.bins()).as("χ² bins").isGreaterThanOrEqualTo(2);
            assertThat(test.statistic()).as("χ² over %d bins", test.bins()).isLessThan(test.critical());
        } else {
            assertThat(GoodnessOfFit.ksStatistic(d, x)).as("KS statistic").isLessThan(GoodnessOfFit.ksCritical(DRAWS));
        }
    }

    @Test
    void theTestsRejectDrawsFromANeighbouringDistribution() {
        Distribution normal = Distributions.create("Normal", DistributionCases.args(100, 10));
        Distribution wider = Distributions.create("Normal", DistributionCases.args(100, 10.3));
        double[] x = GoodnessOfFit.draws(wider, SEED, DRAWS);
        assertThat(GoodnessOfFit.ksStatistic(normal, x)).isGreaterThan(GoodnessOfFit.ksCritical(DRAWS));

        Distribution poisson = Distributions.create("Poisson", DistributionCases.args(4.5));
        double[] k = GoodnessOfFit.draws(Distributions.create("Poisson", DistributionCases.args(4.55)), SEED, DRAWS);
        assertThat(GoodnessOfFit.chiSquare(poisson, k).passes()).isFalse();
        assertThat(GoodnessOfFit.chiSquare(poisson, GoodnessOfFit.draws(poisson, SEED, DRAWS)).passes()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meanMatchesTheDraws(Case c) {
        Distribution d = c.create();
        if (!c.finiteVariance()) {
            assertThat(Double.isFinite(d.mean())).as("a distribution without a mean says so").isFalse();
            return;
        }
        double[] x = draws(d);
        double mean = Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (DRAWS - 1));
        assertThat(d.mean()).isCloseTo(mean, within(5 * sd / Math.sqrt(DRAWS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inverseCdfAndCdfRoundTrip(Case c) {
        Distribution d = c.create();
        for (double p : LEVELS) {
            double x = d.inverseCdf(p);
            assertThat(x).as("inverseCdf(%s)", p).isBetween(d.lower(), d.upper());
            if (d.isDiscrete()) {
                // x is the smallest value whose CDF reaches p.
                assertThat(d.cdf(x)).as("cdf(inverseCdf(%s))", p).isGreaterThanOrEqualTo(p);
                assertThat(d.cdf(Math.nextDown(x))).as("cdf just below inverseCdf(%s)", p).isLessThan(p);
                assertThat(d.inverseCdf(d.cdf(x))).isEqualTo(x);
            } else {
                assertThat(d.cdf(x)).as("cdf(inverseCdf(%s))", p).isCloseTo(p, within(1e-9 * Math.max(p, 1e-3)));
                assertThat(d.inverseCdf(d.cdf(x))).as("inverseCdf(cdf(%s))", x)
                        .isCloseTo(x, within(1e-7 * Math.max(1, Math.abs(x))));
            }
        }
    }

    /** The smallest and largest uniforms the streams produce still give finite values inside the support. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extremeUniformsGiveFiniteDraws(Case c) {
        Distribution d = c.create();
        for (double p : new double[] {0x1.0p-54, 1e-300, Math.nextDown(1.0)}) {
            double x = d.inverseCdf(p);
            assertThat(Double.isFinite(x)).as("inverseCdf(%s) = %s", p, x).isTrue();
            assertThat(x).isBetween(d.lower(), d.upper());
        }
        assertThat(d.inverseCdf(0x1.0p-54)).isLessThanOrEqualTo(d.inverseCdf(Math.nextDown(1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cdfIsZeroBelowAndOneAboveTheSupport(Case c) {
        Distribution d = c.create();
        if (Double.isFinite(d.lower())) {
            assertThat(d.cdf(d.lower() - 1)).isZero();
        }
        if (Double.isFinite(d.upper())) {
            assertThat(d.cdf(d.upper())).isEqualTo(1);
            assertThat(d.cdf(d.upper() + 1)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void describeRebuildsTheSameDistribution(Case c) {
        Distribution d = c.create();
        Distribution again = Describe.parse(d.describe());
        assertThat(again.describe()).isEqualTo(d.describe());
        for (double p : LEVELS) {
            assertThat(again.inverseCdf(p)).isEqualTo(d.inverseCdf(p));
        }
    }
}
