package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.openProbability;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.positive;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.truncate;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The normal and log-normal distributions, and the helpers built on the standard normal: PHI,
 * GAUSS and CONFIDENCE. The legacy names (NORMDIST, NORMSDIST, LOGINV...) share the new ones'
 * code; only LOGNORMDIST and NORMSDIST differ, having no "cumulative" flag (they are cumulative).
 */
public final class NormalFunctions implements FunctionGroup {

    static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    @Override
    public void register(FunctionRegistry registry) {
        for (String name : new String[] {"NORM.DIST", "NORMDIST"}) {
            registry.scalar(name, 4, 4, a -> normDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        }
        for (String name : new String[] {"NORM.INV", "NORMINV"}) {
            registry.scalar(name, 3, 3, a -> normInv(a.number(0), a.number(1), a.number(2)));
        }
        registry.scalar("NORM.S.DIST", 2, 2, a -> normDist(a.number(0), 0, 1, a.bool(1)));
        registry.scalar("NORMSDIST", 1, 1, a -> normDist(a.number(0), 0, 1, true));
        for (String name : new String[] {"NORM.S.INV", "NORMSINV"}) {
            registry.scalar(name, 1, 1, a -> normInv(a.number(0), 0, 1));
        }
        registry.scalar("LOGNORM.DIST", 4, 4, a -> logNormDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        registry.scalar("LOGNORMDIST", 3, 3, a -> logNormDist(a.number(0), a.number(1), a.number(2), true));
        for (String name : new String[] {"LOGNORM.INV", "LOGINV"}) {
            registry.scalar(name, 3, 3, a -> logNormInv(a.number(0), a.number(1), a.number(2)));
        }
        registry.scalar("PHI", 1, 1, a -> result(STANDARD.density(a.number(0))));
        // GAUSS(z) = NORM.S.DIST(z) - 0.5, computed from erf so that small z keep their precision
        registry.scalar("GAUSS", 1, 1, a -> result(0.5 * Erf.value(a.number(0) / Math.sqrt(2))));
        for (String name : new String[] {"CONFIDENCE", "CONFIDENCE.NORM"}) {
            registry.scalar(name, 3, 3, a -> confidence(a.number(0), a.number(1), a.number(2)));
        }
    }

    private static Scalar normDist(double x, double mean, double sd, boolean cumulative) {
        NormalDistribution d = NormalDistribution.of(mean, positive(sd));
        return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
    }

    private static Scalar normInv(double p, double mean, double sd) {
        openProbability(p);
        positive(sd);
        return result(NormalDistribution.of(mean, sd).inverseCumulativeProbability(p));
    }

    private static Scalar logNormDist(double x, double mean, double sd, boolean cumulative) {
        // Excel rejects x <= 0 (#NUM!) even though the distribution is defined there (as 0)
        positive(x);
        positive(sd);
        LogNormalDistribution d = LogNormalDistribution.of(mean, sd);
        return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
    }

    private static Scalar logNormInv(double p, double mean, double sd) {
        openProbability(p);
        positive(sd);
        return result(LogNormalDistribution.of(mean, sd).inverseCumulativeProbability(p));
    }

    /** Half-width of the normal confidence interval; the sample size is truncated. */
    private static Scalar confidence(double alpha, double sd, double size) {
        openProbability(alpha);
        positive(sd);
        double n = truncate(size);
        require(n >= 1);
        return result(STANDARD.inverseSurvivalProbability(alpha / 2) * sd / Math.sqrt(n));
    }
}
