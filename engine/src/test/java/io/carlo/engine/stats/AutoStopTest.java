package io.carlo.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoStopTest {

    private static double[] sample(long seed, int n, double offset) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = offset + random.nextGaussian();
        }
        return x;
    }

    @Test
    void blocksMergeToTheMomentsOfTheWhole() {
        double[] x = sample(1, 10_000, 1e9); // a large mean: raw sums of squares would cancel to nothing
        x[17] = Double.NaN;
        RunningMoments merged = RunningMoments.EMPTY;
        for (int from = 0; from < x.length; from += 4096) {
            merged = merged.merge(RunningMoments.of(x, from, Math.min(x.length, from + 4096)));
        }
        SummaryStatistics s = Statistics.summarize(x, StatisticsOptions.DEFAULT);
        assertThat(merged.count()).isEqualTo(9999);
        assertThat(merged.mean()).isCloseTo(s.mean(), within(1e-14 * 1e9)); // a few ulps of 1e9
        assertThat(merged.variance()).isCloseTo(s.variance(), within(1e-9));
        // (the summary's interval ends sit near 1e9, so their difference has only ulp(1e9) = 1.2e-7 precision)
        assertThat(merged.meanConfidenceHalfWidth()).isCloseTo(s.meanCiHigh() - s.mean(), within(1e-6))
                .isCloseTo(Statistics.meanConfidenceHalfWidth(9999, s.variance()), within(1e-12));
        assertThat(merged.variance()).isCloseTo(1, within(0.05));
        assertThat(RunningMoments.EMPTY.merge(RunningMoments.EMPTY).variance()).isNaN();
    }

    @Test
    void stopsOnceTheIntervalIsNarrowEnough() {
        double[] x = sample(2, 100_000, 50);
        RunningMoments early = RunningMoments.of(x, 0, 2000);
        RunningMoments late = RunningMoments.of(x, 0, 100_000);
        // half-width about 1.96 / sqrt(n): 0.0438 at 2000, 0.0062 at 100000
        AutoStop absolute = AutoStop.absolute(0.01);
        assertThat(absolute.reached(early)).isFalse();
        assertThat(absolute.reached(late)).isTrue();
        // relative to |mean| = 50: 0.0002 * 50 = 0.01, the same limit
        AutoStop relative = AutoStop.relative(0.0002);
        assertThat(relative.reached(early)).isFalse();
        assertThat(relative.reached(late)).isTrue();
        assertThat(AutoStop.relative(0.01).reached(early)).isTrue();
    }

    @Test
    void neverBeforeTheMinimumCount() {
        double[] constant = {3, 3, 3, 3, 3};
        assertThat(AutoStop.absolute(1).reached(RunningMoments.of(constant, 0, 5))).isFalse();
        assertThat(new AutoStop(1, false, 5).reached(RunningMoments.of(constant, 0, 5))).isTrue();
    }

    @Test
    void badTolerancesAreRejected() {
        assertThatThrownBy(() -> AutoStop.absolute(0)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> AutoStop.relative(Double.NaN)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new AutoStop(0.1, true, 1)).hasMessageContaining("minimum");
    }
}
