package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.positive;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.probability;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * The beta distribution (optionally stretched over [A, B]) and the gamma distribution, with their
 * inverses. BETADIST is the cumulative BETA.DIST without the flag; the other legacy names are
 * plain aliases.
 */
public final class BetaGammaFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.scalar("BETA.DIST", 4, 6, a -> betaDist(a.number(0), a.number(1), a.number(2), a.bool(3),
                a.number(4, 0), a.number(5, 1)));
        registry.scalar("BETADIST", 3, 5, a -> betaDist(a.number(0), a.number(1), a.number(2), true,
                a.number(3, 0), a.number(4, 1)));
        for (String name : new String[] {"BETA.INV", "BETAINV"}) {
            registry.scalar(name, 3, 5, BetaGammaFunctions::betaInv);
        }
        for (String name : new String[] {"GAMMA.DIST", "GAMMADIST"}) {
            registry.scalar(name, 4, 4, a -> gammaDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        }
        for (String name : new String[] {"GAMMA.INV", "GAMMAINV"}) {
            registry.scalar(name, 3, 3, a -> gammaInv(a.number(0), a.number(1), a.number(2)));
        }
    }

    private static Scalar betaDist(double x, double alpha, double beta, boolean cumulative, double lower,
                                   double upper) {
        positive(alpha);
        positive(beta);
        // x outside [A, B] is #NUM! rather than 0 or 1; so is an empty interval (A = B or A > B)
        require(lower < upper && x >= lower && x <= upper);
        double width = upper - lower;
        BetaDistribution d = BetaDistribution.of(alpha, beta);
        double t = (x - lower) / width;
        return result(cumulative ? d.cumulativeProbability(t) : d.density(t) / width);
    }

    private static Scalar betaInv(Arguments a) {
        double p = a.number(0);
        double alpha = a.number(1);
        double beta = a.number(2);
        double lower = a.number(3, 0);
        double upper = a.number(4, 1);
        // Excel: "If probability <= 0 or probability > 1, BETA.INV returns #NUM!"
        require(p > 0 && p <= 1);
        positive(alpha);
        positive(beta);
        require(lower < upper);
        return result(lower + (upper - lower) * BetaDistribution.of(alpha, beta).inverseCumulativeProbability(p));
    }

    private static Scalar gammaDist(double x, double alpha, double beta, boolean cumulative) {
        require(x >= 0);
        positive(alpha);
        positive(beta);
        GammaDistribution d = GammaDistribution.of(alpha, beta);
        return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
    }

    private static Scalar gammaInv(double p, double alpha, double beta) {
        probability(p);
        positive(alpha);
        positive(beta);
        // p = 1 maps to +infinity, which result() turns into #NUM!
        return result(GammaDistribution.of(alpha, beta).inverseCumulativeProbability(p));
    }
}
